// The room's tables, from what the server returns: a table per call (one row per trainee) and a
// table per playbook step across the team (how many did it, early, partially, missed it, or
// committed it as a critical item). Pure.
import type { LineStatus } from '../engine/scoring.ts';
import type { Room, RoomResult, RosterRow } from './api.ts';

export const STEP_STATUSES = ['done', 'early', 'partial', 'missed', 'fatal'] as const satisfies readonly LineStatus[];

export type StepRow = {
  readonly id: string;
  /** The step's label key (playbook namespace). */
  readonly key: string;
  readonly counts: Readonly<Record<LineStatus, number>>;
  /** Results that scored this step (the calls that have it). */
  readonly scored: number;
};

/** Each step of the session's calls, in the order they first appear, with its statuses counted over every result. */
export function stepTable(room: Pick<Room, 'session' | 'results'>): StepRow[] {
  const rows = new Map<string, { key: string; counts: Record<LineStatus, number>; scored: number }>();
  for (const call of room.session.calls)
    for (const s of call.steps) if (!rows.has(s.id)) rows.set(s.id, { key: s.key, counts: zero(), scored: 0 });
  for (const r of room.results)
    for (const [id, status] of Object.entries(r.steps)) {
      const row = rows.get(id) ?? rows.set(id, { key: `playbook:steps.${id}`, counts: zero(), scored: 0 }).get(id)!;
      row.counts[status] += 1;
      row.scored += 1;
    }
  return [...rows].map(([id, r]) => ({ id, ...r }));
}

const zero = (): Record<LineStatus, number> => ({ done: 0, early: 0, partial: 0, missed: 0, fatal: 0 });

export type CallRow = { readonly trainee: RosterRow; readonly number: number; readonly result: RoomResult | null };

/**
 * One call's rows: every trainee of the roster (numbered in joining order: "Trainee 3"), with
 * their result when there is one. `ranked` (exams only) puts the best total first, then those
 * without a result; otherwise the roster's order stands.
 */
export function callTable(room: Pick<Room, 'roster' | 'results'>, callIndex: number, ranked: boolean): CallRow[] {
  const rows = room.roster.map((trainee, i) => ({
    trainee,
    number: i + 1,
    result: room.results.find((r) => r.traineeId === trainee.traineeId && r.callIndex === callIndex) ?? null,
  }));
  if (!ranked) return rows;
  return [...rows].sort((a, b) => (b.result?.summary.total ?? -1) - (a.result?.summary.total ?? -1));
}

export type TraineeProgress = 'joined' | 'playing' | 'finished';

/** Where a trainee stands: joined (nothing sent yet), on call n, or finished every call. */
export function progressOf(row: RosterRow): TraineeProgress {
  if (row.currentCall === null) return 'finished';
  return row.callsFinished === 0 ? 'joined' : 'playing';
}
