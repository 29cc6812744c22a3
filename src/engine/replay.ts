// The action log is the save, the debrief's timeline and the results record: a replay folds it.
import type { ScenarioModel } from './model.ts';
import type { Action, CallState, EngineEvent, Mode } from './types.ts';
import { nextEventAt } from './clock.ts';
import { initialState, step } from './step.ts';

export const SAVE_VERSION = 1;
/** The oldest save format this build can still load. */
export const MIN_LOADABLE_VERSION = 1;

export type { LoggedAction } from './types.ts';
import type { LoggedAction } from './types.ts';
export type LogEntry = { readonly at: number; readonly action: LoggedAction };

export type CallLog = {
  readonly version: number;
  readonly minVersion: number;
  readonly scenario: string;
  readonly seed: number;
  readonly mode: Mode;
  readonly entries: readonly LogEntry[];
  /** Simulated time reached, for calls saved mid-way. */
  readonly time: number;
};

export type ReplayResult = {
  readonly state: CallState;
  readonly events: readonly EngineEvent[];
  /** Entries the engine refused (the scenario changed since the log was written). */
  readonly rejected: readonly { readonly index: number; readonly reason: string }[];
};

/** Rebuilds the exact state of a call from its seed and action log. */
export function replay(sc: ScenarioModel, seed: number, entries: readonly LogEntry[], mode: Mode = 'training', until?: number): ReplayResult {
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
export function replayToEnd(sc: ScenarioModel, seed: number, entries: readonly LogEntry[], mode: Mode = 'training'): ReplayResult {
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

/** Builds a save record for a call in progress or finished. */
export function makeLog(scenario: string, seed: number, mode: Mode, entries: readonly LogEntry[], time: number): CallLog {
  return { version: SAVE_VERSION, minVersion: MIN_LOADABLE_VERSION, scenario, seed, mode, entries, time };
}

export type LogError = { readonly path: string; readonly code: 'notObject' | 'tooNew' | 'badField' | 'badAction' };

const ACTION_TYPES = new Set<string>([
  'say', 'openTool', 'runTool', 'pokeTool', 'restartTool', 'hold', 'checkIn', 'resume', 'consultSupervisor',
  'escalate', 'diagnose', 'writeTicket', 'saveTicket', 'hangUp',
]);

/** Validates a save read from storage or a file; never throws. */
export function parseLog(data: unknown): { ok: true; value: CallLog } | { ok: false; errors: LogError[] } {
  const errors: LogError[] = [];
  if (typeof data !== 'object' || data === null) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  const o = data as Record<string, unknown>;
  if (typeof o.minVersion !== 'number' || o.minVersion > SAVE_VERSION) errors.push({ path: 'minVersion', code: 'tooNew' });
  for (const k of ['version', 'seed', 'time'] as const) if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) errors.push({ path: k, code: 'badField' });
  if (typeof o.scenario !== 'string') errors.push({ path: 'scenario', code: 'badField' });
  if (o.mode !== 'training' && o.mode !== 'exam') errors.push({ path: 'mode', code: 'badField' });
  if (!Array.isArray(o.entries)) errors.push({ path: 'entries', code: 'badField' });
  else {
    let last = 0;
    o.entries.forEach((e: unknown, i: number) => {
      const entry = e as { at?: unknown; action?: { type?: unknown } } | null;
      const ok = entry !== null && typeof entry === 'object' && typeof entry.at === 'number' && entry.at >= last
        && typeof entry.action === 'object' && entry.action !== null && ACTION_TYPES.has(String(entry.action.type));
      if (!ok) errors.push({ path: `entries[${i}]`, code: 'badAction' });
      else last = entry.at as number;
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: o as unknown as CallLog };
}
