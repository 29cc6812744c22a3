// A layered (Sugiyama-style) drawing of a directed graph of sized boxes: cycles broken by
// reversing back edges, ranks by longest path, a dummy vertex in each layer an edge crosses (its
// label rides on the one next to its own node), ordering to reduce crossings, coordinates. Pure.
import { orderLayers } from './map-order.ts';

/** A box's size in layout units (CSS pixels at zoom 1). */
export type Size = { readonly w: number; readonly h: number };
export type Point = readonly [number, number];
/** TB: ranks go top to bottom; LR: left to right. */
export type Direction = 'TB' | 'LR';

export type GraphInput = {
  readonly sizes: readonly Size[];
  /** Self loops are not drawn: the caller shows them otherwise. */
  readonly edges: readonly { readonly from: number; readonly to: number; readonly label: Size | null }[];
  /** Where ranking starts (the start node first); other sources rank 0 too. */
  readonly roots: readonly number[];
  readonly direction: Direction;
};

export type GraphLayout = {
  /** Top-left corner of each box. */
  readonly boxes: readonly Point[];
  readonly ranks: readonly number[];
  readonly edges: readonly {
    /** From the source box's border to the target box's border, through the dummies. */
    readonly points: readonly Point[];
    /** Centre of the label, on the path. */
    readonly labelAt: Point | null;
    /** Drawn against the flow (the edge closes a cycle). */
    readonly back: boolean;
  }[];
  readonly width: number;
  readonly height: number;
};

const MARGIN = 16;
/** Space between two boxes of one rank, and between a box and an edge passing by. */
const GAP = { node: 28, side: 22, dummy: 14 };
/** Space between two consecutive layers (a rank of boxes, a rank of labels). */
const LAYER_GAP = { TB: 22, LR: 30 };
const PLACEMENT_ROUNDS = 8;

type Vertex = { along: number; across: number; real: boolean };

/** Lays out a graph: boxes, ranks and edge paths. */
export function layoutGraph(g: GraphInput): GraphLayout {
  const n = g.sizes.length;
  const edges = g.edges.filter((e) => e.from !== e.to);
  const back = backEdges(n, edges, g.roots);
  const dag = edges.map((e, i) => (back[i] ? { from: e.to, to: e.from } : { from: e.from, to: e.to }));
  const ranks = longestPathRanks(n, dag);
  // A box nothing leads to nor leaves (the hang-up ending, a forgotten node) waits at the end.
  const linked = new Uint8Array(n);
  for (const e of dag) linked[e.from] = linked[e.to] = 1;
  const last = Math.max(0, ...ranks);
  for (let v = 0; v < n; v++) if (!linked[v] && v !== g.roots[0]) ranks[v] = last;
  const tb = g.direction === 'TB';
  // Vertices: the boxes, then the dummies; layer = 2 × rank for boxes, odd layers hold labels.
  const verts: Vertex[] = g.sizes.map((s) => ({ along: tb ? s.h : s.w, across: tb ? s.w : s.h, real: true }));
  const layerOf: number[] = ranks.map((r) => 2 * r);
  const chains: number[][] = [];
  const labelVertex: number[] = [];
  dag.forEach((e, i) => {
    const chain = [e.from];
    const from = layerOf[e.from]!;
    const to = layerOf[e.to]!;
    // The label sits next to the line's own node: after the source, or before it when reversed.
    const labelLayer = back[i] ? to - 1 : from + 1;
    let onLabel = -1;
    for (let l = from + 1; l < to; l++) {
      const label = l === labelLayer ? edges[i]!.label : null;
      verts.push({
        along: label ? (tb ? label.h : label.w) : 0,
        across: label ? (tb ? label.w : label.h) : 0,
        real: false,
      });
      layerOf.push(l);
      if (label) onLabel = verts.length - 1;
      chain.push(verts.length - 1);
    }
    chain.push(e.to);
    chains.push(chain);
    labelVertex.push(onLabel);
  });
  const layers = orderLayers(verts.length, layerOf, chains, g.roots);
  const across = placeAcross(verts, layers, chains);
  const { along, thick } = placeAlong(verts, layers, LAYER_GAP[g.direction]);
  const at = (v: number, shift: number): Point =>
    tb ? [across[v]!, along[v]! + shift] : [along[v]! + shift, across[v]!];
  const centre = (v: number): Point => at(v, 0);
  const size = (v: number): Size =>
    tb ? { w: verts[v]!.across, h: verts[v]!.along } : { w: verts[v]!.along, h: verts[v]!.across };
  let width = 0;
  let height = 0;
  const boxes: Point[] = g.sizes.map((s, v) => {
    const [cx, cy] = centre(v);
    width = Math.max(width, cx + s.w / 2);
    height = Math.max(height, cy + s.h / 2);
    return [cx - s.w / 2, cy - s.h / 2];
  });
  for (let v = n; v < verts.length; v++) {
    const [cx, cy] = centre(v);
    const s = size(v);
    width = Math.max(width, cx + s.w / 2);
    height = Math.max(height, cy + s.h / 2);
  }
  // Through each layer it crosses, an edge runs straight along the ranks: it bends only in the
  // gaps between layers, never across a box beside it.
  const paths = chains.map((chain) => {
    const pts: Point[] = [centre(chain[0]!)];
    for (const d of chain.slice(1, -1)) {
      const half = thick[layerOf[d]!]! / 2;
      pts.push(at(d, -half), at(d, half));
    }
    pts.push(centre(chain[chain.length - 1]!));
    return pts;
  });
  attachPorts(chains, paths, (v) => ({ c: centre(v), s: g.sizes[v]! }), tb);
  const outEdges = paths.map((pts, i) => {
    const lv = labelVertex[i]!;
    return { points: back[i] ? pts.reverse() : pts, labelAt: lv >= 0 ? centre(lv) : null, back: back[i]! };
  });
  return { boxes, ranks, edges: outEdges, width: width + MARGIN, height: height + MARGIN };
}

