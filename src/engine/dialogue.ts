// What is said: the trainee's lines, the customer's answers and hang-ups.
import { ANGER, PATIENCE, type ChoiceModel, type Outcome, type Tone } from './model.ts';
import type { EndCause } from './types.ts';
import { offeredChoices } from './affordances.ts';
import {
  addVar,
  applyEffects,
  coach,
  commitFatal,
  emit,
  holds,
  learn,
  markStep,
  rightDiagnosis,
  type Draft,
  w,
} from './draft.ts';

const CUSTOMER_PROMPT_KEY = 'customer.prompt';
const REPEAT_WINDOW = 30_000;

/** The trainee says choice `c`: tone reactions, steps, effects, then the speech queue. */
export function sayChoice(d: Draft, c: number): void {
  const sc = d.sc;
  const choice = sc.choices[c]!;
  const again = d.said[c]!;
  const last = d.saidAt[c]!;
  if (choice.rank > 0 && !again) checkOrder(d, c);
  w(d, 'said')[c] = true;
  w(d, 'saidAt')[c] = d.time;
  endSilence(d);
  emit(d, {
    type: 'lineSaid',
    at: d.time,
    choice: choice.id,
    key: choice.key,
    until: d.time + choice.duration,
    tones: choice.tones,
  });
  for (const tone of choice.tones) reactToTone(d, tone, choice.id, again);
  // The same words again so soon sound like a recording: the customer notices.
  if (again && d.time - last < REPEAT_WINDOW) {
    addVar(d, PATIENCE, -1);
    coach(d, 'coach.repeated', 'warn', {}, null);
  }
  if (choice.tones.includes('transparent') && explainTroubles(d, choice.explains) === 0)
    coach(d, 'coach.tone.transparent', 'good', {}, 'calm.tone');
  if (choice.critical) commitFatal(d, choice.critical, choice.id);
  if (choice.account) actOnAccount(d, choice.id);
  for (const st of choice.steps) markStep(d, st);
  if (choice.coachKey) coach(d, choice.coachKey, lineVerdict(choice));
  applyEffects(d, choice.effects);
  if (choice.diagnose >= 0) stateDiagnosis(d, choice.diagnose);
  d.speech = { who: 'agent', until: d.time + choice.duration };
  if (choice.reply) w(d, 'queue').push({ kind: 'reply', choice: c });
  if (choice.goto >= 0) w(d, 'queue').push({ kind: 'enter', node: choice.goto });
  if (choice.end) w(d, 'queue').push({ kind: 'end', outcome: choice.end, by: 'script' });
  checkHangUp(d);
}

/**
 * A ranked question asked while a simpler one (lower rank, same node, a step in common) is on
 * offer and not yet asked: the simplest cause comes first.
 */
function checkOrder(d: Draft, c: number): void {
  const sc = d.sc;
  const choice = sc.choices[c]!;
  let simpler = -1;
  for (const o of offeredChoices(sc, d)) {
    const other = sc.choices[o]!;
    if (o === c || other.rank <= 0 || other.rank >= choice.rank || d.said[o] || other.node !== choice.node) continue;
    if (!other.steps.some((st) => choice.steps.includes(st))) continue;
    if (simpler < 0 || other.rank < sc.choices[simpler]!.rank) simpler = o;
  }
  if (simpler < 0) return;
  const params = { choice: choice.key, simpler: sc.choices[simpler]!.key };
  w(d, 'misordered').push({ at: d.time, action: d.index, choice: choice.id, simpler: sc.choices[simpler]!.id });
  coach(d, 'coach.simplestFirst', 'warn', params, 'order');
}

/** A line that acts on or discloses the account trips each critical item whose step is not done yet. */
function actOnAccount(d: Draft, choice: string): void {
  for (const f of d.sc.scoring.fatal) {
    if (f.accountBefore === null) continue;
    const step = d.sc.steps.findIndex((s) => s.id === f.accountBefore);
    if (step >= 0 && !d.steps[step]) commitFatal(d, f.id, choice);
  }
}

const HURTFUL: ReadonlySet<Tone> = new Set(['curt', 'rude', 'jargon', 'condescending']);

/**
 * How a line's own coaching note reads: a warning when the line hurts (its tone, or effects that
 * anger the customer or wear their patience), praise otherwise — the debrief counts it the same way.
 */
