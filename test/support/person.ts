// Playing a real call as a person would, for tests: each action when the screen offers it, after
// a moment to read. The log comes out with the times a person would have produced.
import { affordances } from '../../src/engine/affordances.ts';
import { nextEventAt } from '../../src/engine/clock.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import type { LogEntry } from '../../src/engine/replay.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { CallState, LoggedAction, Mode } from '../../src/engine/types.ts';

/** A line to say (its id), an action to take, or call time to let pass. */
export type Move = string | LoggedAction | { readonly wait: number };

function possible(sc: ScenarioModel, s: CallState, a: LoggedAction): boolean {
  const aff = affordances(sc, s);
  if (a.type === 'say') return aff.lines.includes(a.choice);
  if (a.type === 'hold') return aff.controls.hold;
  if (a.type === 'checkIn') return aff.controls.checkIn;
  if (a.type === 'resume') return aff.controls.resume;
  if (a.type === 'runTool' || a.type === 'restartTool')
    return aff.tools.some((t) => t.action?.type === a.type && t.id === a.tool);
  return !aff.ended;
}

/**
 * Plays `moves` from pick-up: waits (the clock moving event by event) until each action is
 * possible, reads for `think` ms, then takes it. Throws if the call ends before an action could be.
 */
export function playAsPerson(
  sc: ScenarioModel,
  moves: readonly Move[],
  { seed = 1, mode = 'training' as Mode, think = 2000 } = {},
): { entries: LogEntry[]; state: CallState } {
  let s = initialState(sc, seed, mode);
  const entries: LogEntry[] = [];
  const tick = (ms: number): void => {
    s = step(sc, s, { type: 'tick', ms }).state;
  };
  for (const m of moves) {
    if (typeof m === 'object' && 'wait' in m) {
      tick(m.wait);
      continue;
    }
    const a: LoggedAction = typeof m === 'string' ? { type: 'say', choice: m } : m;
    for (let i = 0; i < 500 && !possible(sc, s, a); i++) {
      if (s.ended) throw new Error(`the call ended at ${s.time} before ${JSON.stringify(a)}`);
      tick(Math.max(1, nextEventAt(sc, s) - s.time));
    }
    tick(think);
    if (!possible(sc, s, a)) throw new Error(`${JSON.stringify(a)} is no longer possible at ${s.time}`);
    const r = step(sc, s, a);
    if (r.events.some((e) => e.type === 'rejected')) throw new Error(`rejected ${JSON.stringify(a)} at ${s.time}`);
    entries.push({ at: s.time, action: a });
    s = r.state;
  }
  return { entries, state: s };
}

/** Lets time pass from `s` until lines are on offer (or the call ends): what the trainee could say next. */
export function nextLines(sc: ScenarioModel, s: CallState): readonly string[] {
  for (let i = 0; i < 500 && !s.ended; i++) {
    const lines = affordances(sc, s).lines;
    if (lines.length) return lines;
    s = step(sc, s, { type: 'tick', ms: Math.max(1, nextEventAt(sc, s) - s.time) }).state;
  }
  return [];
}
