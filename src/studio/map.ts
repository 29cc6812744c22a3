// The call's map: its nodes as boxes (with the lines that stay in them), the lines that leave a
// node as labelled arrows, laid out in ranks from the start (a layered drawing, no dependency).
//
// How to call it (all browser-safe; map-source.ts parses YAML, map-labels.ts imports ui.json):
//
//   import { callMap, mapTemplate } from './map.ts';
//   import { mapPositions } from './map-source.ts';
//   import { mapLabelsWith } from './map-labels.ts';
//
//   const map = callMap(loaded.model ?? loaded.doc, {     // pure layout; the doc when it does not compile
//     texts: loaded.texts,                                // tooltips: each node's first customer text
//     positions: mapPositions(file, yamlText),            // file lines, for "jump to the YAML"
//     unreachable: analysis?.unreachableNodes,            // optional: the analyser's verdict
//     neverOffered: analysis?.neverOfferedChoices,
//   });
//   render(mapTemplate(map, {                             // lit-html, on every change (cheap)
//     labels: mapLabelsWith((k) => i18n.t(k)),            // or mapLabels(lang)
//     current: playtestNodeId,                            // outlined; its lines highlighted
//     onPick: (target, line) => editor.goToLine(line),    // target: { kind: 'node' | 'line', id }
//   }), pane);
//
// The map adds its default style (MAP_CSS, map-svg.ts) first in the page's head the first time
// it is drawn: the page's own sheets override it (`.hl-map` holds the colours as custom
// properties; the classes are listed there). Pan and zoom are kept per <svg> while the call's id
// stays the same.
// `mapSvg(map, { labels })` gives the same drawing as a standalone SVG file (scenarios:graph).
import type { ScenarioDoc } from '../content/schema.ts';
import type { Outcome, ScenarioModel } from '../engine/model.ts';
import { reachableIds, skeletonOf, type Skeleton } from './map-skeleton.ts';
import { boxLines, boxSize, labelSize } from './map-box.ts';
import { layoutGraph, type Direction, type Point } from './map-layout.ts';

export type { Direction, Point } from './map-layout.ts';
export { type MapLabels } from './map-scene.ts';
export { mapSvg, MAP_CSS } from './map-svg.ts';
export { ensureMapStyle, mapTemplate, type MapViewOptions, type MapTarget } from './map-view.ts';

/** File lines (1-based) of each node and line by id, from the YAML (see `mapPositions`). */
export type MapPositions = {
  readonly nodes: ReadonlyMap<string, number>;
  readonly lines: ReadonlyMap<string, number>;
};

export type MapInput = {
  /** The call's source texts (`LoadedScenario.texts`): each node's first customer text. */
  readonly texts?: readonly { readonly key: string; readonly text: string }[];
  readonly positions?: MapPositions;
  /** Node ids the analyser found unreachable; nodes no `goto` path reaches are marked anyway. */
  readonly unreachable?: Iterable<string>;
  /** Line ids the analyser never saw offered; the lines of unreachable nodes are marked anyway. */
  readonly neverOffered?: Iterable<string>;
  /** TB (default): ranks top to bottom; LR: left to right. */
  readonly direction?: Direction;
};

/** start: the call's first node; ending: a node with `end:`; exit: where a line with `end:` and no `goto` leads. */
export type MapNodeKind = 'start' | 'node' | 'ending' | 'exit' | 'missing';

/** A line the agent says without leaving its node (a question, a check): listed in the node's box. */
export type MapStay = { readonly id: string; readonly fileLine: number; readonly unreachable: boolean };

export type MapNode = {
  /** The node's id; for an exit, `end:` + the id of the line that ends the call. */
  readonly id: string;
  readonly kind: MapNodeKind;
  readonly end: Outcome | null;
  readonly unreachable: boolean;
  /** The node the call jumps to when the customer hangs up (`onHangUp`). */
  readonly hangUp: boolean;
  /** The customer's first text in this node ('' when none or unknown). */
  readonly said: string;
  /** 0 when unknown. */
  readonly fileLine: number;
  readonly stays: readonly MapStay[];
  readonly rank: number;
  /** The box: top-left corner and size. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
};

export type MapEdge = {
  /** The line's id. */
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly fileLine: number;
  /** Never offered: its node is unreachable, or the analyser never saw it offered. */
  readonly unreachable: boolean;
  /** Against the flow: the line goes back to an earlier node. */
  readonly back: boolean;
  readonly points: readonly Point[];
  /** The label's box, on the path. */
  readonly label: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
};

export type CallMap = {
  readonly id: string;
  readonly direction: Direction;
  readonly nodes: readonly MapNode[];
  readonly edges: readonly MapEdge[];
  readonly width: number;
  readonly height: number;
};

