// What is behind each caller. The wall takes the mood's colour so the whole portrait warms up as
// the call goes badly; the props say where the caller is.
import type { Persona } from '../engine/model.ts';
import type { Mood } from '../ports/desk-view.ts';
import { path, type Pen } from './draw-kit.ts';
import { MOOD_BG, mix, type Tone } from './palette.ts';
import { VIEW } from './persona-art.ts';

type G = Pen;

export function drawBackdrop(g: G, persona: Persona, mood: Mood, tone: Tone): void {
  const wall = persona === 'technical' ? mix(MOOD_BG[mood], 0x2f3a4a, 0.3) : MOOD_BG[mood];
  g.fillGradientStyle(tone(mix(wall, 0xffffff, 0.18)), tone(mix(wall, 0xffffff, 0.18)), tone(wall), tone(wall), 1);
  g.fillRect(0, 0, VIEW.w, VIEW.h);
  if (persona === 'angry') home(g, wall, tone);
  else if (persona === 'confused') parlour(g, wall, tone);
  else den(g, wall, tone);
}

/** The empty line: a soft, cool wall. */
export function drawIdleBackdrop(g: G): void {
  g.fillGradientStyle(0xdfe6ec, 0xdfe6ec, 0xc4cfd9, 0xc4cfd9, 1);
  g.fillRect(0, 0, VIEW.w, VIEW.h);
}

function home(g: G, wall: number, tone: Tone): void {
  g.fillStyle(tone(0xf7f3ea), 1);
  g.fillRect(12, 16, 62, 80);
  g.fillStyle(tone(mix(0xbfe3f5, wall, 0.25)), 1);
  g.fillRect(16, 20, 54, 72);
  g.fillStyle(tone(0xf7f3ea), 1);
  g.fillRect(41, 20, 4, 72);
  g.fillRect(16, 54, 54, 4);
  g.fillStyle(tone(mix(wall, 0xb5523b, 0.45)), 1);
  g.fillRect(6, 12, 12, 92);
  g.fillRect(68, 12, 12, 92);
  g.fillStyle(tone(mix(wall, 0x000000, 0.18)), 1);
  g.fillRect(166, 40, 60, 4);
  g.fillStyle(tone(0x5470a8), 1);
  g.fillRect(172, 22, 8, 18);
  g.fillStyle(tone(0xc05a4a), 1);
  g.fillRect(181, 26, 7, 14);
  g.fillStyle(tone(0x4b8b5a), 1);
  g.fillEllipse(204, 34, 16, 12);
  g.fillStyle(tone(0xbd6a3c), 1);
  path(g, [190, 168, 222, 168, 218, 198, 194, 198], true);
  g.fillStyle(tone(0x5c9a5b), 1);
  for (const [x, y, w, h] of [
    [200, 150, 16, 34],
    [212, 146, 14, 36],
    [194, 156, 12, 26],
    [220, 156, 12, 24],
  ] as const)
    g.fillEllipse(x, y, w, h);
}

function parlour(g: G, wall: number, tone: Tone): void {
  g.fillStyle(tone(mix(wall, 0xffffff, 0.35)), 1);
  for (let y = 14; y < VIEW.h; y += 26) {
    for (let x = (y / 26) % 2 === 0 ? 12 : 25; x < VIEW.w; x += 26) {
      for (const [dx, dy] of [
        [-3, 0],
        [3, 0],
        [0, -3],
        [0, 3],
      ] as const)
        g.fillCircle(x + dx, y + dy, 2.2);
    }
  }
  g.fillStyle(tone(0xb8893a), 1);
  g.fillRect(164, 16, 54, 42);
  g.fillStyle(tone(0xbfe0f0), 1);
  g.fillRect(169, 21, 44, 32);
  g.fillStyle(tone(0x79a86a), 1);
  path(g, [169, 53, 169, 42, 184, 34, 198, 42, 213, 36, 213, 53], true);
  g.fillStyle(tone(0xfaf5e8), 1);
  g.fillCircle(34, 40, 17);
  g.lineStyle(2.5, tone(0x7a5230), 1);
  g.strokeCircle(34, 40, 17);
  g.lineStyle(2, tone(0x3a3a3a), 1);
  g.lineBetween(34, 40, 34, 29);
  g.lineBetween(34, 40, 42, 44);
}

function den(g: G, wall: number, tone: Tone): void {
  g.fillStyle(tone(0x38d9c5), 0.8);
  g.fillRect(0, 8, VIEW.w, 3);
  g.fillStyle(tone(0x38d9c5), 0.15);
  g.fillRect(0, 11, VIEW.w, 16);
  g.fillStyle(tone(mix(wall, 0x000000, 0.3)), 1);
  g.fillRect(160, 64, 70, 5);
  g.fillStyle(tone(0x9aa7b8), 1);
  g.fillRect(166, 44, 12, 20);
  g.fillStyle(tone(0xe0b64a), 1);
  g.fillRect(182, 50, 16, 14);
  g.fillStyle(tone(0x5a9e6f), 1);
  g.fillRoundedRect(205, 42, 10, 22, 4);
  g.fillStyle(tone(0x1f2630), 1);
  g.fillRect(12, 30, 48, 64);
  g.fillStyle(tone(0xe0605a), 1);
  g.fillTriangle(36, 44, 22, 74, 50, 74);
  g.fillStyle(tone(0xf0f0f0), 1);
  g.fillRect(20, 80, 32, 3);
  g.fillRect(24, 86, 24, 2);
}
