// Mood on a face, shared by every persona: brows, eyes, cheeks and mouth change shape with the
// mood, so it never rests on colour alone.
import type { Mood } from '../ports/desk-view.ts';
import { path, quad, type Pen } from './draw-kit.ts';
import { FLUSH, mix, type Tone } from './palette.ts';

type G = Pen;

/** Where a persona's features sit, in portrait-viewport pixels. */
export type FaceSpec = {
  readonly cx: number;
  readonly eyeY: number;
  readonly eyeDx: number;
  readonly mouthY: number;
  readonly skin: number;
  readonly brow: number;
  readonly iris: number;
};

const INK = 0x2b2420;
const LIP = 0x8a3b3b;
const MOUTH = 0x6b2230;

/** The skin a mood gives: anger rises into the face. */
export function skinFor(skin: number, mood: Mood): number {
  const heat = { calm: 0, neutral: 0, annoyed: 0.08, furious: 0.22 }[mood];
  return mix(skin, FLUSH, heat);
}

/** Inner end of the brow/lid drops as the mood worsens: [inner, outer] offsets from eye line. */
const BROW: Readonly<Record<Mood, readonly [number, number, number]>> = {
  calm: [-15, -14, -19],
  neutral: [-13, -13, -14],
  annoyed: [-9, -14, -13],
  furious: [-5, -16, -12],
};

export function drawBrows(g: G, f: FaceSpec, mood: Mood, tone: Tone): void {
  const [inner, outer, mid] = BROW[mood];
  g.lineStyle(mood === 'furious' ? 4.6 : 3.6, tone(f.brow), 1);
  for (const s of [-1, 1]) {
    const ix = f.cx + s * (f.eyeDx - 8);
    const ox = f.cx + s * (f.eyeDx + 9);
    path(g, quad(ix, f.eyeY + inner, f.cx + s * (f.eyeDx + 1), f.eyeY + mid, ox, f.eyeY + outer, 8));
  }
  if (mood === 'annoyed' || mood === 'furious') {
    // Frown creases between the brows.
    g.lineStyle(1.4, tone(mix(f.skin, INK, 0.45)), 1);
    g.lineBetween(f.cx - 3, f.eyeY - 11, f.cx - 2, f.eyeY - 5);
    if (mood === 'furious') g.lineBetween(f.cx + 3, f.eyeY - 11, f.cx + 2, f.eyeY - 5);
  }
}

export function drawEyes(g: G, f: FaceSpec, mood: Mood, blink: boolean, tone: Tone): void {
  const skin = tone(skinFor(f.skin, mood));
  for (const s of [-1, 1]) {
    const x = f.cx + s * f.eyeDx;
    const y = f.eyeY;
    if (blink) {
      g.lineStyle(2.2, tone(INK), 1);
      path(g, quad(x - 6, y, x, y + 2.5, x + 6, y));
      continue;
    }
    g.fillStyle(tone(0xffffff), 1);
    g.fillEllipse(x, y, 14, 11);
    g.fillStyle(tone(f.iris), 1);
    g.fillCircle(x, y + 0.5, mood === 'furious' ? 3.2 : 4);
    g.fillStyle(tone(INK), 1);
    g.fillCircle(x, y + 0.5, mood === 'furious' ? 1.6 : 2.2);
    g.fillStyle(tone(0xffffff), 1);
    g.fillCircle(x + 1.4, y - 1, 1.1);
    // Upper lid: how far it comes down, and how it slants toward the nose.
    const inner = { calm: -4.5, neutral: -4, annoyed: -0.5, furious: 0.5 }[mood];
    const outer = { calm: -4.5, neutral: -4, annoyed: -1.5, furious: -3.5 }[mood];
    const left = s < 0 ? outer : inner;
    const right = s < 0 ? inner : outer;
    g.fillStyle(skin, 1);
    path(g, [x - 8, y - 8, x + 8, y - 8, x + 8, y + right, x - 8, y + left], true);
    g.lineStyle(1.8, tone(INK), 1);
    g.lineBetween(x - 7, y + left, x + 7, y + right);
    if (mood === 'calm') {
      // Cheeks lifted by a smile.
      g.fillStyle(skin, 1);
      path(g, [...quad(x - 8, y + 6, x, y + 1, x + 8, y + 6, 6), x + 8, y + 8, x - 8, y + 8], true);
    }
  }
}

