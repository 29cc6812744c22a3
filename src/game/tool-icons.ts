// One little pictogram per tool, in the style of old desktop software, centred on (x, y) and
// about 28·k pixels wide.
import type { ToolId } from '../engine/model.ts';
import { path, type Pen } from './draw-kit.ts';

type G = Pen;

export function toolIcon(g: G, tool: ToolId, x: number, y: number, k = 1): void {
  g.save();
  g.translateCanvas(x, y);
  g.scaleCanvas(k, k);
  DRAW[tool](g);
  g.restore();
}

const DRAW: Readonly<Record<ToolId, (g: G) => void>> = {
  crm: (g) => {
    g.fillStyle(0x2f5fa8, 1);
    g.fillRoundedRect(-14, -10, 28, 20, 3);
    g.fillStyle(0xeaf1fb, 1);
    g.fillRoundedRect(-12, -8, 24, 16, 2);
    g.fillStyle(0x2f5fa8, 1);
    g.fillCircle(-6, -2, 3.5);
    g.fillRoundedRect(-11, 2, 10, 5, 2);
    g.fillStyle(0x8aa2c8, 1);
    for (let i = 0; i < 3; i++) g.fillRect(1, -5 + i * 4, 9 - i * 2, 2);
  },
  line_test: (g) => {
    g.fillStyle(0x1e2b22, 1);
    g.fillRoundedRect(-14, -10, 28, 20, 3);
    g.lineStyle(2, 0x5ee07a, 1);
    path(g, [-11, 1, -7, 1, -5, -6, -1, 7, 3, -4, 6, 2, 11, 2]);
  },
  kb: (g) => {
    g.fillStyle(0xf3ecd8, 1);
    g.fillRect(-9, -11, 20, 22);
    g.fillStyle(0x7b3f9e, 1);
    g.fillRoundedRect(-12, -12, 20, 22, 2);
    g.fillStyle(0xf2c14e, 1);
    g.fillRect(-8, -7, 12, 3);
    g.fillStyle(0x5e2d7a, 1);
    g.fillRect(-12, -12, 3, 22);
  },
  ticket: (g) => {
    g.fillStyle(0xe8862f, 1);
    path(g, [-14, -8, 14, -8, 14, -3, 11, 0, 14, 3, 14, 8, -14, 8, -14, 3, -11, 0, -14, -3], true);
    g.lineStyle(1.2, 0xfff1e0, 1);
    for (let yy = -6; yy < 7; yy += 3) g.lineBetween(5, yy, 5, yy + 1.5);
    g.fillStyle(0xfff1e0, 1);
    g.fillRect(-8, -3, 9, 2);
    g.fillRect(-8, 1, 6, 2);
  },
  remote: (g) => {
    for (const dx of [-7, 7]) {
      g.fillStyle(0x3d4350, 1);
      g.fillRect(dx - 7, -9 + (dx > 0 ? 4 : 0), 14, 11);
      g.fillStyle(dx > 0 ? 0x68b0e8 : 0x9ad18b, 1);
      g.fillRect(dx - 5, -7 + (dx > 0 ? 4 : 0), 10, 7);
    }
    g.lineStyle(1.6, 0xd9480f, 1);
    path(g, [-6, 8, 0, 8, 0, 11, 5, 7.5, 0, 4, 0, 7]);
  },
  escalation: (g) => {
    g.fillStyle(0xc2410c, 1);
    g.fillCircle(0, 0, 12);
    g.fillStyle(0xffffff, 1);
    g.fillTriangle(0, -8, -7, 0, 7, 0);
    g.fillRect(-3, 0, 6, 8);
  },
  supervisor: (g) => {
    g.fillStyle(0x4a5568, 1);
    g.fillCircle(0, -5, 6);
    g.fillRoundedRect(-11, 2, 22, 11, { tl: 8, tr: 8, bl: 0, br: 0 });
    g.fillStyle(0xf2c14e, 1);
    path(g, [8, -13, 9.5, -9.5, 13, -9, 10.5, -6.5, 11, -3, 8, -5, 5, -3, 5.5, -6.5, 3, -9, 6.5, -9.5], true);
    g.fillStyle(0xc92a2a, 1);
    g.fillTriangle(-2, 3, 2, 3, 0, 11);
  },
};
