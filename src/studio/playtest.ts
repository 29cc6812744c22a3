// The playtest's rules (pure): a run of the real engine from the call's start or from a chosen
// node, through the trainer's actions at step pace — each action is followed by the words it
// sets off, and "let time pass" jumps to the next thing that happens. Replaying the same actions
// on an edited call rebuilds where the author was, or says which action the edit made impossible.
import { isTalking } from '../engine/affordances.ts';
import { nextEventAt } from '../engine/clock.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { stateAt, type StartAt, type StartError } from '../engine/state-at.ts';
import { initialState, step } from '../engine/step.ts';
import type { CallState, EngineEvent, LoggedAction, RejectReason } from '../engine/types.ts';

/** What the trainer did: an engine action, or letting time pass to the next event. */
export type PlayAction = LoggedAction | { readonly type: 'wait' };

/** Where a playtest starts: the call's start, or a node with chosen facts, mood and tools. */
export type PlayStart = { readonly kind: 'start' } | { readonly kind: 'node'; readonly at: StartAt };

export type PlayRun = {
  readonly state: CallState | null;
  readonly events: readonly EngineEvent[];
  /** How many of the actions were replayed. */
  readonly done: number;
  /** The first action the call refused (an edit made it impossible), and why; null when all went. */
  readonly stopped: { readonly index: number; readonly action: PlayAction; readonly reason: RejectReason } | null;
  /** The start could not be built (a node or fact that no longer exists). */
  readonly startError: StartError | null;
};

/** The playtest's seed: every run of a draft draws the same durations and faults. */
export const PLAY_SEED = 1;
/** A bound on the steps one action may set off (a call always ends within its maximum duration). */
const SETTLE_STEPS = 500;

/** Plays `actions` from `start`; stops at the first one the engine refuses. */
export function runPlay(sc: ScenarioModel, start: PlayStart, actions: readonly PlayAction[]): PlayRun {
  const events: EngineEvent[] = [];
  let state: CallState;
  if (start.kind === 'node') {
    const r = stateAt(sc, { ...start.at, seed: start.at.seed ?? PLAY_SEED });
    if (!r.ok) return { state: null, events, done: 0, stopped: null, startError: r.error };
    state = r.state;
    events.push(...r.events);
  } else state = initialState(sc, PLAY_SEED);
  state = settle(sc, state, events);
  for (let i = 0; i < actions.length; i++) {
    const a = actions[i]!;
    const r = a.type === 'wait' ? waitStep(sc, state) : step(sc, state, a);
    const refused = r.events.find((e) => e.type === 'rejected');
    if (refused?.type === 'rejected')
      return { state, events, done: i, stopped: { index: i, action: a, reason: refused.reason }, startError: null };
    events.push(...r.events);
    state = settle(sc, r.state, events);
  }
  return { state, events, done: actions.length, stopped: null, startError: null };
}

/** Time passes to the next thing that happens (a tool answers, the customer speaks up…). */
function waitStep(sc: ScenarioModel, s: CallState): { state: CallState; events: readonly EngineEvent[] } {
  if (s.ended) return step(sc, s, { type: 'hangUp' });
  const next = nextEventAt(sc, s);
  return step(sc, s, { type: 'tick', ms: Math.max(1, Math.min(next, sc.maxDuration) - s.time) });
}

/** Lets the words in progress be said: the trainee acts when nobody is speaking. */
function settle(sc: ScenarioModel, s: CallState, events: EngineEvent[]): CallState {
  let state = s;
  for (let i = 0; i < SETTLE_STEPS && !state.ended && isTalking(state); i++) {
    const r = step(sc, state, { type: 'tick', ms: Math.max(1, nextEventAt(sc, state) - state.time) });
    events.push(...r.events);
    state = r.state;
  }
  return state;
}
