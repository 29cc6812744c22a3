// Small pictograms drawn from shapes: status badges, the handset, the hourglass, the spinner.
import { path, quad, type Pen } from './draw-kit.ts';

type G = Pen;

/** A classic handset, centred on (x, y), `s` ≈ its length. */
export function handset(g: G, x: number, y: number, s: number, angle: number, color: number): void {
  g.save();
  g.translateCanvas(x, y);
  g.rotateCanvas(angle);
  const k = s / 40;
  g.fillStyle(color, 1);
  path(
    g,
    [
      ...quad(-16 * k, -2 * k, 0, -11 * k, 16 * k, -2 * k, 8),
      16 * k,
      3 * k,
      ...quad(12 * k, 1 * k, 0, -5 * k, -12 * k, 1 * k, 8),
      -16 * k,
      3 * k,
    ],
    true,
  );
  g.fillRoundedRect(-21 * k, -3 * k, 12 * k, 9 * k, 3 * k);
  g.fillRoundedRect(9 * k, -3 * k, 12 * k, 9 * k, 3 * k);
  g.restore();
}

export function musicNotes(g: G, x: number, y: number, color: number): void {
  g.fillStyle(color, 1);
  g.fillEllipse(x - 7, y + 8, 9, 7);
  g.fillEllipse(x + 7, y + 5, 9, 7);
  g.fillRect(x - 4, y - 10, 2.5, 18);
  g.fillRect(x + 10, y - 13, 2.5, 18);
  path(g, [x - 4, y - 10, x + 12.5, y - 13, x + 12.5, y - 8, x - 4, y - 5], true);
}

export function hourglass(g: G, x: number, y: number, s: number, frame: number, sand: number): void {
  const h = s / 2;
  const w = s * 0.36;
  g.fillStyle(0xffffff, 1);
  path(g, [x - w, y - h, x + w, y - h, x + 2, y, x + w, y + h, x - w, y + h, x - 2, y], true);
  g.fillStyle(sand, 1);
  g.fillTriangle(x - w * 0.6, y - h * 0.45, x + w * 0.6, y - h * 0.45, x, y - 1);
  g.fillTriangle(x - w * 0.8, y + h - 1, x + w * 0.8, y + h - 1, x, y + h * 0.45);
  g.lineStyle(1.5, 0x2b2b2b, 1);
  path(g, [x - w, y - h, x + w, y - h, x + 2, y, x + w, y + h, x - w, y + h, x - 2, y, x - w, y - h]);
  g.fillStyle(frame, 1);
  g.fillRect(x - w - 2, y - h - 2, 2 * w + 4, 3);
  g.fillRect(x - w - 2, y + h - 1, 2 * w + 4, 3);
}

export function crossBadge(g: G, x: number, y: number, r: number): void {
  g.fillStyle(0x8e1b1b, 1);
  g.fillCircle(x + 1, y + 1, r);
  g.fillStyle(0xd32f2f, 1);
  g.fillCircle(x, y, r);
  g.lineStyle(Math.max(2, r / 4), 0xffffff, 1);
  const d = r * 0.45;
  g.lineBetween(x - d, y - d, x + d, y + d);
  g.lineBetween(x + d, y - d, x - d, y + d);
}

export function tickBadge(g: G, x: number, y: number, r: number): void {
  g.fillStyle(0x2e9e4f, 1);
  g.fillCircle(x, y, r);
  g.lineStyle(Math.max(2, r / 4), 0xffffff, 1);
  path(g, [x - r * 0.45, y, x - r * 0.1, y + r * 0.38, x + r * 0.5, y - r * 0.35]);
}

/** Twelve spokes fading round the circle; spun by rotating the Graphics object. */
export function spinner(g: G, r: number, color: number): void {
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * Math.PI * 2;
    g.lineStyle(2.6, color, 0.15 + (0.85 * i) / 11);
    g.lineBetween(Math.cos(a) * r * 0.45, Math.sin(a) * r * 0.45, Math.cos(a) * r, Math.sin(a) * r);
  }
}

export function cursorArrow(g: G, x: number, y: number): void {
  const pts = [x, y, x, y + 15, x + 4, y + 11, x + 7, y + 17, x + 9, y + 16, x + 6, y + 10, x + 11, y + 10];
  g.fillStyle(0xffffff, 1);
  path(g, pts, true);
  g.lineStyle(1, 0x000000, 1);
  path(g, [...pts, x, y]);
}

export function speechBubble(g: G, x: number, y: number, fill: number, dots: number): void {
  g.fillStyle(fill, 1);
  g.fillRoundedRect(x - 17, y - 11, 34, 22, 9);
  g.fillTriangle(x - 10, y + 8, x - 2, y + 9, x - 14, y + 17);
  g.fillStyle(dots, 1);
  for (const dx of [-8, 0, 8]) g.fillCircle(x + dx, y, 2.6);
}
