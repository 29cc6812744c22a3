// A small fixed slice of `npm run fuzz:engine`: random and malformed action sequences on every
// call, both modes, every invariant checked after every step and a replay of each log.
import { describe, expect, it } from 'vitest';
import { faults, fuzzCalls, fuzzEngine } from '../support/fuzz-engine.ts';

describe('the engine fuzzer, a fixed slice', () => {
  it('finds no exception and no broken invariant in 300 sequences', () => {
    const r = fuzzEngine({ calls: fuzzCalls(), seed: 20261127, count: 300 });
    expect(r.sequences).toBe(300);
    // Enough of each kind of step to mean something: accepted, refused, and a good many of both.
    expect(r.accepted).toBeGreaterThan(1000);
    expect(r.rejected).toBeGreaterThan(1000);
    expect({ faults: faults(r), samples: r.samples }).toEqual({ faults: 0, samples: [] });
  });
});
