import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { goldenCard, type Golden } from '../../src/analysis/golden.ts';
import { replayToEnd } from '../../src/engine/replay.ts';
import { ROOT } from '../../src/cli/repo.ts';
import { repoCalls } from '../support/load.ts';

const calls = repoCalls();

describe.each(calls.map((sc) => [sc.id, sc] as const))('%s', (id, sc) => {
  const file = join(ROOT, 'test', 'golden', `${id}.json`);

  it('has a golden replay (npm run golden:update)', () => {
    expect(existsSync(file)).toBe(true);
  });

  it('replays its golden best path to the same scorecard, and wins', () => {
    const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
    const r = replayToEnd(sc, golden.seed, golden.log, golden.mode);
    expect(r.rejected).toEqual([]);
    expect(goldenCard(r.state, sc)).toEqual(golden.expected);
    expect(golden.expected.won).toBe(true);
  });

  it('is still analysed as winnable with the golden best score', () => {
    const golden = JSON.parse(readFileSync(file, 'utf8')) as Golden;
    const a = analyze(sc, { seed: golden.seed, randomPlays: 0, oneCause: true });
    expect(a.truncated).toBe(false);
    expect(a.winnable).toBe(true);
    expect(a.bestScore).toBe(golden.expected.total);
  });
});
