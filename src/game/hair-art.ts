// Hair, in two layers around a head centred at (115, 90), 44 px above and below the eyes' line:
// what falls behind the head and shoulders, then what covers the forehead.
import { path, quad, type Pen } from './draw-kit.ts';
import { mix, type Tone } from './palette.ts';
import type { HairStyle } from './portrait-parts.ts';

type G = Pen;

const INK = 0x2b2420;

/** Curls around the face of an older woman; a bald head keeps the low ones only. */
const PUFFS: readonly (readonly [number, number, number])[] = [
  [80, 72, 15],
  [88, 54, 15],
  [104, 43, 14],
  [126, 43, 14],
  [142, 54, 15],
  [150, 72, 15],
  [79, 90, 11],
  [151, 90, 11],
];

/** What is behind the head: long hair on the shoulders, a bun, the back of a short cut. */
export function drawHairBack(g: G, style: HairStyle, colour: number, tone: Tone, pencil: boolean): void {
  g.fillStyle(tone(mix(colour, INK, 0.15)), 1);
  if (style === 'long') {
    g.fillEllipse(115, 88, 100, 108);
    g.fillRoundedRect(66, 88, 98, 70, 20);
  } else if (style === 'bun') {
    g.fillEllipse(115, 84, 92, 96);
    g.fillCircle(115, 40, 17);
    if (pencil) {
      g.lineStyle(3, tone(0xf2c14e), 1);
      g.lineBetween(94, 28, 138, 48);
      g.fillStyle(tone(0xf08fa0), 1);
      g.fillCircle(94, 28, 2.4);
    }
  } else if (style === 'bob') {
    g.fillEllipse(115, 84, 98, 96);
    g.fillRoundedRect(68, 84, 94, 40, { tl: 0, tr: 0, bl: 14, br: 14 });
  } else if (style === 'curls' || style === 'sides') {
    g.fillEllipse(115, 86, 84, 80);
  } else {
    g.fillEllipse(115, 76, 86, 72);
  }
}

/** What covers the forehead and temples, drawn over the face. */
export function drawHairFront(g: G, style: HairStyle, colour: number, tone: Tone): void {
  if (style === 'curls' || style === 'sides') return puffs(g, style === 'sides', colour, tone);
  g.fillStyle(tone(colour), 1);
  path(g, FRONT[style], true);
  // A lighter strand catches the light, so the shape reads as hair even when small.
  g.lineStyle(2, tone(mix(colour, 0xffffff, 0.3)), 0.8);
  path(g, quad(124, 46, 104, 50, 92, 66, 6));
}

/** Forehead outlines per cut, as closed point lists. */
const FRONT: Readonly<Record<Exclude<HairStyle, 'curls' | 'sides'>, readonly number[]>> = {
  // Parted in the middle, falling to the cheeks.
  long: [77, 110, 76, 64, 94, 45, 115, 41, 136, 45, 154, 64, 153, 110, 147, 74, 128, 56, 115, 52, 102, 56, 83, 74],
  // Swept up into the bun.
  bun: [77, 88, 80, 60, 98, 44, 130, 43, 150, 56, 153, 86, 147, 70, 130, 58, 106, 64, 88, 76],
  // A straight fringe and a chin-length cut.
  bob: [77, 108, 77, 60, 95, 44, 115, 41, 135, 44, 153, 60, 153, 108, 148, 76, 140, 66, 115, 68, 90, 66, 82, 76],
  // Spiky, unruly.
  tousled: [
    78, 84, 76, 62, 86, 47, 97, 42, 104, 34, 117, 40, 127, 32, 135, 42, 147, 47, 155, 64, 152, 84, 146, 70, 130, 60,
    110, 63, 92, 66, 84, 74,
  ],
  // Short, side-parted.
  short: [78, 82, 79, 60, 96, 45, 128, 42, 148, 52, 153, 82, 147, 66, 132, 56, 104, 58, 86, 68],
  // High temples, a thin top.
  receding: [
    78, 84, 79, 64, 88, 52, 104, 45, 126, 45, 142, 52, 152, 64, 152, 84, 147, 70, 140, 60, 126, 54, 104, 54, 90, 60, 83,
    70,
  ],
  // Close to the head, swept to one side.
  crop: [78, 84, 78, 60, 92, 46, 115, 41, 138, 46, 152, 60, 152, 84, 148, 66, 136, 56, 112, 60, 94, 58, 84, 68],
};

function puffs(g: G, bald: boolean, colour: number, tone: Tone): void {
  const shown = bald ? PUFFS.filter(([, y]) => y >= 70) : PUFFS;
  g.fillStyle(tone(mix(colour, INK, 0.18)), 1);
  for (const [x, y, r] of shown) g.fillCircle(x + 1, y + 2, r);
  g.fillStyle(tone(colour), 1);
  for (const [x, y, r] of shown) g.fillCircle(x, y, r);
}
