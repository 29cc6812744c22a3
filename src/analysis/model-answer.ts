// The model answer: a call's best path (its golden log, replayed with its own seed) beside what
// the trainee did, from the first line where their choices parted. Pure.
import {
  parseLog,
  READER_MIN_VERSION,
  replayToEnd,
  SAVE_VERSION,
  type CallLog,
  type LogEntry,
} from '../engine/replay.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { scoreCall } from '../engine/scoring.ts';
import type { EngineEvent } from '../engine/types.ts';

/** One side's line at the parting: when, which line (id and i18n key). */
export type PartLine = { readonly at: number; readonly choice: string; readonly key: string };

export type Parting = {
  /** How many lines both said alike before parting (the index of the first that differs). */
  readonly index: number;
  /** The trainee's line there, or null when they said no more. */
  readonly mine: PartLine | null;
  /** The model answer's line there, or null when it says no more. */
  readonly model: PartLine | null;
};

export type ModelAnswer = {
  readonly parting: Parting;
  /** The model answer's events (no coaching), to show as a conversation. */
  readonly events: readonly EngineEvent[];
  /** Where each side is shown from: the customer's words just before the parting. */
  readonly from: { readonly mine: number; readonly model: number };
  readonly outcome: string;
  readonly total: number;
};

/** A best path as the content file carries it (`{ seed, mode, log }`), checked as a save is; null if unusable. */
export function parseBestPath(scenario: string, data: unknown): CallLog | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as Record<string, unknown>;
  const r = parseLog({
    version: SAVE_VERSION,
    minVersion: READER_MIN_VERSION,
    scenario,
    seed: d.seed,
    mode: d.mode,
    entries: d.log,
    time: 0,
  });
  return r.ok ? r.value : null;
}

/** The lines said, in order (a line the call does not have was never said). */
function said(sc: ScenarioModel, entries: readonly LogEntry[]): PartLine[] {
  return entries.flatMap((e) => {
    const c = e.action.type === 'say' ? sc.choices[sc.index.choices.get(e.action.choice) ?? -1] : undefined;
    return c ? [{ at: e.at, choice: c.id, key: c.key }] : [];
  });
}

/** The first line where the trainee's choices and the model's differ (by order, not by time). */
export function partingOf(sc: ScenarioModel, mine: readonly LogEntry[], model: readonly LogEntry[]): Parting {
  const a = said(sc, mine);
  const b = said(sc, model);
  let i = 0;
  while (i < a.length && i < b.length && a[i]!.choice === b[i]!.choice) i++;
  return { index: i, mine: a[i] ?? null, model: b[i] ?? null };
}

/** The time of the customer's last words at or before `at` (0 if none): where a side is shown from. */
function contextFrom(events: readonly EngineEvent[], at: number): number {
  let from = 0;
  for (const e of events)
    if (e.at <= at && (e.type === 'customerSpoke' || e.type === 'customerPrompted')) from = Math.max(from, e.at);
  return from;
}

/**
 * The model answer beside the trainee's log, or null when there is none to show: no best path,
 * one the call no longer replays (edited since), or one that does not pass.
 */
export function modelAnswerOf(
  sc: ScenarioModel,
  best: CallLog | null,
  mine: readonly LogEntry[],
  mineEvents: readonly EngineEvent[],
): ModelAnswer | null {
  if (!best || best.scenario !== sc.id) return null;
  const r = replayToEnd(sc, best.seed, best.entries, best.mode);
  const card = scoreCall(sc, r.state);
  if (r.rejected.length || !card.won) return null;
  const parting = partingOf(sc, mine, best.entries);
  const events = r.events.filter((e) => e.type !== 'coached');
  // A side that says no more is shown from the last line both said.
  const shared = (log: readonly LogEntry[]): number => said(sc, log)[parting.index - 1]?.at ?? 0;
  return {
    parting,
    events,
    from: {
      mine: parting.mine ? contextFrom(mineEvents, parting.mine.at) : shared(mine),
      model: parting.model ? contextFrom(events, parting.model.at) : shared(best.entries),
    },
    outcome: card.outcome,
    total: card.total,
  };
}