function lineVerdict(choice: ChoiceModel): 'good' | 'warn' | 'bad' {
  if (choice.tones.includes('rude') || choice.tones.includes('condescending')) return 'bad';
  const costly = choice.effects.add.some(([v, delta]) => (v === ANGER && delta > 0) || (v === PATIENCE && delta < 0));
  return costly || choice.tones.some((t) => HURTFUL.has(t)) ? 'warn' : 'good';
}

function reactToTone(d: Draft, tone: Tone, choice: string, again: boolean): void {
  const sc = d.sc;
  const r = sc.persona_.tones[tone];
  // A soothing line loses its effect when repeated; a hurtful one never does.
  if (r && !(again && r.anger <= 0 && r.patience >= 0)) {
    if (r.anger) addVar(d, ANGER, r.anger);
    if (r.patience) addVar(d, PATIENCE, r.patience);
  }
  if (tone !== 'neutral') w(d, 'tones').push({ at: d.time, action: d.index, tone, choice });
  const fatal = sc.scoring.fatal.find((f) => f.tone === tone);
  if (fatal) commitFatal(d, fatal.id, choice);
  if (tone === 'rude' || tone === 'condescending') coach(d, `coach.tone.${tone}`, 'bad', {}, 'calm.tone');
  else if (tone === 'curt' || (tone === 'jargon' && sc.persona !== 'technical'))
    coach(d, `coach.tone.${tone}`, 'warn', {}, 'calm.tone');
  else if (tone === 'empathetic') coach(d, `coach.tone.${tone}`, 'good', {}, 'calm.tone');
}

/**
 * Marks the open troubles of the tools a line speaks of as explained to the customer, and coaches
 * by the same rule the debrief scores: explained within `transparencyWithin` of the trouble, or
 * late. Returns how many.
 */
export function explainTroubles(d: Draft, tools: readonly number[]): number {
  const within = d.sc.scoring.transparencyWithin;
  const explained: number[] = [];
  let lateBy = 0;
  let asked = false;
  let told = 0;
  for (let i = 0; i < d.troubles.length; i++) {
    const t = d.troubles[i]!;
    if (t.explainedAt >= 0 || !tools.includes(t.tool)) continue;
    w(d, 'troubles')[i] = { ...t, explainedAt: d.time };
    told++;
    const late = d.time - t.at > within || t.penalised;
    // A wait the customer never noticed, told late, is neither owed nor scored: no note for it.
    if (late && !t.perceived) continue;
    explained.push(i);
    // Noticed by the customer first (they asked), it is late whatever the clock says.
    if (late) lateBy = Math.max(lateBy, d.time - t.at, 1);
    asked ||= t.penalised;
  }
  // The note names the troubles it speaks of (indices into `troubles`), as the debrief counts them.
  const params = { seconds: String(Math.round(within / 1000)), troubles: explained.join(',') };
  const item = 'calm.transparency';
  if (asked) coach(d, 'coach.explainedAfterAsked', 'warn', params, item);
  else if (lateBy > 0)
    coach(d, 'coach.explainedLate', 'warn', { ...params, late: String(Math.round(lateBy / 1000)) }, item);
  else if (explained.length > 0) coach(d, 'coach.explainedInTime', 'good', params, item);
  return told;
}

/** Records a stated diagnosis; the first correct and founded one stops the diagnosis clock. */
export function stateDiagnosis(d: Draft, diag: number): void {
  const model = d.sc.diagnoses[diag]!;
  const founded = holds(d.sc, d, model.evidence);
  const correct = rightDiagnosis(d.sc, d, diag) && founded;
  w(d, 'stated').push({ at: d.time, action: d.index, diagnosis: diag, correct, founded });
  if (correct && d.diagnosedAt < 0) d.diagnosedAt = d.time;
  emit(d, { type: 'diagnosed', at: d.time, diagnosis: model.id, correct, founded });
  const key = correct ? 'coach.diagnosisRight' : founded ? 'coach.diagnosisWrong' : 'coach.diagnosisGuess';
  coach(d, key, correct ? 'good' : 'warn', {}, 'diagnosis.time');
}

/** Called when the current speech ends: plays the next queued segment, or starts a silence. */
export function nextSegment(d: Draft): void {
  d.speech = null;
  while (!d.speech && !d.ended) {
    const seg = w(d, 'queue').shift();
    if (!seg) break;
    if (seg.kind === 'reply') {
      const reply = d.sc.choices[seg.choice]!.reply!.find((u) => holds(d.sc, d, u.cond));
      if (reply) customerSays(d, reply.key, reply.duration);
    } else if (seg.kind === 'enter') {
      enterNode(d, seg.node);
    } else {
      endCall(d, seg.outcome, seg.by);
    }
  }
  if (!d.speech && !d.ended && !d.onHold) startSilence(d);
}