/**
 * Lays out a call as a map: pure, deterministic, no text measuring (monospace metrics). Give the
 * compiled model, or the checked document (`LoadedScenario.doc`) when the call does not compile:
 * a `goto` to a node that does not exist then leads to a box of kind `missing`.
 */
export function callMap(call: ScenarioModel | ScenarioDoc, input: MapInput = {}): CallMap {
  const direction = input.direction ?? 'TB';
  const sk = skeletonOf(call);
  const { drafts, links } = draftsOf(sk, input);
  const sizes = drafts.map((d) => boxSize(boxLines(d)));
  const index = new Map(drafts.map((d, i) => [d.id, i]));
  const laid = layoutGraph({
    sizes,
    edges: links.map((l) => ({ from: l.from, to: l.to, label: labelSize(l.id) })),
    roots: [sk.start, ...(sk.onHangUp ? [sk.onHangUp] : [])].flatMap((id) => index.get(id) ?? []),
    direction,
  });
  const nodes: MapNode[] = drafts.map((d, i) => ({
    ...d,
    rank: laid.ranks[i]!,
    x: laid.boxes[i]![0],
    y: laid.boxes[i]![1],
    w: sizes[i]!.w,
    h: sizes[i]!.h,
  }));
  const edges: MapEdge[] = links.map((l, i) => {
    const e = laid.edges[i]!;
    const s = labelSize(l.id);
    const [cx, cy] = e.labelAt ?? midpoint(e.points);
    const { from, to, ...line } = l;
    const label = { x: cx - s.w / 2, y: cy - s.h / 2, w: s.w, h: s.h };
    return { ...line, from: drafts[from]!.id, to: drafts[to]!.id, back: e.back, points: e.points, label };
  });
  return { id: sk.id, direction, nodes, edges, width: laid.width, height: laid.height };
}

type Draft = Omit<MapNode, 'rank' | 'x' | 'y' | 'w' | 'h'>;
type Link = { from: number; to: number; id: string; fileLine: number; unreachable: boolean };

/**
 * The boxes (the nodes, then an exit per line that ends the call in place, then each missing
 * `goto` target) and the arrows between them.
 */
function draftsOf(sk: Skeleton, input: MapInput): { drafts: Draft[]; links: Link[] } {
  const texts = new Map((input.texts ?? []).map((t) => [`${sk.ns}:${t.key}`, t.text]));
  const given = new Set(input.unreachable ?? []);
  const silent = new Set(input.neverOffered ?? []);
  const reached = reachableIds(sk);
  const fileLine = (id: string): number => input.positions?.lines.get(id) ?? 0;
  const box = (d: Partial<Draft> & Pick<Draft, 'id' | 'kind'>): Draft => ({
    end: null,
    unreachable: false,
    hangUp: false,
    said: '',
    fileLine: 0,
    stays: [],
    ...d,
  });
  const drafts: Draft[] = sk.nodes.map((n) => {
    const unreachable = !reached.has(n.id) || given.has(n.id);
    const stays = n.lines.filter((l) => (l.goto === null || l.goto === n.id) && !l.end);
    return box({
      id: n.id,
      kind: n.id === sk.start ? 'start' : n.end ? 'ending' : 'node',
      end: n.end,
      unreachable,
      hangUp: n.id === sk.onHangUp,
      said: !n.said ? '' : 'text' in n.said ? n.said.text : (texts.get(n.said.key) ?? ''),
      fileLine: input.positions?.nodes.get(n.id) ?? 0,
      stays: stays.map((l) => ({ id: l.id, fileLine: fileLine(l.id), unreachable: unreachable || silent.has(l.id) })),
    });
  });
  const index = new Map(drafts.map((d, i) => [d.id, i]));
  const links: Link[] = [];
  sk.nodes.forEach((n, from) => {
    for (const l of n.lines) {
      if (l.goto === n.id || (l.goto === null && !l.end)) continue;
      const line = { id: l.id, fileLine: fileLine(l.id), unreachable: drafts[from]!.unreachable || silent.has(l.id) };
      let to = l.goto === null ? undefined : index.get(l.goto);
      if (to === undefined) {
        // A line that ends the call where it is said gets a small box of its own; a `goto` to a
        // node that does not exist, a box saying so (one per missing id).
        const missing = l.goto !== null;
        const id = missing ? `?${l.goto}` : `end:${l.id}`;
        to = index.get(id) ?? drafts.length;
        if (to === drafts.length) {
          const kind = missing ? 'missing' : 'exit';
          drafts.push(
            box({ id, kind, end: missing ? null : l.end, unreachable: line.unreachable, fileLine: line.fileLine }),
          );
          index.set(id, to);
        }
      }
      links.push({ from, to, ...line });
    }
  });
  return { drafts, links };
}

function midpoint(points: readonly Point[]): Point {
  const a = points[0]!;
  const b = points[points.length - 1]!;
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}
