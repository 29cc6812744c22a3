import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Golden } from '../../src/analysis/golden.ts';
import { CAREFUL, playAsRecruit, recruitRuns } from '../../src/analysis/recruit.ts';
import { ROOT } from '../../src/cli/repo.ts';
import { initialState, step } from '../../src/engine/step.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { repoCalls } from '../support/load.ts';

const golden = (id: string): Golden =>
  JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${id}.json`), 'utf8')) as Golden;

// A person's pace: lines read for 6 to 8 s before answering, at real-time pace, the clock run as
// the game runs it. Every difficulty 1–2 call must be winnable that way along a good path.
const firstCalls = repoCalls().filter((sc) => sc.difficulty >= 1 && sc.difficulty <= 2);

describe.each(firstCalls.map((sc) => [sc.id, sc] as const))('a careful recruit on %s', (_id, sc) => {
  const runs = recruitRuns(sc, golden(sc.id));
  it.each([6000, 8000])('reading %i ms before each answer, wins on three seeds (of every cause)', (readMs) => {
    for (const { seed, plan } of runs) {
      const r = playAsRecruit(sc, plan, seed, 'training', { ...CAREFUL, readMs });
      const card = scoreCall(sc, r.state);
      expect(card.won, `${sc.id} seed ${seed}: ${card.outcome} ${card.total}`).toBe(true);
      // The recruit really waited: the call took longer than the good path's own timing.
      expect(r.state.time).toBeGreaterThan(plan.at(-1)!.at);
    }
  });
});

describe('a silent recruit', () => {
  it.each(repoCalls().map((sc) => [sc.id, sc] as const))(
    'who never speaks loses %s: the customer hangs up',
    (_id, sc) => {
      let s = initialState(sc, 1, 'training');
      for (let i = 0; i < 600 && !s.ended; i++) s = step(sc, s, { type: 'tick', ms: 1000 }).state;
      expect(s.ended).toMatchObject({ outcome: 'lost', by: 'customer' });
      expect(s.ended!.at).toBeLessThan(120_000);
      expect(scoreCall(sc, s).won).toBe(false);
    },
  );
});
