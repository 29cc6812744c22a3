// Ordering the vertices of each layer of a layered drawing to reduce edge crossings: a first
// order met breadth-first, then barycentre sweeps down and up, the best order kept. Pure.

const SWEEPS = 8;

/**
 * The vertices of each layer in order: first as met breadth-first from the roots, then sweeps
 * down and up sorting each layer by its neighbours' mean position; the order with the fewest
 * crossings wins.
 */
export function orderLayers(
  count: number,
  layerOf: readonly number[],
  chains: readonly number[][],
  roots: readonly number[],
): number[][] {
  const up: number[][] = Array.from({ length: count }, () => []);
  const down: number[][] = Array.from({ length: count }, () => []);
  for (const c of chains)
    for (let i = 0; i + 1 < c.length; i++) {
      down[c[i]!]!.push(c[i + 1]!);
      up[c[i + 1]!]!.push(c[i]!);
    }
  const seen = new Uint8Array(count);
  const met: number[] = [];
  const queue: number[] = [];
  for (const start of [...roots, ...Array(count).keys()]) {
    if (seen[start]) continue;
    seen[start] = 1;
    queue.push(start);
    while (queue.length) {
      const v = queue.shift()!;
      met.push(v);
      for (const w of [...down[v]!, ...up[v]!])
        if (!seen[w]) {
          seen[w] = 1;
          queue.push(w);
        }
    }
  }
  const depth = Math.max(0, ...layerOf) + 1;
  let layers: number[][] = Array.from({ length: depth }, () => []);
  for (const v of met) layers[layerOf[v]!]!.push(v);
  let best = layers.map((l) => [...l]);
  let bestCrossings = crossings(best, down);
  for (let s = 0; s < SWEEPS && bestCrossings > 0; s++) {
    const downward = s % 2 === 0;
    layers = sweep(layers, downward ? up : down, downward);
    const c = crossings(layers, down);
    if (c < bestCrossings) {
      best = layers.map((l) => [...l]);
      bestCrossings = c;
    }
  }
  return best;
}

/** One sweep: each layer sorted by the mean index of its neighbours in the layer before it. */
function sweep(layers: number[][], ref: readonly number[][], downward: boolean): number[][] {
  const out = layers.map((l) => [...l]);
  const index = new Map<number, number>();
  const order = downward ? [...out.keys()] : [...out.keys()].reverse();
  for (const l of order) {
    const layer = out[l]!;
    const key = layer.map((v, i) => {
      const ns = ref[v]!.filter((w) => index.has(w));
      return ns.length ? ns.reduce((a, w) => a + index.get(w)!, 0) / ns.length : i;
    });
    const sorted = layer.map((v, i) => ({ v, k: key[i]!, i })).sort((a, b) => a.k - b.k || a.i - b.i);
    out[l] = sorted.map((s) => s.v);
    index.clear();
    out[l].forEach((v, i) => index.set(v, i));
  }
  return out;
}

/** Edge crossings between consecutive layers (pairs of segments whose ends are in opposite orders). */
function crossings(layers: readonly number[][], down: readonly number[][]): number {
  let total = 0;
  const pos = new Map<number, number>();
  layers.forEach((l) => l.forEach((v, i) => pos.set(v, i)));
  for (const layer of layers) {
    const segs: [number, number][] = [];
    for (const v of layer) for (const w of down[v]!) segs.push([pos.get(v)!, pos.get(w)!]);
    for (let i = 0; i < segs.length; i++)
      for (let j = i + 1; j < segs.length; j++) {
        const [a, b] = segs[i]!;
        const [c, d] = segs[j]!;
        if ((a - c) * (b - d) < 0) total++;
      }
  }
  return total;
}
