// A wordless "voice" blob: a glottal pulse train through three formant resonators, shaped into
// syllables. Mood sets pitch, pace, roughness and loudness; the seed picks vowels and contour.
import type { Mood } from '../ports/desk-view.ts';
import { normalize, saturate, seededRng, silence, type Rng } from './dsp.ts';
import { SAMPLE_RATE } from './wav.ts';

/** Per-speaker shift applied on top of the mood (1 = unchanged). */
export type VoiceShape = { readonly pitch: number; readonly tempo: number };

type MoodVoice = {
  readonly f0: number; // Hz
  readonly syllable: number; // seconds
  readonly length: number; // blob seconds, 0.6..1
  readonly rough: number; // period jitter and breath noise, 0..1
  readonly drive: number; // saturation; 1 is nearly clean
  readonly peak: number;
};

const MOODS: Readonly<Record<Mood, MoodVoice>> = {
  calm: { f0: 105, syllable: 0.17, length: 0.95, rough: 0.01, drive: 1, peak: 0.45 },
  neutral: { f0: 125, syllable: 0.14, length: 0.85, rough: 0.03, drive: 1, peak: 0.55 },
  annoyed: { f0: 165, syllable: 0.11, length: 0.75, rough: 0.08, drive: 1.8, peak: 0.7 },
  furious: { f0: 210, syllable: 0.085, length: 0.65, rough: 0.18, drive: 3.5, peak: 0.9 },
};

/** F1, F2, F3 in Hz for a, e, i, o, u. */
const VOWELS: readonly (readonly [number, number, number])[] = [
  [730, 1090, 2440],
  [530, 1840, 2480],
  [300, 2200, 2950],
  [570, 840, 2410],
  [350, 870, 2250],
];
const FORMANT_GAINS = [1, 0.9, 0.5];
const BANDWIDTH = 90; // Hz
const COEF_STEP = 32; // samples between formant coefficient updates

/** How long one blob for this mood lasts, in seconds. */
export function babbleSeconds(mood: Mood): number {
  return MOODS[mood].length;
}

/** Samples of one babble blob. */
export function babbleSamples(mood: Mood, seed: number, shape: VoiceShape = { pitch: 1, tempo: 1 }): Float32Array {
  const v = MOODS[mood];
  const rng = seededRng(seed * 7919 + v.f0);
  const buf = silence(v.length);
  const syllable = v.syllable / shape.tempo;
  let t = 0.01;
  let vowel = pick(rng);
  while (t + syllable * 0.6 < v.length - 0.02) {
    const len = Math.min(syllable * (0.7 + 0.6 * rng()), v.length - 0.01 - t);
    const next = pick(rng);
    const pitch = v.f0 * shape.pitch * (0.9 + 0.25 * rng()) * (1 - 0.15 * (t / v.length));
    voiceSyllable(buf, rng, { start: t, len, pitch, from: vowel, to: next, rough: v.rough });
    vowel = next;
    t += len + syllable * (0.1 + 0.25 * rng());
  }
  return normalize(saturate(normalize(buf, 1), v.drive), v.peak);
}

function pick(rng: Rng): readonly [number, number, number] {
  return VOWELS[Math.floor(rng() * VOWELS.length)] ?? VOWELS[0]!;
}

type Syllable = {
  readonly start: number;
  readonly len: number;
  readonly pitch: number;
  readonly from: readonly [number, number, number];
  readonly to: readonly [number, number, number];
  readonly rough: number;
};

function voiceSyllable(buf: Float32Array, rng: Rng, s: Syllable): void {
  const first = Math.round(s.start * SAMPLE_RATE);
  const n = Math.min(buf.length - first, Math.round(s.len * SAMPLE_RATE));
  const r = Math.exp((-Math.PI * BANDWIDTH) / SAMPLE_RATE);
  const state = [0, 0, 0, 0, 0, 0]; // y1, y2 per formant
  const a1 = [0, 0, 0];
  let phase = 0;
  let prevPulse = 0;
  let period = 1;
  for (let i = 0; i < n; i++) {
    const x = i / n;
    if (i % COEF_STEP === 0) {
      for (let f = 0; f < 3; f++) {
        const hz = (s.from[f] ?? 500) * (1 - x) + (s.to[f] ?? 500) * x;
        a1[f] = 2 * r * Math.cos((2 * Math.PI * hz) / SAMPLE_RATE);
      }
    }
    // Pitch glides a little within the syllable; jitter is the roughness of an angry voice.
    phase += (s.pitch * (1.05 - 0.1 * x)) / SAMPLE_RATE;
    if (phase >= period) {
      phase -= period;
      period = 1 + s.rough * (rng() * 2 - 1);
    }
    const open = phase / period < 0.4 ? Math.sin((Math.PI * phase) / (0.4 * period)) ** 2 : 0;
    const source = open - prevPulse + s.rough * 0.3 * (rng() * 2 - 1); // differentiated pulse + breath
    prevPulse = open;
    let out = 0;
    for (let f = 0; f < 3; f++) {
      const y = (1 - r) * source + a1[f]! * state[2 * f]! - r * r * state[2 * f + 1]!;
      state[2 * f + 1] = state[2 * f]!;
      state[2 * f] = y;
      out += y * FORMANT_GAINS[f]!;
    }
    const env = Math.sin(Math.PI * x) ** 0.6;
    buf[first + i]! += out * env;
  }
}
