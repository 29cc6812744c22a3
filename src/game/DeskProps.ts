// The agent's own corner of the desk around the softphone: cubicle wall, lamp, headset on its
// stand, sticky notes and a mug. Static; two layers (behind and in front of the softphone's
// bezel), baked with the room.
import { LAYOUT } from '../layout.ts';
import { path, quad, sprinkle, type Pen } from './draw-kit.ts';
import { ROOM } from './palette.ts';

const P = LAYOUT.portrait;
export const NOOK_DESK_Y = P.y + 222;

/** What stands behind the softphone. */
export function drawPropsBack(g: Pen): void {
  drawNook(g);
  drawNotes(g);
  drawLamp(g);
  drawHeadset(g);
}

/** What lies in front of it: the lamp's light pool and the mug. */
export function drawPropsFront(f: Pen): void {
  f.fillStyle(0xffe6a0, 0.1);
  path(f, [326, 114, 350, 134, 384, 300, 276, 300], true);
  f.fillStyle(0xffe6a0, 0.12);
  f.fillEllipse(330, NOOK_DESK_Y + 14, 110, 22);
  drawMug(f);
}

function drawNook(g: Pen): void {
  g.fillStyle(ROOM.shadow, 0.16);
  g.fillRoundedRect(P.x, P.y + 2, P.w, P.h + 3, 12);
  g.fillGradientStyle(0x9b8d79, 0x9b8d79, 0x8a7c69, 0x8a7c69, 1);
  g.fillRoundedRect(P.x, P.y, P.w, P.h, 12);
  const rnd = sprinkle(3);
  for (let i = 0; i < 380; i++) {
    g.fillStyle(rnd() < 0.5 ? 0x7d705e : 0xab9e8a, 0.4);
    g.fillRect(P.x + 4 + Math.floor(rnd() * (P.w - 8)), P.y + 4 + Math.floor(rnd() * 214), 2, 1);
  }
  const d = NOOK_DESK_Y;
  g.fillGradientStyle(ROOM.woodLight, ROOM.woodLight, ROOM.wood, ROOM.wood, 1);
  g.fillRoundedRect(P.x, d, P.w, P.y + P.h - d, { tl: 0, tr: 0, bl: 12, br: 12 });
  g.fillStyle(ROOM.woodEdge, 1);
  g.fillRect(P.x, d - 2, P.w, 3);
  g.fillStyle(0x000000, 0.22);
  g.fillEllipse(147, d + 12, 70, 8);
  g.fillStyle(0x3a3c43, 1);
  g.fillRect(140, d - 4, 14, 14);
  g.fillEllipse(147, d + 10, 56, 8);
}

function drawNotes(g: Pen): void {
  const notes = [
    [296, 84, -0.08, 0xffe27a],
    [334, 96, 0.12, 0xa8e6cf],
    [306, 128, 0.05, 0xffb3c7],
  ] as const;
  for (const [x, y, a, c] of notes) {
    g.save();
    g.translateCanvas(x, y);
    g.rotateCanvas(a);
    g.fillStyle(0x000000, 0.2);
    g.fillRect(-13, -11, 28, 28);
    g.fillStyle(c, 1);
    g.fillRect(-14, -14, 28, 28);
    g.fillStyle(0xd9480f, 1);
    g.fillCircle(0, -10, 2.5);
    g.lineStyle(1.2, 0x364fc7, 0.75);
    for (let i = 0; i < 3; i++) g.lineBetween(-9, -3 + i * 5, 8 - i * 4, -3 + i * 5);
    g.restore();
  }
}

function drawLamp(g: Pen): void {
  const metal = 0x3f6f73;
  g.fillStyle(metal, 1);
  g.fillEllipse(366, NOOK_DESK_Y + 2, 30, 9);
  g.lineStyle(4, metal, 1);
  g.lineBetween(366, NOOK_DESK_Y, 374, 188);
  g.lineBetween(374, 188, 352, 112);
  g.fillStyle(0x2f5558, 1);
  g.fillCircle(374, 188, 4);
  g.fillCircle(352, 112, 4);
  g.save();
  g.translateCanvas(338, 124);
  g.rotateCanvas(0.75);
  g.fillStyle(metal, 1);
  path(g, [-16, 0, ...quad(-16, 0, 0, -34, 16, 0, 10)], true);
  g.fillStyle(0x5d8f93, 1);
  g.fillEllipse(-4, -12, 6, 10);
  g.fillStyle(0xfff1c1, 1);
  g.fillEllipse(0, 0, 30, 8);
  g.restore();
}

function drawHeadset(g: Pen): void {
  const dark = 0x34363d;
  g.fillStyle(dark, 1);
  g.fillEllipse(300, NOOK_DESK_Y + 4, 30, 8);
  g.fillRect(298, 208, 4, NOOK_DESK_Y - 206);
  g.lineStyle(5, dark, 1);
  path(g, quad(283, 226, 300, 190, 317, 226, 10));
  g.fillStyle(dark, 1);
  g.fillRoundedRect(277, 218, 11, 22, 4);
  g.fillRoundedRect(312, 218, 11, 22, 4);
  g.fillStyle(ROOM.accent, 1);
  g.fillRoundedRect(279, 222, 7, 14, 3);
  g.fillRoundedRect(314, 222, 7, 14, 3);
  g.lineStyle(2.5, dark, 1);
  path(g, quad(282, 238, 280, 256, 294, 258, 8));
  g.fillStyle(0x222222, 1);
  g.fillCircle(295, 258, 3.5);
}

function drawMug(g: Pen): void {
  const x = 40;
  const y = NOOK_DESK_Y + 8;
  g.fillStyle(0x000000, 0.22);
  g.fillEllipse(x + 14, y + 30, 36, 7);
  g.lineStyle(4, 0xe9e2d6, 1);
  g.strokeCircle(x + 28, y + 14, 7);
  g.fillStyle(0xf3ede3, 1);
  g.fillRoundedRect(x, y, 28, 30, { tl: 2, tr: 2, bl: 6, br: 6 });
  g.fillStyle(ROOM.accent, 1);
  g.fillRect(x, y + 9, 28, 7);
  g.fillStyle(0x5b3a22, 1);
  g.fillEllipse(x + 14, y + 1, 26, 5);
  g.lineStyle(1.5, 0xffffff, 0.55);
  path(g, quad(x + 9, y - 4, x + 4, y - 12, x + 10, y - 20, 6));
  path(g, quad(x + 18, y - 4, x + 13, y - 13, x + 19, y - 22, 6));
}
