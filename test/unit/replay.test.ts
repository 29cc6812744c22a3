import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { offeredChoices } from '../../src/engine/affordances.ts';
import { makeLog, parseLog, replay, replayToEnd, SAVE_VERSION, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { mini } from '../support/load.ts';

const sc = mini();
const log: LogEntry[] = analyze(sc, { randomPlays: 0 }).bestLog.map((e) => ({ at: e.at, action: e.action }));

describe('replay', () => {
  it('rebuilds the exact same state and events from seed and log', () => {
    const a = replayToEnd(sc, 1, log);
    const b = replayToEnd(sc, 1, log);
    expect(b.state).toEqual(a.state);
    expect(b.events).toEqual(a.events);
    expect(a.state.ended?.outcome).toBe('resolved');
  });

  it('save → load mid-call → the same next choices and the same ending', () => {
    for (const cut of [3, 8, 15, log.length - 2]) {
      const head = log.slice(0, cut);
      const at = head[head.length - 1]!.at + 500;
      const saved = JSON.stringify(makeLog(sc.id, 1, 'training', head, at));
      const parsed = parseLog(JSON.parse(saved));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      const live = replay(sc, 1, head, 'training', at).state;
      const loaded = replay(sc, parsed.value.seed, parsed.value.entries, parsed.value.mode, parsed.value.time).state;
      expect(loaded).toEqual(live);
      expect(offeredChoices(sc, loaded)).toEqual(offeredChoices(sc, live));
      const rest = replayToEnd(sc, 1, [...parsed.value.entries, ...log.slice(cut)]);
      expect(scoreCall(sc, rest.state).total).toBe(scoreCall(sc, replayToEnd(sc, 1, log).state).total);
    }
  });

  it('reports log entries the engine refuses (a scenario edited since) instead of throwing', () => {
    const edited = [
      ...log.slice(0, 2),
      { at: log[1]!.at, action: { type: 'say', choice: 'no_such_line' } } as LogEntry,
      ...log.slice(2),
    ];
    const r = replay(sc, 1, edited);
    expect(r.rejected).toEqual([{ index: 2, reason: 'unknownChoice' }]);
  });
});

describe('parseLog', () => {
  const good = makeLog('mini-call', 7, 'exam', log.slice(0, 3), 1000);

  it.each([
    ['not an object', 42, ['']],
    ['a newer format', { ...good, version: SAVE_VERSION + 1, minVersion: SAVE_VERSION + 1 }, ['minVersion']],
    ['a bad mode', { ...good, mode: 'arcade' }, ['mode']],
    ['a missing seed', { ...good, seed: undefined }, ['seed']],
    ['an unknown action', { ...good, entries: [{ at: 0, action: { type: 'explode' } }] }, ['entries[0].action.type']],
    [
      'time going back',
      {
        ...good,
        entries: [
          { at: 500, action: { type: 'hangUp' } },
          { at: 100, action: { type: 'hangUp' } },
        ],
      },
      ['entries[1].at'],
    ],
  ])('rejects %s, saying where', (_name, data, paths) => {
    const r = parseLog(data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path)).toEqual(paths);
  });

  it('accepts a save from a newer version that this one can still load', () => {
    expect(parseLog({ ...good, version: SAVE_VERSION + 1, minVersion: SAVE_VERSION }).ok).toBe(true);
    expect(parseLog(JSON.parse(JSON.stringify(good)))).toEqual({ ok: true, value: good });
  });
});
