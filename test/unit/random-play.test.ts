// Random play stops once the careless trainee's win rate is known to within a point.
import { describe, expect, it } from 'vitest';
import { randomPlay, winRateInterval } from '../../src/analysis/random-play.ts';
import { mini } from '../support/load.ts';

describe('the win-rate interval (Wilson, 95%)', () => {
  it('bounds a rate with no win by about 3/n, and narrows as plays grow', () => {
    const [low, high] = winRateInterval(0, 400);
    expect(low).toBe(0);
    expect(high).toBeGreaterThan(0.005);
    expect(high).toBeLessThan(0.01);
    const [l1, h1] = winRateInterval(50, 1000);
    expect(l1).toBeLessThan(0.05);
    expect(h1).toBeGreaterThan(0.05);
    const [l2, h2] = winRateInterval(500, 10_000);
    expect(h2 - l2).toBeLessThan(h1 - l1);
    expect(winRateInterval(0, 0)).toEqual([0, 1]);
  });
});

describe('random play', () => {
  const sc = mini();

  it('plays every call asked for when not adaptive', () => {
    expect(randomPlay(sc, 60, 1, false).randomPlays).toBe(60);
  });

  it('stops early when nothing wins, once the rate is known to be under 1%', () => {
    const r = randomPlay(sc, 2000, 1);
    expect(r.randomWinRate).toBe(0);
    expect(r.randomPlays).toBeGreaterThanOrEqual(200);
    expect(r.randomPlays).toBeLessThan(2000);
    expect(winRateInterval(0, r.randomPlays)[1]).toBeLessThan(0.01);
  });
});
