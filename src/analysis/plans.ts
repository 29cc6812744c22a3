// What the analyser and random play try at each point. The search works in plans: a single
// action, or a waiting routine (keep the customer company, or hold with check-ins) unrolled
// into the actions a trainee would take, so long tool waits do not multiply the states.
import { anyToolBusy, busyUntil } from '../engine/affordances.ts';
import { nextEventAt } from '../engine/clock.ts';
import { holds } from '../engine/draft.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { step } from '../engine/step.ts';
import { deskWork } from './desk.ts';
import type { Action, CallState } from '../engine/types.ts';

export type LoggedStep = { readonly at: number; readonly action: Exclude<Action, { type: 'tick' }> };
export type Plan = { readonly kind: 'act'; readonly action: Action } | { readonly kind: 'company' | 'hold' | 'wait' };

const MACRO_ROUNDS = 40;
/** Check in this long before the hold deadline. */
const CHECK_IN_MARGIN = 5_000;

/** Applies a plan; returns the new state, the logged (non-tick) actions taken and the engine steps it took. */
export function applyPlan(
  sc: ScenarioModel,
  s: CallState,
  plan: Plan,
): { state: CallState; log: LoggedStep[]; steps: number } {
  const log: LoggedStep[] = [];
  let steps = 0;
  const act = (a: Action): void => {
    steps++;
    const next = step(sc, s, a).state;
    if (a.type !== 'tick' && next !== s) log.push({ at: s.time, action: a });
    s = next;
  };
  if (plan.kind === 'act') act(plan.action);
  else if (plan.kind === 'wait') waitForChange(sc, () => s, act);
  else if (plan.kind === 'company') keepCompany(sc, () => s, act);
  else holdThrough(sc, () => s, act);
  return { state: s, log, steps };
}

/** Whether every tool is in the same status in both states (copy-on-write: often the same array). */
function sameToolStatus(a: CallState, b: CallState): boolean {
  if (a.tools === b.tools) return true;
  for (let t = 0; t < a.tools.length; t++) if (a.tools[t]!.status !== b.tools[t]!.status) return false;
  return true;
}

/** What a wait is waiting for: anything but the clock moving. */
function sameMoment(a: CallState, b: CallState): boolean {
  if (
    a.node !== b.node ||
    (a.speech?.who ?? '') !== (b.speech?.who ?? '') ||
    a.queue.length !== b.queue.length ||
    a.onHold !== b.onHold
  )
    return false;
  if (!sameToolStatus(a, b)) return false;
  if (a.facts !== b.facts) for (let f = 0; f < a.facts.length; f++) if (a.facts[f] !== b.facts[f]) return false;
  return true;
}

/**
 * Lets time run until something changes besides the clock: a line ends, a tool answers or
 * fails, the customer speaks up. Prompts from the customer along the way are endured.
 */
function waitForChange(sc: ScenarioModel, get: () => CallState, act: (a: Action) => void): void {
  const start = get();
  for (let i = 0; i < MACRO_ROUNDS; i++) {
    const s = get();
    const next = nextEventAt(sc, s);
    if (s.ended || !Number.isFinite(next)) return;
    act({ type: 'tick', ms: next - s.time });
    if (!sameMoment(start, get())) return;
  }
}

/** Waits for the tools while talking to the customer before the silence gets long. */
function keepCompany(sc: ScenarioModel, get: () => CallState, act: (a: Action) => void): void {
  const start = get();
  for (let i = 0; i < MACRO_ROUNDS; i++) {
    const s = get();
    if (s.ended || !sameToolStatus(s, start) || !anyToolBusy(s)) return;
    if (s.speech || s.queue.length) {
      act({ type: 'tick', ms: nextEventAt(sc, s) - s.time });
      continue;
    }
    const talkAt = s.silenceSince + sc.scoring.deadAirGrace;
    const next = nextEventAt(sc, s);
    if (next < talkAt) act({ type: 'tick', ms: next - s.time });
    else {
      if (talkAt > s.time) act({ type: 'tick', ms: talkAt - s.time });
      const filler = fillerLine(sc, get());
      if (!filler) return;
      act({ type: 'say', choice: filler });
    }
  }
}

