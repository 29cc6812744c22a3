// The caller, drawn from shapes in a 230×198 portrait viewport: who they are (hair, face,
// clothes, accessories) comes from the call's portrait through portrait-parts.ts; how they feel
// comes from face-art.
import type { Persona } from '../engine/model.ts';
import type { PortraitSpec } from '../engine/portrait.ts';
import type { Mood } from '../ports/desk-view.ts';
import { path, quad, type Pen } from './draw-kit.ts';
import { drawAngerMark, drawBrows, drawCheeks, drawEyes, skinFor, type FaceSpec } from './face-art.ts';
import { drawHairBack, drawHairFront } from './hair-art.ts';
import { mix, type Tone } from './palette.ts';
import { portraitParts, type PortraitParts } from './portrait-parts.ts';

type G = Pen;

export const VIEW = { w: 230, h: 198 } as const;

const INK = 0x2b2420;
const IRIS: Readonly<Record<Persona, number>> = { angry: 0x5b7f4a, confused: 0x5a7da0, technical: 0x4a3020 };

/** Where the features sit, and their colours, for a portrait's parts. */
export function faceOf(parts: PortraitParts, persona: Persona): FaceSpec {
  return { cx: 115, eyeY: 90, eyeDx: 16, mouthY: 117, skin: parts.skin, brow: parts.brow, iris: IRIS[persona] };
}

/** Everything but the mouth: body, head, hair, accessories and the mood on the face. */
export function drawFigure(g: G, persona: Persona, spec: PortraitSpec, mood: Mood, blink: boolean, tone: Tone): void {
  const p = portraitParts(spec, persona);
  const f = faceOf(p, persona);
  const skin = tone(skinFor(f.skin, mood));
  drawHairBack(g, p.hair, p.hairColour, tone, p.pencil);
  body(g, p, skin, tone);
  g.fillStyle(skin, 1);
  g.fillEllipse(f.cx - p.faceWidth / 2 - 1, f.eyeY + 2, 11, 17);
  g.fillEllipse(f.cx + p.faceWidth / 2 + 1, f.eyeY + 2, 11, 17);
  g.fillEllipse(f.cx, 90, p.faceWidth, p.youthful ? 88 : 92);
  g.lineStyle(2, tone(mix(f.skin, INK, 0.35)), 1);
  path(g, quad(f.cx + 1, f.eyeY + 6, f.cx - 5, f.eyeY + 16, f.cx + 3, f.eyeY + 17, 6));
  if (p.lines) lines(g, f, tone);
  drawCheeks(g, f, mood, tone);
  if (p.beard) beard(g, f, p, tone);
  drawEyes(g, f, mood, blink, tone);
  if (p.lashes && !blink) lashes(g, f, tone);
  drawBrows(g, f, mood, tone);
  drawHairFront(g, p.hair, p.hairColour, tone);
  if (p.moustache) moustache(g, f, p, tone);
  if (p.earrings) earrings(g, p, tone);
  if (p.glasses) glasses(g, f, tone);
  if (p.headset) headset(g, tone);
  else if (p.earbud) earbud(g, p, tone);
  if (mood === 'furious') drawAngerMark(g, f.cx + 44, 50, tone);
}

