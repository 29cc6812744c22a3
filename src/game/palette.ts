// One warm, slightly tired palette for the whole desk, and the colour maths the widgets share.
import type { Mood } from '../ports/desk-view.ts';

export const ROOM = {
  fabric: 0xb8ab98,
  fabricDark: 0xa69884,
  fabricLight: 0xc7bba9,
  wood: 0xa86f45,
  woodDark: 0x84522f,
  woodLight: 0xc18a5c,
  woodEdge: 0x6e4226,
  paper: 0xfffbf3,
  paperEdge: 0xe4d6bf,
  topBar: 0xf6eee0,
  accent: 0xe07a3a,
  shadow: 0x2a1c10,
  ink: 0x1d1d1f,
} as const;

export const SCREEN = {
  bezel: 0x2e3037,
  bezelLight: 0x4a4d56,
  desktopTop: 0x3a7ca5,
  desktopBottom: 0x245a7c,
  led: 0x7bd389,
} as const;

/** Win2000-era chrome: the software is meant to look old and tired. */
export const CHROME = {
  body: 0xd4d0c8,
  light: 0xffffff,
  mid: 0x808080,
  dark: 0x404040,
  titleA: 0x0a246a,
  titleB: 0xa6caf0,
  idleA: 0x808080,
  idleB: 0xc0c0c0,
  crashA: 0x8e1b1b,
  crashB: 0xe36d6d,
  crashBody: 0xf6dede,
  restartBody: 0xbdb9b0,
  progress: 0x316ac5,
  red: 0xc62828,
  green: 0x2e9e4f,
  gold: 0xf2b632,
} as const;

export const MOOD_BG: Readonly<Record<Mood, number>> = {
  calm: 0xbfdcc8,
  neutral: 0xe9dcc2,
  annoyed: 0xf3c089,
  furious: 0xe98473,
};

export const FLUSH = 0xd9443a;

/** Maps every colour a figure uses, so one drawing serves live, on-hold and hung-up looks. */
export type Tone = (c: number) => number;

export const plain: Tone = (c) => c;

/** Linear blend of two 0xRRGGBB colours. */
export function mix(a: number, b: number, t: number): number {
  const ch = (s: number): number => {
    const x = (a >> s) & 255;
    const y = (b >> s) & 255;
    return Math.round(x + (y - x) * t) & 255;
  };
  return (ch(16) << 16) | (ch(8) << 8) | ch(0);
}

/** Luminance-preserving grey. */
export function grey(c: number): number {
  const l = Math.round(0.3 * ((c >> 16) & 255) + 0.59 * ((c >> 8) & 255) + 0.11 * (c & 255));
  return (l << 16) | (l << 8) | l;
}

export const heldTone: Tone = (c) => mix(c, 0x39415a, 0.45);
export const endedTone: Tone = (c) => mix(grey(c), 0xd8d8d8, 0.35);
