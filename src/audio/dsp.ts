// Small synthesis primitives shared by the cues: tones, noise bursts, a seeded PRNG, levels.
// Oscillators use the two-term sine recurrence (no Math.sin per sample) to keep generation fast.
import { SAMPLE_RATE } from './wav.ts';
import { floatStream } from '../engine/rng.ts';

export type Rng = () => number;

/** The engine's seeded PRNG as a stream, so every generated sound is the same on every run. */
export function seededRng(seed: number): Rng {
  return floatStream(seed);
}

/** A silent buffer of the given length in seconds. */
export function silence(seconds: number): Float32Array {
  return new Float32Array(Math.round(seconds * SAMPLE_RATE));
}

/** MIDI note number to frequency in Hz. */
export function midiHz(note: number): number {
  return 440 * Math.pow(2, (note - 69) / 12);
}

export type ToneSpec = {
  /** Seconds from the buffer start. */
  readonly start: number;
  readonly dur: number;
  readonly freq: number;
  readonly amp: number;
  /** Linear fade-in and fade-out, seconds (they keep edges click-free). */
  readonly attack?: number;
  readonly release?: number;
  /** Exponential decay rate per second (0 = sustained). */
  readonly decay?: number;
  /** Relative amplitude of harmonics 1, 2, 3… (default: a pure sine). */
  readonly partials?: readonly number[];
  /** Seconds after start at which the envelope is struck again (+1), like a bell's hammer. */
  readonly strikes?: readonly number[];
};

/** Mixes a tone (sum of harmonic sines under an envelope) into buf. */
export function addTone(buf: Float32Array, spec: ToneSpec): void {
  const first = Math.max(0, Math.round(spec.start * SAMPLE_RATE));
  const last = Math.min(buf.length, Math.round((spec.start + spec.dur) * SAMPLE_RATE));
  const n = last - first;
  if (n <= 0) return;
  const attack = Math.max(1, (spec.attack ?? 0.005) * SAMPLE_RATE);
  const release = Math.max(1, (spec.release ?? 0.01) * SAMPLE_RATE);
  const decayPerSample = Math.exp(-(spec.decay ?? 0) / SAMPLE_RATE);
  const partials = spec.partials ?? [1];
  const strikes = (spec.strikes ?? []).map((t) => Math.round(t * SAMPLE_RATE));
  for (let p = 0; p < partials.length; p++) {
    const w = (2 * Math.PI * spec.freq * (p + 1)) / SAMPLE_RATE;
    if (w >= Math.PI) break; // above Nyquist: would alias
    const k = 2 * Math.cos(w);
    const amp = spec.amp * (partials[p] ?? 0);
    if (amp === 0) continue;
    let y1 = 0;
    let y2 = -Math.sin(w);
    let env = 1;
    let strike = 0;
    let nextStrike = strikes[0] ?? -1;
    for (let i = 0; i < n; i++) {
      if (i === nextStrike) {
        env += 1;
        nextStrike = strikes[++strike] ?? -1;
      }
      const y = k * y1 - y2;
      y2 = y1;
      y1 = y;
      const left = n - 1 - i;
      const edge = i < attack ? i / attack : left < release ? left / release : 1;
      buf[first + i]! += amp * env * edge * y2;
      env *= decayPerSample;
    }
  }
}

export type NoiseSpec = {
  readonly start: number;
  readonly dur: number;
  readonly amp: number;
  readonly decay?: number;
  /** One-pole smoothing 0..1: 0 keeps white noise, near 1 leaves a dull thump. */
  readonly smooth?: number;
  /** Subtract the smoothed signal instead: a bright, high-passed click. */
  readonly bright?: boolean;
};

/** Mixes a decaying noise burst into buf. */
export function addNoise(buf: Float32Array, rng: Rng, spec: NoiseSpec): void {
  const first = Math.max(0, Math.round(spec.start * SAMPLE_RATE));
  const last = Math.min(buf.length, Math.round((spec.start + spec.dur) * SAMPLE_RATE));
  const decayPerSample = Math.exp(-(spec.decay ?? 0) / SAMPLE_RATE);
  const smooth = spec.smooth ?? 0;
  const fadeIn = 0.0005 * SAMPLE_RATE; // half a millisecond: still a sharp attack
  const fadeOut = 0.003 * SAMPLE_RATE;
  let lp = 0;
  let env = spec.amp;
  for (let i = first; i < last; i++) {
    const white = rng() * 2 - 1;
    lp = smooth * lp + (1 - smooth) * white;
    const s = spec.bright === true ? white - lp : lp;
    buf[i]! += s * env * Math.min(1, (i - first) / fadeIn, (last - 1 - i) / fadeOut);
    env *= decayPerSample;
  }
}

/** Scales buf so its loudest sample sits at `peak` (0..1): no clipping, known loudness. */
export function normalize(buf: Float32Array, peak: number): Float32Array {
  let max = 0;
  for (const s of buf) max = Math.max(max, Math.abs(s));
  if (max === 0) return buf;
  const g = peak / max;
  for (let i = 0; i < buf.length; i++) buf[i]! *= g;
  return buf;
}

/** Soft saturation (tanh), for harsh timbres. */
export function saturate(buf: Float32Array, drive: number): Float32Array {
  for (let i = 0; i < buf.length; i++) buf[i] = Math.tanh(drive * buf[i]!);
  return buf;
}