function body(g: G, p: PortraitParts, skin: number, tone: Tone): void {
  const cloth = p.cloth;
  const neck = p.neckWidth;
  g.fillStyle(skin, 1);
  g.fillRect(115 - neck / 2, 124, neck, 34);
  g.fillStyle(tone(mix(skin, INK, 0.12)), 1);
  g.fillRect(115 - neck / 2, 124, neck, 8);
  if (p.clothes === 'technical') {
    // The hood, behind the shoulders.
    g.fillStyle(tone(mix(cloth, INK, 0.3)), 1);
    g.fillEllipse(115, 152, 112, 34);
  }
  g.fillStyle(tone(cloth), 1);
  g.fillRoundedRect(20, 148, 190, 50, { tl: 40, tr: 40, bl: 0, br: 0 });
  if (p.clothes === 'angry') {
    g.fillStyle(skin, 1);
    g.fillTriangle(101, 147, 129, 147, 115, 172);
    g.lineStyle(1, tone(mix(cloth, INK, 0.25)), 1);
    for (let x = 34; x < 200; x += 7) g.lineBetween(x, 160 + Math.abs(x - 115) * 0.05, x, 198);
  } else if (p.clothes === 'confused') {
    g.fillStyle(tone(0xfaf6ee), 1);
    g.fillTriangle(100, 146, 115, 166, 94, 166);
    g.fillTriangle(130, 146, 115, 166, 136, 166);
    g.lineStyle(3, tone(mix(cloth, INK, 0.3)), 1);
    g.lineBetween(115, 164, 115, 198);
    g.fillStyle(tone(0xf3e5c0), 1);
    for (const y of [176, 190]) g.fillCircle(121, y, 2.6);
    if (p.pearls) {
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

/** Around the jaw and chin, below the mouth (which stays on skin, readable at any mood). */
function beard(g: G, f: FaceSpec, p: PortraitParts, tone: Tone): void {
  const l = f.cx - p.faceWidth / 2 + 1;
  const r = f.cx + p.faceWidth / 2 - 1;
  const y = f.mouthY + 9;
  const shape = [
    ...quad(l, 92, f.cx - 30, y - 2, f.cx, y),
    ...quad(f.cx, y, f.cx + 30, y - 2, r, 92),
    ...quad(r, 92, r - 2, 150, f.cx, 148),
    ...quad(f.cx, 148, l + 2, 150, l, 92),
  ];
  facialHair(g, shape, p, tone);
}

/** Filled in the hair's colour and outlined a shade darker: a white beard still shows on light skin. */
function facialHair(g: G, shape: readonly number[], p: PortraitParts, tone: Tone): void {
  g.fillStyle(tone(mix(p.hairColour, INK, 0.1)), 1);
  path(g, shape, true);
  g.lineStyle(1.4, tone(mix(p.hairColour, INK, 0.45)), 1);
  path(g, [...shape, shape[0]!, shape[1]!]);
}

function moustache(g: G, f: FaceSpec, p: PortraitParts, tone: Tone): void {
  const x = f.cx;
  const y = f.mouthY - 4;
  const shape = [
    ...quad(x - 17, y + 3, x - 8, y - 8, x, y - 4, 6),
    ...quad(x, y - 4, x + 8, y - 8, x + 17, y + 3, 6),
    ...quad(x + 17, y + 3, x, y + 1, x - 17, y + 3, 6),
  ];
  facialHair(g, shape, p, tone);
}

function lines(g: G, f: FaceSpec, tone: Tone): void {
  g.lineStyle(1.2, tone(mix(f.skin, INK, 0.28)), 1);
  path(g, quad(f.cx - 15, f.eyeY - 26, f.cx, f.eyeY - 29, f.cx + 15, f.eyeY - 26, 6));
  path(g, quad(f.cx - 12, f.eyeY - 20, f.cx, f.eyeY - 22, f.cx + 12, f.eyeY - 20, 6));
  path(g, quad(f.cx - 16, f.eyeY + 16, f.cx - 19, f.eyeY + 26, f.cx - 15, f.eyeY + 34, 6));
  path(g, quad(f.cx + 16, f.eyeY + 16, f.cx + 19, f.eyeY + 26, f.cx + 15, f.eyeY + 34, 6));
}

function lashes(g: G, f: FaceSpec, tone: Tone): void {
  g.lineStyle(1.8, tone(INK), 1);
  for (const s of [-1, 1]) {
    const x = f.cx + s * (f.eyeDx + 6);
    g.lineBetween(x, f.eyeY - 3, x + s * 4, f.eyeY - 6);
    g.lineBetween(x - s * 2, f.eyeY - 5, x + s * 1, f.eyeY - 9);
  }
}

function earrings(g: G, p: PortraitParts, tone: Tone): void {
  g.lineStyle(2, tone(0xe3b341), 1);
  g.strokeCircle(115 - p.faceWidth / 2 - 1, 106, 5);
  g.strokeCircle(115 + p.faceWidth / 2 + 1, 106, 5);
}

function glasses(g: G, f: FaceSpec, tone: Tone): void {
  g.lineStyle(2.4, tone(0x7a5230), 1);
  for (const s of [-1, 1]) g.strokeCircle(f.cx + s * f.eyeDx, f.eyeY, 11.5);
  path(g, quad(f.cx - 5, f.eyeY - 1, f.cx, f.eyeY - 4, f.cx + 5, f.eyeY - 1, 4));
  g.lineBetween(f.cx - 27, f.eyeY - 2, f.cx - 38, f.eyeY - 4);
  g.lineBetween(f.cx + 27, f.eyeY - 2, f.cx + 38, f.eyeY - 4);
  g.lineStyle(2, tone(0xffffff), 0.5);
  for (const s of [-1, 1]) {
    const x = f.cx + s * f.eyeDx;
    path(g, quad(x - 6, f.eyeY - 4, x - 4, f.eyeY - 8, x, f.eyeY - 8, 4));
  }
}

function headset(g: G, tone: Tone): void {
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

/** A white earphone in the right ear, its cable down to the phone. */
function earbud(g: G, p: PortraitParts, tone: Tone): void {
  const x = 115 + p.faceWidth / 2;
  g.lineStyle(1.6, tone(0xf4f4f4), 1);
  path(g, [...quad(x - 1, 100, x + 15, 140, x - 3, 160), x - 7, 198]);
  g.fillStyle(tone(0xf4f4f4), 1);
  g.fillCircle(x - 1, 98, 3);
}
