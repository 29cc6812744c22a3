import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from '../../src/analysis/heap.ts';

/** Pops everything: [item, priority] pairs in pop order (the priority looked up from what was pushed). */
function drain(h: MinHeap, prio: ReadonlyMap<number, number>): [number, number][] {
  const out: [number, number][] = [];
  for (let x = h.pop(); x !== undefined; x = h.pop()) out.push([x, prio.get(x)!]);
  return out;
}

describe('MinHeap', () => {
  it('an empty heap pops undefined and stays empty', () => {
    const h = new MinHeap();
    expect(h.size).toBe(0);
    expect(h.pop()).toBeUndefined();
    h.push(7, 1);
    expect(h.pop()).toBe(7);
    expect(h.pop()).toBeUndefined();
    expect(h.size).toBe(0);
  });

  it('pops random input in priority order, as a sort would, counting its size on the way', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 200 }), (prios) => {
        const h = new MinHeap();
        const prio = new Map<number, number>();
        prios.forEach((p, item) => {
          h.push(item, p);
          prio.set(item, p);
          expect(h.size).toBe(item + 1);
        });
        const popped = drain(h, prio);
        expect(popped.map(([, p]) => p)).toEqual([...prios].sort((a, b) => a - b));
        // Each item comes out exactly once, ties included.
        expect(popped.map(([x]) => x).sort((a, b) => a - b)).toEqual(prios.map((_, i) => i));
        expect(h.size).toBe(0);
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('keeps the order when pushes and pops interleave', () => {
    const op = fc.oneof(
      fc.integer({ min: 0, max: 20 }).map((p) => ({ push: p })),
      fc.constant({ push: null }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const h = new MinHeap();
        const model: number[] = [];
        const prio = new Map<number, number>();
        ops.forEach(({ push }, item) => {
          if (push !== null) {
            h.push(item, push);
            prio.set(item, push);
            model.push(push);
            model.sort((a, b) => a - b);
          } else {
            const x = h.pop();
            const want = model.shift();
            expect(x === undefined ? undefined : prio.get(x)).toBe(want);
          }
          expect(h.size).toBe(model.length);
        });
      }),
      { numRuns: 300, seed: 8 },
    );
  });

  it('ties: every item of equal priority comes out before any of a higher one', () => {
    const h = new MinHeap();
    const prio = new Map([
      [1, 5],
      [2, 3],
      [3, 5],
      [4, 3],
      [5, 1],
      [6, 3],
    ]);
    for (const [item, p] of prio) h.push(item, p);
    const popped = drain(h, prio);
    expect(popped.map(([, p]) => p)).toEqual([1, 3, 3, 3, 5, 5]);
    expect(new Set(popped.slice(1, 4).map(([x]) => x))).toEqual(new Set([2, 4, 6]));
  });
});
