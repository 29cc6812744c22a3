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
import type { Pace, ResultRecord } from '../ports/storage.ts';

export type SessionListener = (events: readonly EngineEvent[], state: CallState) => void;

export type { Pace } from '../ports/storage.ts';

/**
 * Where "skip the wait" stopped: at the next thing worth seeing (`moved`), short of a complaint
 * the trainee can still prevent (`warned`: the customer speaks up at `at` unless something is
 * done; skipping again lets it come), or nowhere (`none`: nothing will happen on its own).
 */
export type SkipStop =
  | { readonly kind: 'none' | 'moved' }
  | { readonly kind: 'warned'; readonly at: number; readonly reason: 'deadAir' | 'wait' | 'hold' };

/** A skip stops this long (in real time, at the clock's speed then) before a complaint it would run into. */
export const WARN_LEAD_MS = 3000;

/** Events a skip stops after: something the trainee should see and may act on. */
const WORTH_SEEING: ReadonlySet<EngineEvent['type']> = new Set([
  'customerPrompted',
  'toolFinished',
  'toolCrashed',
  'toolFroze',
  'toolUnfroze',
  'toolRestarted',
  'customerHungUp',
  'callEnded',
]);

export class CallSession {
  private current: CallState;
  private asked: { readonly state: CallState; readonly affordances: Affordances } | null = null;
  private readonly entries: LogEntry[] = [];
  private readonly listeners = new Set<SessionListener>();
  private pausedNow = false;
  /** The complaint a skip last stopped short of: the next skip goes through it. */
  private warnedFor = -1;

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

  /** Paused: the clock stands still (training only). */
  get paused(): boolean {
    return this.pausedNow;
  }

  /** Pauses or resumes the clock; an exam cannot be paused (false), nor a call over. */
  setPaused(on: boolean): boolean {
    if (on && (this.mode === 'exam' || this.affordances.ended)) return false;
    this.pausedNow = on;
    return true;
  }

  /** Moves the call's clock by `realMs` of wall time, at the speed the engine gives for now. */
  advance(realMs: number): void {
    if (this.affordances.ended || this.pausedNow || realMs <= 0 || this.pace === 'turns') return;
    this.tick(Math.round(realMs * this.affordances.timeScale));
  }

  /**
   * Skips the wait (the "W" control), event by event as the engine schedules them, to the next
   * thing worth seeing: the trainee's turn (the customer's words said in full), a tool's news, a
   * complaint, the end. Never straight into a complaint the trainee could still prevent: it stops
   * short of it (WARN_LEAD_MS) and says so; skipping again lets it come. The engine decides what
   * happens (each step is its tick); only where the skip stops is decided here.
   */
  skipWait(): SkipStop {
    if (this.affordances.ended || this.pausedNow) return { kind: 'none' };
    const from = this.affordances.turn;
    for (let guard = 0; guard < 200; guard++) {
      const s = this.current;
      const next = nextEventAt(this.sc, s);
      if (!Number.isFinite(next)) return { kind: guard ? 'moved' : 'none' };
      const ahead = step(this.sc, s, { type: 'tick', ms: next - s.time });
      const complaint = ahead.events.find((e) => e.type === 'customerPrompted');
      if (complaint?.type === 'customerPrompted' && complaint.at !== this.warnedFor) {
        const stop = Math.max(s.time, complaint.at - WARN_LEAD_MS * this.affordances.timeScale);
        if (stop > s.time) this.tick(stop - s.time);
        this.warnedFor = complaint.at;
        return { kind: 'warned', at: complaint.at, reason: complaint.reason };
      }
      this.apply(ahead);
      const now = this.affordances;
      const turned = now.turn !== from && now.turn !== 'agent' && now.turn !== 'customer';
      if (now.ended || turned || ahead.events.some((e) => WORTH_SEEING.has(e.type))) return { kind: 'moved' };
    }
    return { kind: 'moved' };
  }

  /** Lets `ms` of call time pass (the trainee chose to wait). */
  wait(ms: number): void {
    if (!this.affordances.ended && !this.pausedNow && ms > 0) this.tick(ms);
  }

  private tick(ms: number): void {
    this.apply(step(this.sc, this.current, { type: 'tick', ms }));
  }

  private apply(r: { readonly state: CallState; readonly events: readonly EngineEvent[] }): void {
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