/** The edges that close a cycle in a depth-first walk from the roots (then from every other vertex). */
function backEdges(n: number, edges: readonly { from: number; to: number }[], roots: readonly number[]): boolean[] {
  const out: number[][] = Array.from({ length: n }, () => []);
  edges.forEach((e, i) => out[e.from]!.push(i));
  const state = new Uint8Array(n); // 0 new, 1 on the stack, 2 done
  const back = edges.map(() => false);
  const visit = (root: number): void => {
    if (state[root]) return;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [v, k] = top;
      if (k >= out[v]!.length) {
        state[v] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const ei = out[v]![k]!;
      const w = edges[ei]!.to;
      if (state[w] === 1) back[ei] = true;
      else if (state[w] === 0) {
        state[w] = 1;
        stack.push([w, 0]);
      }
    }
  };
  for (const r of roots) visit(r);
  for (let v = 0; v < n; v++) visit(v);
  return back;
}

/** Rank of each vertex: the longest path to it from a source of the (acyclic) graph. */
function longestPathRanks(n: number, dag: readonly { from: number; to: number }[]): number[] {
  const indeg = new Array<number>(n).fill(0);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const e of dag) {
    indeg[e.to]!++;
    out[e.from]!.push(e.to);
  }
  const rank = new Array<number>(n).fill(0);
  const queue = [...Array(n).keys()].filter((v) => indeg[v] === 0);
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of out[v]!) {
      rank[w] = Math.max(rank[w]!, rank[v]! + 1);
      if (--indeg[w]! === 0) queue.push(w);
    }
  }
  return rank;
}

/**
 * Positions across the ranks: each vertex pulled toward its neighbours' mean, with the layer's
 * order and spacing kept (a least-squares fit solved by pooling adjacent violators).
 */
function placeAcross(verts: readonly Vertex[], layers: readonly number[][], chains: readonly number[][]): number[] {
  const nbrs: number[][] = verts.map(() => []);
  for (const c of chains)
    for (let i = 0; i + 1 < c.length; i++) {
      nbrs[c[i]!]!.push(c[i + 1]!);
      nbrs[c[i + 1]!]!.push(c[i]!);
    }
  const x = new Array<number>(verts.length).fill(0);
  const gapAfter = (l: readonly number[], i: number): number => {
    const a = verts[l[i]!]!;
    const b = verts[l[i + 1]!]!;
    return (a.across + b.across) / 2 + (a.real && b.real ? GAP.node : a.real || b.real ? GAP.side : GAP.dummy);
  };
  for (const l of layers) for (let i = 1; i < l.length; i++) x[l[i]!] = x[l[i - 1]!]! + gapAfter(l, i - 1);
  const order = [...layers.keys()];
  for (let round = 0; round < PLACEMENT_ROUNDS; round++) {
    for (const li of round % 2 ? [...order].reverse() : order) {
      const l = layers[li]!;
      const want = l.map((v) => (nbrs[v]!.length ? nbrs[v]!.reduce((a, w) => a + x[w]!, 0) / nbrs[v]!.length : x[v]!));
      const offsets = [0];
      for (let i = 1; i < l.length; i++) offsets.push(offsets[i - 1]! + gapAfter(l, i - 1));
      const fitted = isotonic(want.map((w, i) => w - offsets[i]!));
      l.forEach((v, i) => (x[v] = fitted[i]! + offsets[i]!));
    }
  }
  straighten(verts, layers, chains, x, gapAfter);
  let min = Infinity;
  verts.forEach((v, i) => (min = Math.min(min, x[i]! - v.across / 2)));
  return x.map((c) => c - min + MARGIN);
}