function customerSays(d: Draft, key: string, duration: number): void {
  emit(d, { type: 'customerSpoke', at: d.time, key, node: d.sc.nodes[d.node]!.id, until: d.time + duration });
  d.speech = { who: 'customer', until: d.time + duration };
}

/** Enters a node: its effects, then the first customer variant whose condition holds. */
export function enterNode(d: Draft, n: number): void {
  const sc = d.sc;
  const node = sc.nodes[n]!;
  d.node = n;
  w(d, 'visited')[n] = true;
  applyEffects(d, node.enter);
  const line = node.customer.find((u) => holds(sc, d, u.cond));
  if (node.end) w(d, 'queue').unshift({ kind: 'end', outcome: node.end, by: 'script' });
  if (line) customerSays(d, line.key, line.duration);
  if (!d.ended) checkHangUp(d);
}

/** The customer hangs up once patience runs out or anger peaks. */
export function checkHangUp(d: Draft): void {
  const sc = d.sc;
  if (d.ended || (d.vars[PATIENCE]! > sc.varMin[PATIENCE]! && d.vars[ANGER]! < sc.varMax[ANGER]!)) return;
  if (d.queue.some((s) => s.kind === 'end')) return;
  customerHangsUp(d, 'customer');
}

/** The customer leaves: the scenario's hang-up node is played if it has one. */
export function customerHangsUp(d: Draft, by: EndCause): void {
  emit(d, { type: 'customerHungUp', at: d.time });
  d.queue = [];
  d.speech = null;
  closeHold(d);
  endSilence(d);
  const hangUp = d.sc.onHangUp;
  if (hangUp >= 0 && !d.visited[hangUp]) {
    // However the hang-up node ends, it is the customer who left.
    d.queue = [{ kind: 'end', outcome: 'lost', by }];
    enterNode(d, hangUp);
    d.queue = d.queue.filter((s) => s.kind !== 'end' || s.by === by);
    if (!d.speech) nextSegment(d);
  } else {
    endCall(d, 'lost', by);
  }
}

export function endCall(d: Draft, outcome: Outcome, by: EndCause): void {
  endSilence(d);
  closeHold(d);
  d.queue = [];
  d.speech = null;
  d.ended = { outcome, by, at: d.time };
  emit(d, { type: 'callEnded', at: d.time, outcome, by });
}

/** A silence starts: the trainee first gets the time to read what is on offer. */
export function startSilence(d: Draft): void {
  if (d.silenceSince < 0) {
    d.silenceSince = d.time;
    d.silenceMs = -readingAllowance(d);
    d.silenceWaitMs = 0;
    d.silenceToolMs = 0;
    d.prompts = 0;
  }
}

/** Reading time for the lines on offer now: a base, plus a little per line, capped. */
function readingAllowance(d: Draft): number {
  const r = d.sc.scoring.reading;
  return Math.min(r.max, r.base + r.perLine * offeredChoices(d.sc, d).length);
}

/** Ends the current silence; the part beyond the grace period is recorded as dead air. */
export function endSilence(d: Draft): void {
  if (d.silenceSince >= 0) {
    const ms = Math.round(d.silenceMs - d.sc.scoring.deadAirGrace);
    if (ms > 0) {
      w(d, 'deadAir').push({
        at: d.silenceSince,
        until: d.time,
        ms,
        toolBusy: d.silenceToolMs * 2 >= ms,
        action: d.index,
      });
      d.deadAirMs += ms;
      d.deadAirToolMs += d.silenceToolMs;
    }
  }
  d.silenceSince = -1;
  d.silenceMs = 0;
  d.silenceWaitMs = 0;
  d.silenceToolMs = 0;
  d.prompts = 0;
}

export function closeHold(d: Draft): void {
  if (!d.onHold) return;
  const last = d.holds[d.holds.length - 1]!;
  w(d, 'holds')[d.holds.length - 1] = { ...last, end: d.time };
  d.onHold = false;
}

/** A dead-air prompt from the customer ("hello? are you there?"). */
export function promptCustomer(d: Draft, reason: 'deadAir' | 'hold' | 'wait'): void {
  emit(d, { type: 'customerPrompted', at: d.time, reason, key: `${CUSTOMER_PROMPT_KEY}.${reason}.${d.sc.persona}` });
}

export { learn };
