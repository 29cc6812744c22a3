// The three callers, drawn from shapes in a 230×198 portrait viewport: who they are (hair,
// clothes, accessories) lives here; how they feel comes from face-art.
import { PERSONA_FIGURE, type Figure, type Persona } from '../engine/model.ts';
import type { Mood } from '../ports/desk-view.ts';
import { path, quad, type Pen } from './draw-kit.ts';
import { drawAngerMark, drawBrows, drawCheeks, drawEyes, skinFor, type FaceSpec } from './face-art.ts';
import { mix, type Tone } from './palette.ts';

type G = Pen;

export const VIEW = { w: 230, h: 198 } as const;

const INK = 0x2b2420;

export const FACES: Readonly<Record<Persona, FaceSpec>> = {
  angry: { cx: 115, eyeY: 90, eyeDx: 16, mouthY: 116, skin: 0xe9b995, brow: 0x5a2a1a, iris: 0x5b7f4a },
  confused: { cx: 115, eyeY: 92, eyeDx: 16, mouthY: 118, skin: 0xf0cdb5, brow: 0xa09890, iris: 0x5a7da0 },
  technical: { cx: 115, eyeY: 90, eyeDx: 16, mouthY: 117, skin: 0xb47e5a, brow: 0x2a1f1a, iris: 0x4a3020 },
};

/**
 * Everything but the mouth: body, head, hair, accessories and the mood on the face. `figure`
 * draws the persona as a woman or a man: its own by default (PERSONA_FIGURE), else a variant (an
 * angry man with short hair, a technical woman with long hair, an elderly man, bald on top).
 */
export function drawFigure(g: G, persona: Persona, figure: Figure, mood: Mood, blink: boolean, tone: Tone): void {
  const f = FACES[persona];
  const other = figure !== PERSONA_FIGURE[persona];
  const skin = tone(skinFor(f.skin, mood));
  if (persona === 'angry') (other ? shortHairBack : angryBack)(g, tone);
  if (persona === 'technical' && other) longHairBack(g, tone);
  body(g, persona, skin, tone, other);
  g.fillStyle(skin, 1);
  g.fillEllipse(f.cx - 38, f.eyeY + 2, 11, 17);
  g.fillEllipse(f.cx + 38, f.eyeY + 2, 11, 17);
  g.fillEllipse(f.cx, 90, 76, 92);
  if (persona === 'technical' && !other) {
    g.fillStyle(tone(0x3a2a22), 0.4);
    path(g, [...quad(78, 98, 115, 164, 152, 98), ...quad(152, 98, 115, 124, 78, 98)], true);
  }
  g.lineStyle(2, tone(mix(f.skin, INK, 0.35)), 1);
  path(g, quad(f.cx + 1, f.eyeY + 6, f.cx - 5, f.eyeY + 16, f.cx + 3, f.eyeY + 17, 6));
  drawCheeks(g, f, mood, tone);
  drawEyes(g, f, mood, blink, tone);
  drawBrows(g, f, mood, tone);
  if (persona === 'angry') angryFront(g, tone, other);
  else if (persona === 'confused') confusedFront(g, f, tone, other);
  else technicalFront(g, tone);
  if (mood === 'furious') drawAngerMark(g, f.cx + 44, 50, tone);
}

