import { describe, expect, it } from 'vitest';
import { replay, replayToEnd, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import type { ResultSummary } from '../../src/ports/storage.ts';
import { driftOf } from '../../src/ui/drift.ts';
import { mini } from '../support/load.ts';

const log: LogEntry[] = [
  { at: 1000, action: { type: 'say', choice: 'hello' } },
  { at: 9000, action: { type: 'say', choice: 'sorry' } },
];
const summary = (total: number): ResultSummary => ({ total, process: 0, diagnosis: 0, calmness: 0, outcome: 'lost', won: false });

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
    expect(driftOf(log, r, 0, summary(42))).toEqual({ key: 'drift.changed', params: { at: 9000, count: 1, recorded: 42 } });
  });

  it('says the scoring changed when the same actions now score differently', () => {
    const sc = mini();
    const r = replayToEnd(sc, 1, log);
    const total = scoreCall(sc, r.state).total;
    expect(driftOf(log, r, total, summary(total + 7))).toEqual({ key: 'drift.rescored', params: { recorded: total + 7, total } });
  });
});
