// The scorecard: process, time to diagnosis, calmness and outcome, each line with its evidence.
import { ANGER, WINNING, type Outcome, type ScenarioModel, type Tone } from './model.ts';
import { expectedNotes } from './draft.ts';
import type { CallState, Evidence, ToneMark } from './types.ts';

export type Section = 'process' | 'diagnosis' | 'calmness' | 'resolution';
export type LineStatus = 'done' | 'early' | 'missed' | 'partial' | 'fatal';

export type ScoreLine = {
  readonly id: string;
  /** i18n key of the label (playbook or scorecard namespace). */
  readonly key: string;
  readonly section: Section;
  readonly weight: number;
  /** 0..1 share of the weight earned. */
  readonly credit: number;
  readonly status: LineStatus;
  readonly params: Readonly<Record<string, number | string>>;
  readonly evidence: readonly Evidence[];
};

export type Scorecard = {
  readonly outcome: Outcome | 'unfinished';
  readonly fatal: readonly string[];
  readonly process: number;
  readonly diagnosis: { readonly score: number; readonly at: number | null; readonly par: number };
  readonly calmness: number;
  /** What the outcome earned (0..100): the playbook's `outcomes` scale; 0 for an unfinished call. */
  readonly resolution: number;
  readonly total: number;
  readonly won: boolean;
  readonly duration: number;
  readonly lines: readonly ScoreLine[];
};

const TONE_PENALTY: Partial<Record<Tone, number>> = { rude: 25, condescending: 12, curt: 8, jargon: 8 };
const WRONG_DIAGNOSIS_PENALTY = 10;
const WARM: ReadonlySet<Tone> = new Set(['empathetic', 'reassuring', 'ownership']);

/** Empathy and ownership: the distinct lines said that acknowledge, reassure or take the case in hand. */
export function warmLines(s: CallState): ToneMark[] {
  const out: ToneMark[] = [];
  for (const t of s.tones) if (WARM.has(t.tone) && !out.some((u) => u.choice === t.choice)) out.push(t);
  return out;
}
const POKE_PENALTY = 20;
/** The notes' share of the ticket line when the call grades the category and priority (the rest, half each). */
const NOTES_SHARE = 0.6;

/** Scores a call (finished or not) from its state alone. */
export function scoreCall(sc: ScenarioModel, s: CallState): Scorecard {
  const duration = s.ended ? s.ended.at : s.time;
  const fatal = s.fatal.map((f) => f.id);
  const outcome = s.ended ? s.ended.outcome : 'unfinished';
  const lines: ScoreLine[] = [
    ...processLines(sc, s),
    ...diagnosisLines(sc, s),
    ...calmLines(sc, s, duration),
    outcomeLine(sc, outcome),
  ];
  for (const f of s.fatal) {
    const model = sc.scoring.fatal.find((x) => x.id === f.id);
    // Steps done too early (fatalIfEarly) are named `<step>_early`.
    const early = model ? undefined : sc.steps.find((st) => `${st.id}_early` === f.id);
    lines.push({
      id: `fatal.${f.id}`,
      key: model?.key ?? 'scorecard.fatalEarly',
      section: 'process',
      weight: 0,
      credit: 0,
      status: 'fatal',
      params: early ? { step: early.key } : {},
      evidence: [{ at: f.at, action: f.action }],
    });
  }
  const process = fatal.length ? 0 : percent(lines.filter((l) => l.section === 'process'));
  const diagnosis = diagnosisScore(sc, s);
  const calmness = percent(lines.filter((l) => l.section === 'calmness'));
  const resolution = outcome === 'unfinished' ? 0 : score100(100 * sc.scoring.outcomes[outcome]);
  const w = sc.scoring.weights;
  const sum = w.process + w.diagnosis + w.calmness + w.resolution;
  // No weight at all (0/0) scores 0, as does anything the checker should have refused (NaN, ±∞).
  let total =
    sum > 0
      ? (w.process * process + w.diagnosis * diagnosis + w.calmness * calmness + w.resolution * resolution) / sum
      : 0;
  const winning = outcome !== 'unfinished' && WINNING.has(outcome);
  if (!winning) total *= sc.scoring.lostFactor;
  if (fatal.length) total = 0;
  total = score100(total);
  const won = !fatal.length && winning && total >= sc.scoring.passScore;
  return {
    outcome,
    fatal,
    process,
    calmness,
    resolution,
    total,
    won,
    duration,
    lines,
    diagnosis: { score: diagnosis, at: s.diagnosedAt >= 0 ? s.diagnosedAt : null, par: sc.parDiagnosis },
  };
}

/** The outcome's line: what the ending earned on the playbook's `outcomes` scale. */
function outcomeLine(sc: ScenarioModel, outcome: Outcome | 'unfinished'): ScoreLine {
  const credit = outcome === 'unfinished' ? 0 : sc.scoring.outcomes[outcome];
  return {
    id: 'outcome',
    key: 'scorecard.outcomeLine',
    section: 'resolution',
    weight: sc.scoring.weights.resolution,
    credit,
    status: credit >= 1 ? 'done' : credit > 0 ? 'partial' : 'missed',
    params: { outcome, share: Math.round(100 * credit) },
    evidence: [],
  };
}