export function drawCheeks(g: G, f: FaceSpec, mood: Mood, tone: Tone): void {
  const a = { calm: 0.2, neutral: 0.1, annoyed: 0.3, furious: 0.5 }[mood];
  g.fillStyle(tone(FLUSH), a);
  for (const s of [-1, 1]) g.fillEllipse(f.cx + s * (f.eyeDx + 5), f.eyeY + 15, 17, 9);
}

/** The mouth alone, redrawn while the customer talks. */
export function drawMouth(g: G, f: FaceSpec, mood: Mood, open: boolean, tone: Tone): void {
  const x = f.cx;
  const y = f.mouthY;
  if (!open) {
    g.lineStyle(2.6, tone(LIP), 1);
    if (mood === 'calm') path(g, quad(x - 12, y - 2, x, y + 8, x + 12, y - 2));
    else if (mood === 'neutral') path(g, quad(x - 10, y + 1, x, y + 2.5, x + 10, y));
    else if (mood === 'annoyed') path(g, quad(x - 11, y + 4, x - 1, y - 3, x + 10, y + 2));
    else clenched(g, x, y, tone);
    return;
  }
  g.fillStyle(tone(MOUTH), 1);
  if (mood === 'calm') {
    path(g, [x - 12, y - 2, x + 12, y - 2, ...quad(x + 12, y - 2, x, y + 16, x - 12, y - 2)], true);
    g.fillStyle(tone(0xffffff), 1);
    g.fillRect(x - 8, y - 2, 16, 3);
  } else if (mood === 'neutral') {
    g.fillEllipse(x, y + 2, 13, 10);
  } else if (mood === 'annoyed') {
    path(g, [...quad(x - 11, y + 3, x, y - 5, x + 11, y + 3), ...quad(x + 11, y + 3, x, y + 10, x - 11, y + 3)], true);
  } else {
    path(g, [...quad(x - 15, y - 1, x, y - 8, x + 15, y - 1), ...quad(x + 15, y - 1, x, y + 22, x - 15, y - 1)], true);
    g.fillStyle(tone(0xffffff), 1);
    g.fillRect(x - 10, y - 4, 20, 4);
    g.fillStyle(tone(0xd4646e), 1);
    g.fillEllipse(x, y + 10, 14, 6);
  }
}

function clenched(g: G, x: number, y: number, tone: Tone): void {
  g.fillStyle(tone(0xffffff), 1);
  g.fillRoundedRect(x - 13, y - 4, 26, 10, 3);
  g.lineStyle(1.6, tone(LIP), 1);
  g.strokeRoundedRect(x - 13, y - 4, 26, 10, 3);
  g.lineStyle(1, tone(0x9a8f8a), 1);
  g.lineBetween(x - 12, y + 1, x + 12, y + 1);
  for (const dx of [-6, 0, 6]) g.lineBetween(x + dx, y - 3, x + dx, y + 5);
}

/** The comic "popping vein" mark for a furious customer. */
export function drawAngerMark(g: G, x: number, y: number, tone: Tone): void {
  g.lineStyle(3, tone(0xd32f2f), 1);
  for (const [sx, sy] of [
    [-1, -1],
    [1, -1],
    [1, 1],
    [-1, 1],
  ] as const) {
    path(g, quad(x + sx * 2, y + sy * 8, x + sx * 3, y + sy * 3, x + sx * 8, y + sy * 2, 5));
  }
}
