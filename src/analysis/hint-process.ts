// Hints for the process and diagnosis lines: which line or tool would have done a missed step and
// from when, what an early step should have waited for, what a hold or the notes lacked, when the
// diagnosis could first be stated. Pure.
import { expectedNotes, holds as conditionHolds, rightDiagnosis } from '../engine/draft.ts';
import type { ScoreLine } from '../engine/scoring.ts';
import { AVOIDED_TONES, lineHint, modelSays, type Hint, type HintContext, type HoldPart } from './hint-context.ts';

export function processHints(cx: HintContext, l: ScoreLine): Hint[] {
  if (l.status === 'done') return [];
  if (l.id.startsWith('step.')) return stepHints(cx, l);
  if (l.id.startsWith('fatal.')) return fatalEarlyHints(cx, l);
  if (l.id === 'hold') return [holdHint(cx)];
  if (l.id === 'ticketNotes') return [notesHint(cx)];
  if (l.id === 'order') return orderHints(cx);
  if (l.id === 'diagnosis.time') return diagnosisHints(cx);
  return [];
}

function stepHints(cx: HintContext, l: ScoreLine): Hint[] {
  const step = cx.sc.index.steps.get(l.id.slice('step.'.length));
  if (step === undefined) return [];
  const rec = cx.state.steps[step];
  const out: Hint[] = [];
  if (rec && !rec.inOrder) out.push(firstHint(cx, step, rec.at, escalatedEarly(cx, step)));
  if (!rec) {
    const hint = howToDo(cx, step);
    if (hint) out.push(hint);
  }
  // An escalation is not scored on its own: an early one shows on the resolution's line.
  const esc = escalateStep(cx);
  const escRec = esc >= 0 ? cx.state.steps[esc] : null;
  if (step === cx.sc.resolveStep && escRec && !escRec.inOrder && !(rec && !rec.inOrder))
    out.push(firstHint(cx, esc, escRec.at, true));
  return out;
}

function escalateStep(cx: HintContext): number {
  return cx.sc.tools.find((t) => t.id === 'escalation')?.step ?? -1;
}

function escalatedEarly(cx: HintContext, step: number): boolean {
  const esc = escalateStep(cx);
  return step === esc || (step === cx.sc.resolveStep && esc >= 0 && cx.state.steps[esc] != null);
}

/** The steps that should have come before `step`, done at `at`: those not done by then (all of them if unclear). */
function firstHint(cx: HintContext, step: number, at: number, escalation: boolean): Hint {
  const after = cx.sc.steps[step]!.after;
  const missing = after.filter((a) => {
    const r = cx.state.steps[a];
    return !r || r.at > at;
  });
  const steps = (missing.length ? missing : after).map((a) => cx.sc.steps[a]!.key);
  return { kind: 'first', at, steps, escalation };
}

/** A line (or the tool) that performs the step, at the first moment it was on offer in order; else the model's. */
function howToDo(cx: HintContext, step: number): Hint | null {
  const sc = cx.sc;
  const after = sc.steps[step]!.after;
  // Only moments where doing it would have been in order: an early step is half credit, or a fail.
  const first = (test: (i: number) => boolean): number =>
    cx.offers.findIndex((_, i) => test(i) && after.every((a) => cx.moments[i]!.state.steps[a] != null));
  const candidates = sc.choices.filter((c) => c.steps.includes(step)).map((c) => c.id);
  const tool = sc.tools.findIndex((t) => t.step === step);
  const lineAt = first((i) => candidates.some((c) => cx.offers[i]!.lines.includes(c)));
  if (tool >= 0 && (lineAt < 0 || candidates.length === 0)) {
    const id = sc.tools[tool]!.id;
    // A tool is free from the start: the moment worth naming is when the steps before it were done.
    const toolAt = after.length ? first((i) => cx.offers[i]!.tools[tool]?.press === 'run') : -1;
    const modelAt =
      cx.best?.find(
        (e) =>
          (e.action.type === 'runTool' && e.action.tool === id) || (e.action.type === 'saveTicket' && id === 'ticket'),
      )?.at ?? null;
    return { kind: 'tool', tool: id, at: toolAt >= 0 ? cx.moments[toolAt]!.at : null, modelAt };
  }
  if (!candidates.length) return null;
  const offered = lineAt >= 0 ? candidates.filter((c) => cx.offers[lineAt]!.lines.includes(c)) : candidates;
  const choice = preferred(cx, offered);
  return {
    kind: 'say',
    line: lineHint(sc, choice),
    at: lineAt >= 0 ? cx.moments[lineAt]!.at : null,
    modelAt: modelSays(cx, choice),
  };
}

