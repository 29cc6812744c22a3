// The analyser is bounded in memory and work as well as in states, and says what stopped it.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { randomPlay } from '../../src/analysis/random-play.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { manyQuestions as manyQuestionsYaml } from '../support/big-call.ts';
import { mini } from '../support/load.ts';

const manyQuestions = (n: number): ScenarioModel => mini((y) => manyQuestionsYaml(y, n));

describe('the analyser on a call it cannot finish', () => {
  const sc = manyQuestions(40);

  it('stops at its memory budget, says so, and keeps what it found', () => {
    const a = analyze(sc, { randomPlays: 0, memoryCap: 8 * 1024 * 1024 });
    expect(a.stoppedBy).toBe('memory');
    expect(a.truncated).toBe(true);
    expect(a.states).toBeGreaterThan(100);
    // The same budget stops it at the same place: the estimate comes from the call, not the machine.
    expect(analyze(sc, { randomPlays: 0, memoryCap: 8 * 1024 * 1024 }).states).toBe(a.states);
    // A larger budget lets it go further.
    expect(analyze(sc, { randomPlays: 0, memoryCap: 16 * 1024 * 1024 }).states).toBeGreaterThan(a.states);
  });

  it('stops at its work budget or its state cap, whichever comes first', () => {
    expect(analyze(sc, { randomPlays: 0, workCap: 200_000 }).stoppedBy).toBe('work');
    const capped = analyze(sc, { randomPlays: 0, stateCap: 500 });
    expect(capped.stoppedBy).toBe('states');
    // Checked before each expansion: one expansion may add a few states past it.
    expect(capped.states).toBeGreaterThanOrEqual(500);
    expect(capped.states).toBeLessThan(600);
  });

  it('goes through a call of the library with none of them reached', () => {
    const a = analyze(mini(), { randomPlays: 0 });
    expect(a.stoppedBy).toBeNull();
    expect(a.truncated).toBe(false);
    expect(a.winnable).toBe(true);
  });
});

describe('random play on a large call', () => {
  it('stops at its work budget before its plays are done, and says so', () => {
    const sc = manyQuestions(40);
    const bounded = randomPlay(sc, 400, 1, false, 2_000);
    expect(bounded.randomStoppedBy).toBe('work');
    expect(bounded.randomPlays).toBeGreaterThan(0);
    expect(bounded.randomPlays).toBeLessThan(400);
    const free = randomPlay(sc, 20, 1, false);
    expect(free.randomStoppedBy).toBeNull();
    expect(free.randomPlays).toBe(20);
  });
});