function body(g: G, persona: Persona, skin: number, tone: Tone, other: boolean): void {
  const cloth = other
    ? { angry: 0x5f7fa8, confused: 0x8a7a5c, technical: 0x7d4f6b }[persona]
    : { angry: 0xd49a3a, confused: 0xa66f8c, technical: 0x4d6b5d }[persona];
  g.fillStyle(skin, 1);
  g.fillRect(103, 124, 24, 34);
  g.fillStyle(tone(mix(skin, INK, 0.12)), 1);
  g.fillRect(103, 124, 24, 8);
  if (persona === 'technical') {
    g.fillStyle(tone(mix(cloth, INK, 0.3)), 1);
    g.fillEllipse(115, 152, 112, 34);
  }
  g.fillStyle(tone(cloth), 1);
  g.fillRoundedRect(20, 148, 190, 50, { tl: 40, tr: 40, bl: 0, br: 0 });
  if (persona === 'angry') {
    g.fillStyle(skin, 1);
    g.fillTriangle(101, 147, 129, 147, 115, 172);
    g.lineStyle(1, tone(mix(cloth, INK, 0.25)), 1);
    for (let x = 34; x < 200; x += 7) g.lineBetween(x, 160 + Math.abs(x - 115) * 0.05, x, 198);
  } else if (persona === 'confused') {
    g.fillStyle(tone(0xfaf6ee), 1);
    g.fillTriangle(100, 146, 115, 166, 94, 166);
    g.fillTriangle(130, 146, 115, 166, 136, 166);
    g.lineStyle(3, tone(mix(cloth, INK, 0.3)), 1);
    g.lineBetween(115, 164, 115, 198);
    g.fillStyle(tone(0xf3e5c0), 1);
    for (const y of [176, 190]) g.fillCircle(121, y, 2.6);
    if (!other) {
      g.fillStyle(tone(0xfdfbf6), 1);
      const pearls = quad(101, 146, 115, 166, 129, 146, 9);
      for (let i = 0; i + 1 < pearls.length; i += 2) g.fillCircle(pearls[i]!, pearls[i + 1]!, 2);
    }
  } else {
    g.fillStyle(tone(mix(cloth, 0xffffff, 0.12)), 1);
    path(g, [...quad(92, 150, 115, 176, 138, 150), ...quad(138, 150, 115, 162, 92, 150)], true);
    g.lineStyle(2, tone(0xeeeeee), 1);
    g.lineBetween(106, 162, 104, 188);
    g.lineBetween(124, 162, 126, 188);
    g.fillStyle(tone(0xbdbdbd), 1);
    g.fillRect(102, 186, 4, 6);
    g.fillRect(124, 186, 4, 6);
  }
}

function angryBack(g: G, tone: Tone): void {
  g.fillStyle(tone(0x6e3522), 1);
  g.fillEllipse(115, 86, 100, 104);
  g.fillRoundedRect(66, 86, 98, 58, 18);
  g.fillCircle(115, 40, 17);
  g.lineStyle(3, tone(0xf2c14e), 1);
  g.lineBetween(94, 28, 138, 48);
  g.fillStyle(tone(0xf08fa0), 1);
  g.fillCircle(94, 28, 2.4);
}

/** An angry man's hair behind the head: short, no bun. */
function shortHairBack(g: G, tone: Tone): void {
  g.fillStyle(tone(0x3b2a20), 1);
  g.fillEllipse(115, 74, 86, 70);
}

/** A technical woman's long hair behind the head and shoulders. */
function longHairBack(g: G, tone: Tone): void {
  g.fillStyle(tone(0x2a1f1a), 1);
  g.fillEllipse(115, 88, 98, 106);
  g.fillRoundedRect(68, 88, 94, 66, 20);
}

function angryFront(g: G, tone: Tone, other: boolean): void {
  g.fillStyle(tone(other ? 0x3b2a20 : 0x6e3522), 1);
  path(g, [77, 88, 80, 60, 98, 44, 130, 43, 150, 56, 153, 86, 147, 70, 130, 58, 106, 64, 88, 76], true);
  if (other) {
    // Stubble, and no earrings.
    g.fillStyle(tone(0x3a2a22), 0.25);
    path(g, [...quad(80, 100, 115, 160, 150, 100), ...quad(150, 100, 115, 126, 80, 100)], true);
  } else {
    g.lineStyle(3, tone(0xcabfb4), 1);
    path(g, quad(120, 46, 102, 52, 90, 74, 6));
    g.lineStyle(2, tone(0xe3b341), 1);
    g.strokeCircle(77, 106, 5);
    g.strokeCircle(153, 106, 5);
  }
  g.lineStyle(1.6, tone(0xf4f4f4), 1);
  path(g, [...quad(152, 100, 168, 140, 150, 160), 146, 198]);
  g.fillStyle(tone(0xf4f4f4), 1);
  g.fillCircle(152, 98, 3);
}

