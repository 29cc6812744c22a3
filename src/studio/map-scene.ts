// What the map draws, worked out once from a laid-out map (pure): each shape's place, classes,
// texts, accessible name and tooltip. The lit-html view and the SVG string both draw this scene.
import { WINNING } from '../engine/model.ts';
import { boxLines, MAP_TEXT } from './map-box.ts';
import type { CallMap, MapEdge, MapNode, Point } from './map.ts';

/** The strings the map shows (locales/<lng>/ui.json, section `studioMap`); `{{x}}` are filled in. */
export const MAP_LABEL_KEYS = [
  'title',
  'help',
  'zoomIn',
  'zoomOut',
  'fit',
  'start',
  'node',
  'ending',
  'exit',
  'missing',
  'unreachable',
  'current',
  'back',
  'hangUp',
  'atLine',
  'nodeAria',
  'lineAria',
  'stayAria',
  'quote',
] as const;
export type MapLabels = Readonly<Record<(typeof MAP_LABEL_KEYS)[number], string>>;

const fill = (t: string, p: Readonly<Record<string, string | number>>): string =>
  t.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(p[k] ?? ''));

export type SceneText = { readonly x: number; readonly y: number; readonly text: string; readonly cls: string };
export type SceneStay = {
  readonly id: string;
  readonly cls: string;
  readonly fileLine: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly text: string;
  readonly aria: string;
};
export type SceneNode = {
  readonly node: MapNode;
  readonly cls: string;
  readonly aria: string;
  readonly tooltip: string;
  readonly texts: readonly SceneText[];
  readonly stays: readonly SceneStay[];
};
export type SceneEdge = {
  readonly edge: MapEdge;
  readonly cls: string;
  readonly d: string;
  readonly aria: string;
  readonly text: SceneText;
};
/** A legend entry: the class of its swatch (a node box, or an arrow for `back`) and its text. */
export type LegendItem = { readonly kind: 'box' | 'arrow'; readonly cls: string; readonly text: string };
export type MapScene = {
  readonly map: CallMap;
  readonly title: string;
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
  readonly legend: readonly LegendItem[];
};

/** The drawing of a map in one language, with `current` (a node id) marked. */
export function mapScene(map: CallMap, labels: MapLabels, current: string | null = null): MapScene {
  const nodes = map.nodes.map((n) => sceneNode(n, labels, n.id === current));
  const edges = map.edges.map((e) => sceneEdge(e, labels, map.direction, e.from === current));
  const legend: LegendItem[] = [
    { kind: 'box', cls: 'map-node map-node--start', text: labels.start },
    { kind: 'box', cls: 'map-node map-node--node', text: labels.node },
    { kind: 'box', cls: 'map-node map-node--ending is-won', text: labels.ending },
    { kind: 'box', cls: 'map-node map-node--node is-unreachable', text: labels.unreachable },
    { kind: 'box', cls: 'map-node map-node--node is-current', text: labels.current },
    { kind: 'arrow', cls: 'map-edge is-back', text: labels.back },
    ...(map.nodes.some((n) => n.kind === 'missing')
      ? [{ kind: 'box', cls: 'map-node map-node--missing', text: labels.missing } as const]
      : []),
  ];
  return { map, title: fill(labels.title, { id: map.id }), nodes, edges, legend };
}

function nodeClass(n: MapNode, current: boolean): string {
  const cls = ['map-node', `map-node--${n.kind}`];
  if (n.end) cls.push(WINNING.has(n.end) ? 'is-won' : 'is-failed', `map-end--${n.end}`);
  if (n.unreachable) cls.push('is-unreachable');
  if (n.hangUp) cls.push('is-hangup');
  if (current) cls.push('is-current');
  return cls.join(' ');
}