/** The playbook line to fill a wait with: an explanation first, then a plain "still here". */
function fillerLine(sc: ScenarioModel, s: CallState): string | null {
  let best: string | null = null;
  for (const c of sc.generic) {
    const choice = sc.choices[c]!;
    if ((choice.once && s.said[c]) || !holds(sc, s, choice.cond)) continue;
    if (!s.said[c]) return choice.id;
    best ??= choice.id;
  }
  return best;
}

/** Asks to hold, checks in before the deadline, and resumes with thanks when a tool answers. */
function holdThrough(sc: ScenarioModel, get: () => CallState, act: (a: Action) => void): void {
  act({ type: 'hold', ask: true });
  const start = get();
  for (let i = 0; i < MACRO_ROUNDS; i++) {
    const s = get();
    if (s.ended || !s.onHold) return;
    if (!sameToolStatus(s, start) || !anyToolBusy(s)) {
      act({ type: 'resume', thank: true });
      return;
    }
    const h = s.holds[s.holds.length - 1]!;
    const checkAt = h.lastContact + sc.scoring.checkInEvery - CHECK_IN_MARGIN;
    const next = nextEventAt(sc, s);
    if (next < checkAt) act({ type: 'tick', ms: next - s.time });
    else {
      if (checkAt > s.time) act({ type: 'tick', ms: checkAt - s.time });
      act({ type: 'checkIn' });
    }
  }
}

/**
 * The plans worth trying now. Desk work a good agent does at once (a tool that is due, a
 * restart, the ticket notes, the diagnosis once founded) is forced, which keeps the search small.
 */
export function searchPlans(sc: ScenarioModel, s: CallState, choices: readonly number[]): Plan[] {
  const forced = deskWork(sc, s);
  if (forced) return [{ kind: 'act', action: forced }];
  const out: Plan[] = [];
  const silent = !s.speech && s.queue.length === 0;
  const waiting = anyToolBusy(s);
  if (silent && !s.onHold) {
    const after = canonicalFloor(sc, s);
    for (const c of choices) {
      const choice = sc.choices[c]!;
      // Fillers (the playbook's lines) are said inside the waiting routine, which picks the
      // right one when the silence needs it; here only lines that move the call on.
      if (choice.node < 0) continue;
      if (isLooseLine(sc, c) && canonicalKey(sc, c) < after) continue;
      out.push({ kind: 'act', action: { type: 'say', choice: choice.id } });
    }
    if (waiting) out.push({ kind: 'company' });
    if (waiting && s.holds.length < 2 && longWait(s)) out.push({ kind: 'hold' });
  }
  if (s.onHold) out.push({ kind: 'act', action: { type: 'resume', thank: true } });
  const next = nextEventAt(sc, s);
  // Waiting in silence with nothing pending only brings dead air: left to random play.
  const waitWorthIt = !silent || waiting || s.onHold || choices.length === 0;
  if (waitWorthIt && Number.isFinite(next)) out.push({ kind: 'wait' });
  return out;
}

/** A question asked without leaving the node, with no condition: such lines commute. */
function isLooseLine(sc: ScenarioModel, c: number): boolean {
  const choice = sc.choices[c]!;
  return choice.node >= 0 && choice.goto < 0 && !choice.end && choice.once && !choice.cond;
}

/**
 * Loose lines of a node are tried in one order only: asking A then B or B then A leads to the
 * same place, and trying both orders would multiply the states. Ranked questions (`rank`) do not
 * commute — the simplest cause comes first — so the order is theirs (lowest rank first), then
 * the order the other lines are written in. A loose line is tried only if its key is above this
 * floor: the highest key of the node's loose lines already said (computed once per state, so a
 * node with thousands of lines costs linear time, not quadratic).
 */
function canonicalFloor(sc: ScenarioModel, s: CallState): number {
  let floor = -1;
  for (const o of sc.nodes[s.node]!.choices)
    if (s.said[o] && isLooseLine(sc, o)) floor = Math.max(floor, canonicalKey(sc, o));
  return floor;
}

/** A loose line's place in the canonical order: ranked ones first, by rank, then as written. */
function canonicalKey(sc: ScenarioModel, c: number): number {
  const rank = sc.choices[c]!.rank;
  return (rank > 0 ? rank : RANKLESS) * sc.choices.length + c;
}

const RANKLESS = 1_000;

/** A tool will keep the customer waiting a while yet: a hold is worth asking for. */
export function longWait(s: CallState): boolean {
  return s.tools.some((t) => busyUntil(t) - s.time >= 20_000);
}