/** Lines up each long edge's dummies with the one before where their neighbours leave room: fewer wiggles. */
function straighten(
  verts: readonly Vertex[],
  layers: readonly number[][],
  chains: readonly number[][],
  x: number[],
  gapAfter: (l: readonly number[], i: number) => number,
): void {
  const place = new Map<number, [number[], number]>();
  for (const l of layers) l.forEach((v, i) => place.set(v, [l, i]));
  for (const c of chains)
    for (let k = 2; k + 1 < c.length; k++) {
      const v = c[k]!;
      if (verts[v]!.real) continue;
      const [l, i] = place.get(v)!;
      const want = x[c[k - 1]!]!;
      const lo = i > 0 ? x[l[i - 1]!]! + gapAfter(l, i - 1) : -Infinity;
      const hi = i + 1 < l.length ? x[l[i + 1]!]! - gapAfter(l, i) : Infinity;
      if (want >= lo && want <= hi) x[v] = want;
    }
}

/** The non-decreasing sequence closest to `y` in least squares (pool adjacent violators). */
function isotonic(y: readonly number[]): number[] {
  const blocks: { sum: number; count: number }[] = [];
  for (const v of y) {
    blocks.push({ sum: v, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1]!;
      const a = blocks[blocks.length - 2]!;
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop();
    }
  }
  return blocks.flatMap((b) => new Array<number>(b.count).fill(b.sum / b.count));
}

/** Positions along the ranks: each layer as thick as its thickest vertex, layers a gap apart. */
function placeAlong(
  verts: readonly Vertex[],
  layers: readonly number[][],
  gap: number,
): { along: number[]; thick: number[] } {
  const along = new Array<number>(verts.length).fill(0);
  const thick = layers.map((l) => Math.max(0, ...l.map((v) => verts[v]!.along)));
  let at = MARGIN;
  layers.forEach((l, i) => {
    for (const v of l) along[v] = at + thick[i]! / 2;
    at += thick[i]! + gap;
  });
  return { along, thick };
}

/**
 * Moves each path's ends from the boxes' centres to their sides: leaving from the side facing the
 * next rank, entering by the side facing the previous one, spread along that side in the order of
 * where they come from (so arrows into one box neither meet nor cross at its door).
 */
function attachPorts(
  chains: readonly number[][],
  paths: Point[][],
  box: (v: number) => { c: Point; s: Size },
  tb: boolean,
): void {
  const ends = new Map<string, { path: number; first: boolean; toward: number }[]>();
  paths.forEach((pts, i) => {
    const chain = chains[i]!;
    const across = (p: Point): number => (tb ? p[0] : p[1]);
    for (const [v, first, toward] of [
      [chain[0]!, true, across(pts[1]!)],
      [chain[chain.length - 1]!, false, across(pts[pts.length - 2]!)],
    ] as const) {
      const key = `${v}:${first}`;
      ends.set(key, [...(ends.get(key) ?? []), { path: i, first, toward }]);
    }
  });
  for (const [key, list] of ends) {
    const { c, s } = box(Number(key.split(':')[0]));
    list.sort((a, b) => a.toward - b.toward);
    const span = (tb ? s.w : s.h) * 0.7;
    list.forEach((e, k) => {
      const offset = list.length === 1 ? 0 : -span / 2 + (span * k) / (list.length - 1);
      const side = (e.first ? 1 : -1) * ((tb ? s.h : s.w) / 2);
      const p: Point = tb ? [c[0] + offset, c[1] + side] : [c[0] + side, c[1] + offset];
      const pts = paths[e.path]!;
      pts[e.first ? 0 : pts.length - 1] = p;
    });
  }
}