function sceneNode(n: MapNode, labels: MapLabels, current: boolean): SceneNode {
  const t = MAP_TEXT;
  const lines = boxLines(n);
  const texts: SceneText[] = [];
  let y = n.y + t.padY;
  for (const [i, text] of lines.title.entries()) {
    texts.push({
      x: n.x + t.padX,
      y: y + t.title.size,
      text,
      cls: i === 0 && n.kind !== 'exit' ? 'map-id' : 'map-end',
    });
    y += t.title.line;
  }
  const stays: SceneStay[] = [];
  for (const [i, text] of lines.small.entries()) {
    const stay = n.stays[i];
    if (stay && i < t.maxStays)
      stays.push({
        id: stay.id,
        cls: stay.unreachable ? 'map-stay is-unreachable' : 'map-stay',
        fileLine: stay.fileLine,
        x: n.x + t.padX / 2,
        y,
        w: n.w - t.padX,
        h: t.small.line,
        text,
        aria: withLine(
          deadMark(fill(labels.stayAria, { id: stay.id, node: n.id }), stay.unreachable, labels),
          stay.fileLine,
          labels,
        ),
      });
    else texts.push({ x: n.x + t.padX, y: y + t.small.size, text, cls: 'map-more' });
    y += t.small.line;
  }
  // Said after the node's name, in a list: "Ending hung_up, end: lost, reached when…, current node".
  const marks = [
    ...(n.end ? [`end: ${n.end}`] : []),
    ...[n.hangUp && labels.hangUp, n.unreachable && labels.unreachable, current && labels.current]
      .filter((m): m is string => !!m)
      .map((m) => m.toLowerCase()),
  ];
  const id = n.kind === 'missing' ? n.id.slice(1) : n.id;
  const aria = withLine([fill(labels.nodeAria, { kind: labels[n.kind], id }), ...marks].join(', '), n.fileLine, labels);
  const tooltip = [aria, ...(n.said ? [fill(labels.quote, { text: n.said })] : [])].join('\n');
  return { node: n, cls: nodeClass(n, current), aria, tooltip, texts, stays };
}

const deadMark = (s: string, dead: boolean, labels: MapLabels): string =>
  dead ? `${s}, ${labels.unreachable.toLowerCase()}` : s;
const withLine = (s: string, line: number, labels: MapLabels): string =>
  line > 0 ? `${s} (${fill(labels.atLine, { line })})` : s;

function sceneEdge(e: MapEdge, labels: MapLabels, dir: 'TB' | 'LR', fromCurrent: boolean): SceneEdge {
  const cls = ['map-edge'];
  if (e.back) cls.push('is-back');
  if (e.unreachable) cls.push('is-unreachable');
  if (fromCurrent) cls.push('is-from-current');
  const aria = withLine(
    deadMark(fill(labels.lineAria, { id: e.id, from: e.from, to: e.to }), e.unreachable, labels),
    e.fileLine,
    labels,
  );
  const l = e.label;
  const text = { x: l.x + l.w / 2, y: l.y + l.h / 2 + MAP_TEXT.small.size * 0.36, text: e.id, cls: 'map-label-text' };
  return { edge: e, cls: cls.join(' '), d: smoothPath(e.points, dir), aria, text };
}

/** A path through the points, leaving and entering each along the rank axis (no sharp bends). */
export function smoothPath(points: readonly Point[], dir: 'TB' | 'LR'): string {
  const r = (v: number): string => String(Math.round(v * 10) / 10);
  const [first, ...rest] = points;
  if (!first) return '';
  let d = `M${r(first[0])} ${r(first[1])}`;
  let prev = first;
  for (const p of rest) {
    const mid = dir === 'TB' ? (p[1] - prev[1]) / 2 : (p[0] - prev[0]) / 2;
    const c1 = dir === 'TB' ? [prev[0], prev[1] + mid] : [prev[0] + mid, prev[1]];
    const c2 = dir === 'TB' ? [p[0], p[1] - mid] : [p[0] - mid, p[1]];
    d += ` C${r(c1[0]!)} ${r(c1[1]!)} ${r(c2[0]!)} ${r(c2[1]!)} ${r(p[0])} ${r(p[1])}`;
    prev = p;
  }
  return d;
}

/** Rounded corners: endings are pills, other nodes softly rounded. */
export const cornerOf = (n: MapNode): number => (n.kind === 'ending' || n.kind === 'exit' ? Math.min(14, n.h / 2) : 4);

/** One arrowhead marker per map (ids stay unique when several maps share a page). */
export const arrowId = (mapId: string): string => `hl-map-arrow-${mapId.replace(/[^\w-]/g, '_')}`;

/** Legend swatch geometry: a small box or arrow, then its text. */
export const LEGEND = { swatchW: 22, swatchH: 14, gap: 6, itemGap: 18 } as const;