/** A section's score: its lines' credits weighted, 100 when nothing weighs (nothing was asked). */
function percent(lines: readonly ScoreLine[]): number {
  const weight = lines.reduce((a, l) => a + l.weight, 0);
  if (weight === 0) return 100;
  return score100((100 * lines.reduce((a, l) => a + l.weight * l.credit, 0)) / weight);
}

/** A score as shown: a whole number in 0..100 whatever the content (NaN counts as 0). */
function score100(x: number): number {
  return Number.isNaN(x) ? 0 : Math.round(Math.max(0, Math.min(100, x)));
}

function processLines(sc: ScenarioModel, s: CallState): ScoreLine[] {
  const out: ScoreLine[] = sc.scoredSteps.map((i) => {
    const st = sc.steps[i]!;
    const rec = s.steps[i];
    const status = !rec ? 'missed' : rec.inOrder ? 'done' : 'early';
    return {
      id: `step.${st.id}`,
      key: st.key,
      section: 'process',
      weight: st.weight,
      credit: status === 'done' ? 1 : status === 'early' ? 0.5 : 0,
      status,
      params: { phase: st.phase },
      evidence: rec ? [rec] : [],
    };
  });
  if (s.holds.length > 0) out.push(holdLine(sc, s));
  // The order of the ranked questions, once one was asked.
  if (sc.scoring.orderWeight > 0 && sc.choices.some((c, i) => c.rank > 0 && s.said[i])) out.push(orderLine(sc, s));
  if (expectedNotes(sc, s).length > 0 || sc.ticketClass) out.push(ticketLine(sc, s));
  return out;
}

function orderLine(sc: ScenarioModel, s: CallState): ScoreLine {
  const first = s.misordered[0];
  return {
    id: 'order',
    key: 'playbook:filterOrder',
    section: 'process',
    weight: sc.scoring.orderWeight,
    credit: first ? 0 : 1,
    status: first ? 'missed' : 'done',
    params: first ? { choice: first.choice, simpler: first.simpler } : {},
    evidence: s.misordered,
  };
}

function holdLine(sc: ScenarioModel, s: CallState): ScoreLine {
  let sum = 0;
  for (const h of s.holds)
    sum += ((h.asked ? 1 : 0) + (h.reason >= 0 ? 1 : 0) + (h.overruns === 0 ? 1 : 0) + (h.thanked ? 1 : 0)) / 4;
  const credit = Math.max(0, sum / s.holds.length - (s.holds.length > 2 ? 0.25 : 0));
  return {
    id: 'hold',
    key: 'playbook:hold',
    section: 'process',
    weight: sc.scoring.holdWeight,
    credit,
    status: credit >= 1 ? 'done' : credit > 0 ? 'partial' : 'missed',
    params: {
      holds: s.holds.length,
      asked: s.holds.filter((h) => h.asked).length,
      reasoned: s.holds.filter((h) => h.reason >= 0).length,
      overruns: s.holds.reduce((a, h) => a + h.overruns, 0),
      thanked: s.holds.filter((h) => h.thanked).length,
    },
    evidence: s.holds.map((h) => ({ at: h.since, action: h.action })),
  };
}

function ticketLine(sc: ScenarioModel, s: CallState): ScoreLine {
  const rec = sc.ticketStep >= 0 ? s.steps[sc.ticketStep] : null;
  const byHand = rec != null;
  const notes = s.ticketSaved ?? (byHand ? s.notes : []);
  const cls = s.ticketSaved ? s.ticketSavedClass : byHand ? s.ticketClass : null;
  const expected = expectedNotes(sc, s);
  const found = expected.filter((f) => notes.includes(f)).length;
  // A statement the customer never confirmed, noted as a fact, cancels a right note.
  const wrong = sc.ticketUnconfirmed.filter((f) => notes.includes(f));
  const notesCredit = expected.length ? Math.max(0, found - wrong.length) / expected.length : 1;
  const right = sc.ticketClass;
  const categoryOk = right !== null && cls?.category === right.category;
  const priorityOk = right !== null && cls?.priority === right.priority;
  const credit = right
    ? NOTES_SHARE * notesCredit + ((1 - NOTES_SHARE) / 2) * ((categoryOk ? 1 : 0) + (priorityOk ? 1 : 0))
    : notesCredit;
  return {
    id: 'ticketNotes',
    key: 'playbook:ticketNotes',
    section: 'process',
    weight: sc.scoring.ticketWeight,
    credit,
    status: credit >= 1 ? 'done' : credit > 0 ? 'partial' : 'missed',
    params: {
      found,
      expected: expected.length,
      missing: expected
        .filter((f) => !notes.includes(f))
        .map((f) => sc.facts[f]!)
        .join(','),
      wrong: wrong.map((f) => sc.facts[f]!).join(','),
      category: right ? (categoryOk ? 'right' : cls ? 'wrong' : 'none') : '',
      priority: right ? (priorityOk ? 'right' : cls ? 'wrong' : 'none') : '',
    },
    evidence: rec ? [rec] : [],
  };
}

