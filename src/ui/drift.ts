// Whether a saved call still replays as it was played: calls and the playbook are edited by
// trainers, and a result or an interrupted call may be older than the call it belongs to. Pure.
import type { TFunction } from 'i18next';
import type { LogEntry, ReplayResult } from '../engine/replay.ts';
import type { ResultSummary } from '../ports/storage.ts';
import { clock } from './words.ts';

export type Drift = { readonly key: string; readonly params: Readonly<Record<string, string | number>> };

/**
 * What to tell the trainee about a replay of an older log: actions the current call refuses
 * (the call changed: the replay parts from what was done at the first of them), or a total
 * that differs from the one recorded (the scoring changed). Null when nothing changed.
 */
export function driftOf(
  entries: readonly LogEntry[],
  replayed: Pick<ReplayResult, 'rejected'>,
  total: number,
  recorded?: ResultSummary,
): Drift | null {
  const first = replayed.rejected[0];
  if (first) {
    return {
      key: 'drift.changed',
      params: { at: entries[first.index]?.at ?? 0, count: replayed.rejected.length, recorded: recorded?.total ?? '' },
    };
  }
  if (recorded && recorded.total !== total)
    return { key: 'drift.rescored', params: { recorded: recorded.total, total } };
  return null;
}

/** The drift notice in words: where the replay parted, and the score recorded at the time. */
export function driftText(t: TFunction, d: Drift): string {
  const { at, recorded, ...rest } = d.params;
  const main = t(d.key, { ...rest, recorded, at: typeof at === 'number' ? clock(at) : '' });
  return d.key === 'drift.changed' && recorded !== '' ? `${main} ${t('drift.recorded', { recorded })}` : main;
}
