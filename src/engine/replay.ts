// The action log is the save, the debrief's timeline and the results record: a replay folds it.
import type { ScenarioModel } from './model.ts';
import type { CallState, EngineEvent, Mode } from './types.ts';
import { nextEventAt } from './clock.ts';
import { initialState, step } from './step.ts';

// The save format lives in save.ts; re-exported here, where callers have always found it.
export { makeLog, parseLog, MAX_ENTRIES, MIN_LOADABLE_VERSION, READER_MIN_VERSION, SAVE_VERSION } from './save.ts';
export type { CallLog, LogEntry, LogError, LogErrorCode } from './save.ts';
export type { LoggedAction } from './types.ts';
import type { LogEntry } from './save.ts';

export type ReplayResult = {
  readonly state: CallState;
  readonly events: readonly EngineEvent[];
  /** Entries the engine refused (the scenario changed since the log was written). */
  readonly rejected: readonly { readonly index: number; readonly reason: string }[];
};

/** Rebuilds the exact state of a call from its seed and action log. */
export function replay(
  sc: ScenarioModel,
  seed: number,
  entries: readonly LogEntry[],
  mode: Mode = 'training',
  until?: number,
): ReplayResult {
  let state = initialState(sc, seed, mode);
  const events: EngineEvent[] = [];
  const rejected: { index: number; reason: string }[] = [];
  entries.forEach((entry, index) => {
    if (entry.at > state.time) {
      const r = step(sc, state, { type: 'tick', ms: entry.at - state.time });
      state = r.state;
      events.push(...r.events);
    }
    const r = step(sc, state, entry.action);
    for (const e of r.events) if (e.type === 'rejected') rejected.push({ index, reason: e.reason });
    state = r.state;
    events.push(...r.events);
  });
  if (until !== undefined && until > state.time) {
    const r = step(sc, state, { type: 'tick', ms: until - state.time });
    state = r.state;
    events.push(...r.events);
  }
  return { state, events, rejected };
}

/** Replays a finished call's log and lets the last lines play out to the end of the call. */
export function replayToEnd(
  sc: ScenarioModel,
  seed: number,
  entries: readonly LogEntry[],
  mode: Mode = 'training',
): ReplayResult {
  const r = replay(sc, seed, entries, mode);
  let state = r.state;
  const events = [...r.events];
  for (let guard = 0; guard < 10_000 && !state.ended; guard++) {
    const next = nextEventAt(sc, state);
    if (!Number.isFinite(next)) break;
    const t = step(sc, state, { type: 'tick', ms: next - state.time });
    state = t.state;
    events.push(...t.events);
  }
  return { state, events, rejected: r.rejected };
}