function diagnosisScore(sc: ScenarioModel, s: CallState): number {
  if (s.diagnosedAt < 0) return 0;
  const par = sc.parDiagnosis;
  const late = Math.max(0, s.diagnosedAt - par);
  // A par of zero (refused by the checker) leaves no time to be late in: on time or nothing.
  const timeScore = par > 0 ? 100 * Math.max(0, 1 - late / (2 * par)) : late > 0 ? 0 : 100;
  const wrong = s.stated.filter((x) => !x.correct && x.at <= s.diagnosedAt).length;
  return score100(timeScore - WRONG_DIAGNOSIS_PENALTY * wrong);
}

function diagnosisLines(sc: ScenarioModel, s: CallState): ScoreLine[] {
  const right = s.stated.find((x) => x.correct);
  const wrong = s.stated.filter((x) => !x.correct);
  const score = diagnosisScore(sc, s);
  return [
    {
      id: 'diagnosis.time',
      key: 'scorecard.diagnosisTime',
      section: 'diagnosis',
      weight: 1,
      credit: score / 100,
      status: !right ? 'missed' : score >= 100 ? 'done' : 'partial',
      params: { at: right ? right.at : -1, par: sc.parDiagnosis, wrong: wrong.length },
      evidence: [...(right ? [right] : []), ...wrong],
    },
  ];
}

function calmLines(sc: ScenarioModel, s: CallState, duration: number): ScoreLine[] {
  const c = sc.scoring.calm;
  const init = sc.varInit[ANGER]!;
  const avg = duration > 0 ? s.angerIntegral / duration : s.vars[ANGER]!;
  const floor = init / 2;
  const angerCredit = clamp01(1 - (avg - floor) / (sc.varMax[ANGER]! - floor));
  const bad = s.tones.filter(
    (t) => TONE_PENALTY[t.tone] !== undefined && !(t.tone === 'jargon' && sc.persona === 'technical'),
  );
  const toneCredit = clamp01(1 - bad.reduce((a, t) => a + TONE_PENALTY[t.tone]!, 0) / 100);
  const deadCredit = duration > 0 ? clamp01(1 - s.deadAirMs / (0.25 * duration)) : 1;
  // The waits the customer noticed, and the troubles told in time (before they could notice): the
  // others are not owed, and telling them late costs nothing.
  const within = sc.scoring.transparencyWithin;
  const troubles = s.troubles.filter(
    (t) => t.perceived || (t.explainedAt >= 0 && !t.penalised && t.explainedAt - t.at <= within),
  );
  // Explained in time, and before the customer had to ask about it.
  const explained = troubles.filter((t) => t.explainedAt >= 0 && !t.penalised && t.explainedAt - t.at <= within);
  const transparencyCredit = troubles.length ? explained.length / troubles.length : 1;
  const pokeCredit = clamp01(1 - (POKE_PENALTY * s.pokes.length) / 100);
  const warm = warmLines(s);
  const empathyCredit = clamp01(warm.length / c.empathyLines);
  const line = (
    id: string,
    weight: number,
    credit: number,
    params: Record<string, number | string>,
    evidence: readonly Evidence[],
  ): ScoreLine => ({
    id: `calm.${id}`,
    key: `scorecard.calm.${id}`,
    section: 'calmness',
    weight,
    credit,
    status: credit >= 0.999 ? 'done' : credit > 0 ? 'partial' : 'missed',
    params,
    evidence,
  });
  return [
    line(
      'anger',
      c.anger,
      angerCredit,
      { average: Math.round(avg * 10) / 10, start: init, peak: s.maxAnger.value },
      s.maxAnger.action >= 0 ? [s.maxAnger] : [],
    ),
    line('tone', c.tone, toneCredit, { count: bad.length, tones: bad.map((t) => t.tone).join(',') }, bad),
    line(
      'deadAir',
      c.deadAir,
      deadCredit,
      {
        seconds: Math.round(s.deadAirMs / 1000),
        whileTools: Math.round(s.deadAirToolMs / 1000),
        share: duration ? Math.round((100 * s.deadAirMs) / duration) : 0,
      },
      s.deadAir,
    ),
    line(
      'transparency',
      c.transparency,
      transparencyCredit,
      { troubles: troubles.length, explained: explained.length },
      troubles.filter((t) => !explained.includes(t)),
    ),
    line('rageClicks', c.rageClicks, pokeCredit, { count: s.pokes.length }, s.pokes),
    ...(c.empathy > 0
      ? [line('empathy', c.empathy, empathyCredit, { count: warm.length, needed: c.empathyLines }, warm)]
      : []),
  ];
}

/** A credit in 0..1; NaN (a ratio with nothing to divide by) counts as 0. */
function clamp01(x: number): number {
  return Number.isNaN(x) ? 0 : Math.max(0, Math.min(1, x));
}