function confusedFront(g: G, f: FaceSpec, tone: Tone, other: boolean): void {
  const all: readonly (readonly [number, number, number])[] = [
    [80, 72, 15],
    [88, 54, 15],
    [104, 43, 14],
    [126, 43, 14],
    [142, 54, 15],
    [150, 72, 15],
    [79, 90, 11],
    [151, 90, 11],
  ];
  // An elderly man: bald on top, white hair on the sides, a moustache.
  const puffs = other ? all.filter(([, y]) => y >= 70) : all;
  if (other) {
    g.fillStyle(tone(0xeceae6), 1);
    path(g, [...quad(100, 114, 115, 105, 130, 114, 6), ...quad(130, 114, 115, 117, 100, 114, 6)], true);
  }
  g.fillStyle(tone(0xcfc8c0), 1);
  for (const [x, y, r] of puffs) g.fillCircle(x + 1, y + 2, r);
  g.fillStyle(tone(0xf1eeea), 1);
  for (const [x, y, r] of puffs) g.fillCircle(x, y, r);
  g.lineStyle(1.2, tone(mix(f.skin, INK, 0.28)), 1);
  path(g, quad(100, 64, 115, 61, 130, 64, 6));
  path(g, quad(103, 70, 115, 68, 127, 70, 6));
  path(g, quad(99, 108, 96, 118, 100, 126, 6));
  path(g, quad(131, 108, 134, 118, 130, 126, 6));
  g.lineStyle(2.4, tone(0x7a5230), 1);
  for (const s of [-1, 1]) g.strokeCircle(f.cx + s * f.eyeDx, f.eyeY, 11.5);
  path(g, quad(f.cx - 5, f.eyeY - 1, f.cx, f.eyeY - 4, f.cx + 5, f.eyeY - 1, 4));
  g.lineBetween(f.cx - 27, f.eyeY - 2, f.cx - 38, f.eyeY - 4);
  g.lineBetween(f.cx + 27, f.eyeY - 2, f.cx + 38, f.eyeY - 4);
  g.lineStyle(2, tone(0xffffff), 0.5);
  for (const s of [-1, 1])
    path(
      g,
      quad(f.cx + s * f.eyeDx - 6, f.eyeY - 4, f.cx + s * f.eyeDx - 4, f.eyeY - 8, f.cx + s * f.eyeDx, f.eyeY - 8, 4),
    );
}

function technicalFront(g: G, tone: Tone): void {
  g.fillStyle(tone(0x2a1f1a), 1);
  path(
    g,
    [
      78, 86, 76, 62, 86, 47, 97, 42, 104, 34, 117, 40, 127, 32, 135, 42, 147, 47, 155, 64, 152, 86, 146, 70, 130, 60,
      110, 63, 92, 66, 84, 76,
    ],
    true,
  );
  g.lineStyle(6, tone(0x26262b), 1);
  path(g, quad(73, 88, 115, -28, 157, 88, 16));
  g.fillStyle(tone(0x26262b), 1);
  g.fillRoundedRect(64, 76, 17, 32, 6);
  g.fillRoundedRect(149, 76, 17, 32, 6);
  g.lineStyle(2, tone(0x38d9c5), 1);
  g.strokeRoundedRect(66, 79, 13, 26, 5);
  g.strokeRoundedRect(151, 79, 13, 26, 5);
  g.lineStyle(3, tone(0x26262b), 1);
  path(g, quad(72, 106, 76, 130, 96, 127, 8));
  g.fillStyle(tone(0x3a3a40), 1);
  g.fillCircle(97, 127, 4.5);
}
