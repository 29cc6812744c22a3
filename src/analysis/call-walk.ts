// A finished call seen moment by moment: the state before each of the trainee's actions and after
// each burst of events in between, to ask the engine what was on offer when. Pure.
import { nextEventAt } from '../engine/clock.ts';
import type { ScenarioModel } from '../engine/model.ts';
import type { LogEntry } from '../engine/replay.ts';
import { initialState, step } from '../engine/step.ts';
import type { CallState, Mode } from '../engine/types.ts';

/** A moment of the call: its state, and the index in the log of the next action (the log's length at the end). */
export type Moment = { readonly at: number; readonly action: number; readonly state: CallState };

/** Refuses to walk a call that never ends on its own (a guard, far above any call's events). */
const MAX_MOMENTS = 20_000;

/** Every moment at which the trainee could have acted (and just after each action), from pick-up to the end. */
export function momentsOf(sc: ScenarioModel, seed: number, entries: readonly LogEntry[], mode: Mode): Moment[] {
  let state = initialState(sc, seed, mode);
  const out: Moment[] = [];
  const visit = (action: number): void => {
    if (out.length < MAX_MOMENTS) out.push({ at: state.time, action, state });
  };
  const runTo = (target: number, action: number): void => {
    while (!state.ended && out.length < MAX_MOMENTS) {
      const next = nextEventAt(sc, state);
      if (!Number.isFinite(next) || next >= target) break;
      state = step(sc, state, { type: 'tick', ms: next - state.time }).state;
      visit(action);
    }
    if (!state.ended && target > state.time && Number.isFinite(target))
      state = step(sc, state, { type: 'tick', ms: target - state.time }).state;
  };
  visit(0);
  entries.forEach((entry, i) => {
    runTo(entry.at, i);
    visit(i);
    state = step(sc, state, entry.action).state;
    visit(i + 1);
  });
  runTo(Infinity, entries.length);
  return out;
}
