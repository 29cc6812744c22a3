// A map box's text and size: monospace metrics, so a label's width follows from its length and
// the layout needs no text measuring (same numbers in node and in the browser).
import type { Size } from './map-layout.ts';
import type { MapNode } from './map.ts';

/** Text metrics shared with the drawing: monospace, so a label's width is its length. */
export const MAP_TEXT = {
  /** Node ids (bold) and endings. */
  title: { size: 13, char: 8.0, line: 17 },
  /** Stay lines in a box, edge labels. */
  small: { size: 11, char: 6.8, line: 14 },
  padX: 10,
  padY: 7,
  /** At most this many stay lines listed in a box; the rest are counted. */
  maxStays: 8,
} as const;

/** The text lines of a node's box, as drawn: id, ending, stay lines (with their count past the cap). */
export function boxLines(node: Pick<MapNode, 'id' | 'kind' | 'end' | 'stays'>): {
  title: string[];
  small: string[];
} {
  const title = node.kind === 'exit' ? [] : node.kind === 'missing' ? [`goto: ${node.id.slice(1)}`] : [node.id];
  if (node.end) title.push(`end: ${node.end}`);
  const shown = node.stays.slice(0, MAP_TEXT.maxStays).map((s) => `↻ ${s.id}`);
  const more = node.stays.length - shown.length;
  return { title, small: more > 0 ? [...shown, `… +${more}`] : shown };
}

export function boxSize(lines: { title: string[]; small: string[] }): Size {
  const t = MAP_TEXT;
  const chars = (xs: string[], c: number): number => Math.max(0, ...xs.map((s) => [...s].length * c));
  return {
    w: Math.ceil(Math.max(chars(lines.title, t.title.char), chars(lines.small, t.small.char)) + 2 * t.padX),
    h: Math.ceil(lines.title.length * t.title.line + lines.small.length * t.small.line + 2 * t.padY),
  };
}

/** The size of an edge's label box. */
export function labelSize(text: string): Size {
  return { w: Math.ceil([...text].length * MAP_TEXT.small.char + 8), h: MAP_TEXT.small.line + 4 };
}