/** Among lines that would do, the model answer's, else one with no tone the scoring penalises. */
export function preferred(cx: HintContext, choices: readonly string[]): string {
  const kind = (c: string): number => {
    if (modelSays(cx, c) !== null) return 0;
    const tones = cx.sc.choices[cx.sc.index.choices.get(c)!]!.tones;
    return tones.some((t) => AVOIDED_TONES.includes(t)) ? 2 : 1;
  };
  return [...choices].sort((a, b) => kind(a) - kind(b))[0]!;
}

function fatalEarlyHints(cx: HintContext, l: ScoreLine): Hint[] {
  const id = l.id.slice('fatal.'.length);
  const step = cx.sc.steps.findIndex((s) => `${s.id}_early` === id);
  const at = l.evidence[0]?.at;
  return step >= 0 && at !== undefined ? [firstHint(cx, step, at, escalatedEarly(cx, step))] : [];
}

function holdHint(cx: HintContext): Hint {
  const s = cx.state;
  const resumed = new Set(cx.events.flatMap((e) => (e.type === 'resumedCall' ? [e.at] : [])));
  const holds = s.holds.map((h) => {
    const missing: HoldPart[] = [];
    if (!h.asked) missing.push('ask');
    else if (h.reason < 0) missing.push('reason');
    if (h.overruns > 0) missing.push('checkIn');
    if (!h.thanked) missing.push(resumed.has(h.end) || h.end < 0 ? 'thank' : 'ended');
    return { at: h.since, missing };
  });
  return {
    kind: 'hold',
    holds: holds.filter((h) => h.missing.length > 0),
    every: cx.sc.scoring.checkInEvery,
    tooMany: s.holds.length > 2,
  };
}

function orderHints(cx: HintContext): Hint[] {
  const first = cx.state.misordered[0];
  if (!first) return [];
  const key = (id: string): string => cx.sc.choices[cx.sc.index.choices.get(id)!]!.key;
  return [{ kind: 'order', at: first.at, choice: key(first.choice), simpler: key(first.simpler) }];
}

function notesHint(cx: HintContext): Hint {
  const { sc, state: s } = cx;
  const byHand = sc.ticketStep >= 0 && s.steps[sc.ticketStep] != null;
  const notes = s.ticketSaved ?? (byHand ? s.notes : []);
  const missing = expectedNotes(sc, s).filter((f) => !notes.includes(f));
  const key = (f: number): string => `${sc.ns}:facts.${sc.facts[f]!}`;
  const cls = s.ticketSaved ? s.ticketSavedClass : byHand ? s.ticketClass : null;
  const right = sc.ticketClass;
  return {
    kind: 'notes',
    missing: missing.map(key),
    unknown: missing.filter((f) => !s.facts[f]).map(key),
    wrong: sc.ticketUnconfirmed.filter((f) => notes.includes(f)).map(key),
    category: right && cls?.category !== right.category ? `playbook:ticket.categories.${right.category}` : null,
    priority: right && cls?.priority !== right.priority ? `playbook:ticket.priorities.${right.priority}` : null,
    saved: s.ticketSaved !== null || byHand,
  };
}

function diagnosisHints(cx: HintContext): Hint[] {
  const sc = cx.sc;
  const d = sc.diagnoses.findIndex((_, i) => rightDiagnosis(sc, cx.state, i));
  if (d < 0) return [];
  const dg = sc.diagnoses[d]!;
  const first = cx.moments.find((m) => conditionHolds(sc, m.state, dg.evidence));
  return [
    {
      kind: 'diagnosis',
      diagnosis: `${sc.ns}:diagnoses.${dg.id}`,
      at: first?.at ?? null,
      stated: cx.state.diagnosedAt >= 0 ? cx.state.diagnosedAt : null,
      par: sc.parDiagnosis,
      wrong: cx.state.stated.filter((x) => !x.correct).map((x) => x.at),
    },
  ];
}
