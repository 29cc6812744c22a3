import { describe, expect, it } from 'vitest';
import { replay, replayToEnd, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import type { ResultSummary } from '../../src/ports/storage.ts';
import type { TFunction } from 'i18next';
import { driftOf, driftText } from '../../src/ui/drift.ts';
import { mini } from '../support/load.ts';

const log: LogEntry[] = [
  { at: 1000, action: { type: 'say', choice: 'hello' } },
  { at: 9000, action: { type: 'say', choice: 'sorry' } },
];
const summary = (total: number): ResultSummary => ({
  total,
  process: 0,
  diagnosis: 0,
  calmness: 0,
  outcome: 'lost',
  won: false,
});

describe('a saved call replayed against the call as it is now', () => {
  it('says nothing when the call replays as played and scores the same', () => {
    const sc = mini();
    const r = replayToEnd(sc, 1, log);
    const total = scoreCall(sc, r.state).total;
    expect(r.rejected).toEqual([]);
    expect(driftOf(log, r, total, summary(total))).toBeNull();
  });

  it('says from when the replay parts from what was done, once a line has been removed from the call', () => {
    const edited = mini((y) => y.replace(/- id: sorry\b/, '- id: sorry_now'));
    const r = replay(edited, 1, log);
    expect(driftOf(log, r, 0, summary(42))).toEqual({
      key: 'drift.changed',
      params: { at: 9000, count: 1, recorded: 42 },
    });
  });

  it('says the scoring changed when the same actions now score differently', () => {
    const sc = mini();
    const r = replayToEnd(sc, 1, log);
    const total = scoreCall(sc, r.state).total;
    expect(driftOf(log, r, total, summary(total + 7))).toEqual({
      key: 'drift.rescored',
      params: { recorded: total + 7, total },
    });
  });
});

describe('the drift notice in words', () => {
  const t = ((key: string, p?: object) => `${key}${JSON.stringify(p ?? {})}`) as unknown as TFunction;

  it.each([
    [
      { key: 'drift.changed', params: { at: 9000, count: 1, recorded: 42 } },
      'drift.changed{"count":1,"recorded":42,"at":"00:09"} drift.recorded{"recorded":42}',
    ],
    [
      { key: 'drift.changed', params: { at: 9000, count: 2, recorded: '' } },
      'drift.changed{"count":2,"recorded":"","at":"00:09"}',
    ],
    [
      { key: 'drift.rescored', params: { recorded: 50, total: 57 } },
      'drift.rescored{"total":57,"recorded":50,"at":""}',
    ],
  ])('%o reads %s', (drift, words) => {
    expect(driftText(t, drift)).toBe(words);
  });
});
