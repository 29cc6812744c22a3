// A call in play: holds the engine state and its log, feeds it actions and time, and tells
// the views what happened and what the trainee can do now. It decides nothing: every rule,
// including how fast the clock runs, is the engine's. No DOM: it runs in node tests as is.
import { affordances, type Affordances } from '../engine/affordances.ts';
import { nextEventAt } from '../engine/clock.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { makeLog, type CallLog, type LogEntry, type LoggedAction } from '../engine/replay.ts';
import { scoreCall, type Scorecard } from '../engine/scoring.ts';
import { initialState, step } from '../engine/step.ts';
import type { CallState, EngineEvent, Mode } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ResultRecord } from '../ports/storage.ts';

export type SessionListener = (events: readonly EngineEvent[], state: CallState) => void;

/** `real`: the clock runs with the wall clock; `turns`: it moves only when the trainee waits. */
export type Pace = 'real' | 'turns';

export class CallSession {
  private current: CallState;
  private asked: { readonly state: CallState; readonly affordances: Affordances } | null = null;
  private readonly entries: LogEntry[] = [];
  private readonly listeners = new Set<SessionListener>();

  constructor(
    readonly sc: ScenarioModel,
    readonly seed: number,
    readonly mode: Mode,
    restored?: CallState,
    log: readonly LogEntry[] = [],
    readonly pace: Pace = 'real',
  ) {
    this.current = restored ?? initialState(sc, seed, mode);
    this.entries.push(...log);
  }

  /** The engine's state now (read-only data: the views never change it). */
  get state(): CallState {
    return this.current;
  }

  /** What the trainee can do now, asked of the engine once per state. */
  get affordances(): Affordances {
    if (this.asked?.state !== this.current)
      this.asked = { state: this.current, affordances: affordances(this.sc, this.current) };
    return this.asked.affordances;
  }

  subscribe(fn: SessionListener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Applies a trainee action now; it is logged unless the engine refused it. */
  act(action: LoggedAction): readonly EngineEvent[] {
    const before = this.current;
    const r = step(this.sc, before, action);
    this.current = r.state;
    if (r.state !== before) this.entries.push({ at: before.time, action });
    this.emit(r.events);
    return r.events;
  }

  /** Moves the call's clock by `realMs` of wall time, at the speed the engine gives for now. */
  advance(realMs: number): void {
    if (this.affordances.ended || realMs <= 0 || this.pace === 'turns') return;
    this.tick(Math.round(realMs * this.affordances.timeScale));
  }

  /** Jumps to the next thing that will happen (the "skip the wait" control). */
  skipWait(): void {
    const next = nextEventAt(this.sc, this.current);
    if (Number.isFinite(next) && next > this.current.time) this.tick(next - this.current.time);
  }

  /** Lets `ms` of call time pass (the trainee chose to wait). */
  wait(ms: number): void {
    if (!this.affordances.ended && ms > 0) this.tick(ms);
  }

  private tick(ms: number): void {
    const r = step(this.sc, this.current, { type: 'tick', ms });
    this.current = r.state;
    // Listeners hear every change of state, even a silent one (a line ending emits nothing).
    this.emit(r.events);
  }

  private emit(events: readonly EngineEvent[]): void {
    for (const fn of this.listeners) fn(events, this.current);
  }

  get log(): CallLog {
    return makeLog(this.sc.id, this.seed, this.mode, this.entries, this.current.time);
  }

  get scorecard(): Scorecard {
    return scoreCall(this.sc, this.current);
  }
}

/** The record of a finished call, as kept in the browser and exported; `finishedAt` is the wall clock's (ISO). */
export function resultOf(session: CallSession, lang: Lang, finishedAt: string): ResultRecord {
  const card = session.scorecard;
  return {
    id: `${session.sc.id}-${Date.parse(finishedAt).toString(36)}-${session.seed}`,
    scenario: session.sc.id,
    lang,
    finishedAt,
    log: session.log,
    summary: {
      total: card.total,
      process: card.process,
      diagnosis: card.diagnosis.score,
      calmness: card.calmness,
      outcome: card.outcome,
      won: card.won,
    },
  };
}
