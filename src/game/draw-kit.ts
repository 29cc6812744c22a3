// Small drawing helpers shared by the widgets: the pen they draw with, curves, paper panels, a
// fixed-seed sprinkle.
import type { Rect } from '../layout.ts';
import { ROOM } from './palette.ts';

export type Radius =
  number | { readonly tl?: number; readonly tr?: number; readonly bl?: number; readonly br?: number };

/**
 * What the art draws with: the part of Phaser's Graphics API the desk uses, with the same
 * meaning. The art is baked into textures through a 2D-canvas pen (bake.ts), never drawn live.
 */
export interface Pen {
  fillStyle(color: number, alpha?: number): void;
  fillGradientStyle(tl: number, tr: number, bl: number, br: number, alpha?: number): void;
  lineStyle(width: number, color: number, alpha?: number): void;
  save(): void;
  restore(): void;
  translateCanvas(x: number, y: number): void;
  rotateCanvas(radians: number): void;
  scaleCanvas(x: number, y: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
  arc(x: number, y: number, radius: number, start: number, end: number, anticlockwise?: boolean): void;
  fillPath(): void;
  strokePath(): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillRoundedRect(x: number, y: number, w: number, h: number, radius?: Radius): void;
  strokeRoundedRect(x: number, y: number, w: number, h: number, radius?: Radius): void;
  fillCircle(x: number, y: number, r: number): void;
  strokeCircle(x: number, y: number, r: number): void;
  fillEllipse(x: number, y: number, w: number, h: number): void;
  fillTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): void;
  lineBetween(x0: number, y0: number, x1: number, y1: number): void;
}

type G = Pen;

/** Points along a quadratic Bézier, flattened to [x0, y0, x1, y1, …]. */
export function quad(x0: number, y0: number, cx: number, cy: number, x1: number, y1: number, steps = 10): number[] {
  const out: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const u = 1 - t;
    out.push(u * u * x0 + 2 * u * t * cx + t * t * x1, u * u * y0 + 2 * u * t * cy + t * t * y1);
  }
  return out;
}

/** Strokes (or fills, when closed) a flat point list. */
export function path(g: G, pts: readonly number[], fill = false): void {
  if (pts.length < 4) return;
  g.beginPath();
  g.moveTo(pts[0]!, pts[1]!);
  for (let i = 2; i + 1 < pts.length; i += 2) g.lineTo(pts[i]!, pts[i + 1]!);
  if (fill) {
    g.closePath();
    g.fillPath();
  } else g.strokePath();
}

/** A soft-shadowed rounded panel that dark text stays readable on. */
export function paperPanel(g: G, r: Rect, fill: number = ROOM.paper, radius = 12): void {
  g.fillStyle(ROOM.shadow, 0.08);
  g.fillRoundedRect(r.x - 2, r.y + 1, r.w + 4, r.h + 6, radius + 2);
  g.fillStyle(ROOM.shadow, 0.14);
  g.fillRoundedRect(r.x, r.y + 2, r.w, r.h + 2, radius);
  g.fillStyle(fill, 1);
  g.fillRoundedRect(r.x, r.y, r.w, r.h, radius);
  g.lineStyle(1, ROOM.paperEdge, 1);
  g.strokeRoundedRect(r.x + 0.5, r.y + 0.5, r.w - 1, r.h - 1, radius);
}

/** Deterministic pseudo-random numbers for decorative texture (screenshots stay stable). */
export function sprinkle(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}
