// A small seeded PRNG (mulberry32) whose whole state is one uint32 kept in the call state.

/** Turns any integer seed into a PRNG state. */
export function seedRng(seed: number): number {
  return (Math.imul(seed | 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0;
}

/** Draws a float in [0, 1) and returns it with the next PRNG state. */
export function nextFloat(rng: number): readonly [number, number] {
  const next = (rng + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/**
 * A stream of floats in [0, 1) from a PRNG state, for what keeps its state outside a call's (the
 * synthesised sounds, the fuzzers): the same draws as `nextFloat` from that state.
 */
export function floatStream(state: number): () => number {
  let s = state >>> 0;
  return () => {
    const [f, next] = nextFloat(s);
    s = next;
    return f;
  };
}

/** Draws an integer in [min, max] (whole seconds when both are multiples of 1000 ms). */
export function drawDuration(rng: number, min: number, max: number): readonly [number, number] {
  if (max <= min) return [min, rng];
  const [f, next] = nextFloat(rng);
  const step = min % 1000 === 0 && max % 1000 === 0 ? 1000 : 1;
  const slots = Math.floor((max - min) / step) + 1;
  return [min + Math.floor(f * slots) * step, next];
}
