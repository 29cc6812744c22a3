import { describe, expect, it } from 'vitest';
import type { Persona, ScenarioModel } from '../../src/engine/model.ts';
import type { ResultRecord } from '../../src/ports/storage.ts';
import { ALL_CALLS, isGuided, matches, progress, standings, trainingOrder } from '../../src/ui/library.ts';

// Only the fields the library reads; the rest of a model is irrelevant to ordering and filtering.
const call = (id: string, persona: Persona, difficulty: number): ScenarioModel =>
  ({ id, persona, difficulty }) as unknown as ScenarioModel;
const result = (scenario: string, total: number, won: boolean): ResultRecord =>
  ({ scenario, summary: { total, won } }) as unknown as ResultRecord;

const calls = [
  call('z-tech-1', 'technical', 1),
  call('b-angry-2', 'angry', 2),
  call('a-conf-1', 'confused', 1),
  call('c-angry-1', 'angry', 1),
  call('a-angry-2', 'angry', 2),
];

describe('the call library', () => {
  it('lists calls easiest first, then angry, confused, technical, then by id', () => {
    expect(trainingOrder(calls).map((c) => c.id)).toEqual([
      'c-angry-1',
      'a-conf-1',
      'z-tech-1',
      'a-angry-2',
      'b-angry-2',
    ]);
  });

  it.each([
    [ALL_CALLS, 5],
    [{ persona: 'angry', difficulty: 'all' }, 3],
    [{ persona: 'all', difficulty: 0 }, 0],
    [{ persona: 'angry', difficulty: 2 }, 2],
    [{ persona: 'all', difficulty: 1 }, 3],
    [{ persona: 'technical', difficulty: 3 }, 0],
  ] as const)('filter %o keeps %i calls', (f, n) => {
    expect(calls.filter((c) => matches(c, f))).toHaveLength(n);
  });

  it('lists a guided call (difficulty 0) before every other, and the guided filter keeps only it', () => {
    const withGuide = [...calls, call('z-guide', 'confused', 0)];
    expect(trainingOrder(withGuide)[0]!.id).toBe('z-guide');
    expect(withGuide.filter((c) => matches(c, { persona: 'all', difficulty: 0 })).map((c) => c.id)).toEqual([
      'z-guide',
    ]);
    expect(withGuide.filter(isGuided).map((c) => c.id)).toEqual(['z-guide']);
  });

  it('keeps the best total, whether a call was ever won, and how often it was played', () => {
    const s = standings([result('a', 40, false), result('a', 88, true), result('a', 70, false), result('b', 0, false)]);
    expect(s.get('a')).toEqual({ best: 88, won: true, plays: 3 });
    expect(s.get('b')).toEqual({ best: 0, won: false, plays: 1 });
    expect(s.get('c')).toBeUndefined();
  });

  it('counts progress only over the calls offered (a result for a removed call does not count)', () => {
    const offered = [call('a', 'angry', 1), call('b', 'angry', 1), call('c', 'angry', 1)];
    expect(
      progress(offered, [
        result('a', 90, true),
        result('a', 10, false),
        result('b', 30, false),
        result('gone', 99, true),
      ]),
    ).toEqual({ played: 2, won: 1, total: 3 });
  });
});
