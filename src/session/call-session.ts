// A call in play: holds the engine state and its log, feeds it actions and time, and tells
// the views what happened. It decides nothing: every rule is the engine's.
import { nextEventAt } from '../engine/clock.ts';
import { offeredChoices } from '../engine/affordances.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { makeLog, type CallLog, type LogEntry, type LoggedAction } from '../engine/replay.ts';
import { scoreCall, type Scorecard } from '../engine/scoring.ts';
import { initialState, step } from '../engine/step.ts';
import type { CallState, EngineEvent, Mode } from '../engine/types.ts';

export type SessionListener = (events: readonly EngineEvent[], state: CallState) => void;

/** `real`: the clock runs with the wall clock; `turns`: it moves only when the trainee waits. */
export type Pace = 'real' | 'turns';

export class CallSession {
  state: CallState;
  private readonly entries: LogEntry[] = [];
  private readonly listeners = new Set<SessionListener>();

  constructor(readonly sc: ScenarioModel, readonly seed: number, readonly mode: Mode, restored?: CallState, log: readonly LogEntry[] = [], readonly pace: Pace = 'real') {
    this.state = restored ?? initialState(sc, seed, mode);
    this.entries.push(...log);
  }

  subscribe(fn: SessionListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Applies a trainee action now; it is logged unless the engine refused it. */
  act(action: LoggedAction): readonly EngineEvent[] {
    const before = this.state;
    const r = step(this.sc, before, action);
    this.state = r.state;
    if (r.state !== before) this.entries.push({ at: before.time, action });
    this.emit(r.events);
    return r.events;
  }

  /**
   * Moves simulated time by `realMs` of wall time. Waits on tools or on hold run at the
   * scenario's time scale; conversation runs at 1:1 so the trainee has time to read.
   */
  advance(realMs: number): void {
    if (this.state.ended || realMs <= 0 || this.pace === 'turns') return;
    const waiting = this.state.onHold || this.state.tools.some((t) => t.status !== 'idle' && t.status !== 'crashed');
    const ms = Math.round(realMs * (waiting ? this.sc.timeScale : 1));
    this.tick(ms);
  }

  /** Jumps to the next thing that will happen (the "skip the wait" control). */
  skipWait(): void {
    const next = nextEventAt(this.sc, this.state);
    if (Number.isFinite(next) && next > this.state.time) this.tick(next - this.state.time);
  }

  /** Lets `ms` of call time pass (the trainee chose to wait). */
  wait(ms: number): void {
    if (!this.state.ended && ms > 0) this.tick(ms);
  }

  private tick(ms: number): void {
    const r = step(this.sc, this.state, { type: 'tick', ms });
    this.state = r.state;
    // Listeners hear every change of state, even a silent one (a line ending emits nothing).
    this.emit(r.events);
  }

  private emit(events: readonly EngineEvent[]): void {
    for (const fn of this.listeners) fn(events, this.state);
  }

  get choices(): readonly string[] {
    return offeredChoices(this.sc, this.state).map((c) => this.sc.choices[c]!.id);
  }

  get log(): CallLog {
    return makeLog(this.sc.id, this.seed, this.mode, this.entries, this.state.time);
  }

  get scorecard(): Scorecard {
    return scoreCall(this.sc, this.state);
  }
}
