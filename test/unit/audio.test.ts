import { describe, expect, it } from 'vitest';
import type { Mood } from '../../src/ports/desk-view.ts';
import { babbleSamples } from '../../src/audio/babble-voice.ts';
import * as cues from '../../src/audio/cues.ts';
import { holdSamples } from '../../src/audio/hold-music.ts';
import {
  SAMPLE_RATE,
  SOUND_NAMES,
  babble,
  encodeWav,
  synthSound,
  wavDataUri,
  type SoundName,
} from '../../src/audio/synth.ts';

type Wav = { readonly view: DataView; readonly bytes: Uint8Array; readonly samples: Int16Array };

function ascii(bytes: Uint8Array, at: number, len: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + len));
}

function parseWav(bytes: Uint8Array): Wav {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(40, true) / 2;
  const samples = new Int16Array(n);
  for (let i = 0; i < n; i++) samples[i] = view.getInt16(44 + i * 2, true);
  return { view, bytes, samples };
}

/** The float signal of each sound, before encodeWav clamps and quantises it. */
const RECIPES: Readonly<Record<SoundName, () => Float32Array>> = {
  ring: cues.ringSamples,
  pickup: cues.pickupSamples,
  hangup: cues.hangupSamples,
  typing: cues.typingSamples,
  error: cues.errorSamples,
  crash: cues.crashSamples,
  click: cues.clickSamples,
  success: cues.successSamples,
  notify: cues.notifySamples,
  hold: holdSamples,
};

const seconds = (w: Wav): number => w.samples.length / SAMPLE_RATE;

function peak(samples: Int16Array): number {
  let max = 0;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  return max;
}

/** Largest magnitude of a float signal; NaN (never below any bound) if a sample is not finite. */
function floatPeak(samples: Float32Array): number {
  let max = 0;
  for (const s of samples) max = Number.isFinite(s) ? Math.max(max, Math.abs(s)) : Number.NaN;
  return max;
}

function rms(samples: Int16Array): number {
  let sum = 0;
  for (const s of samples) sum += (s / 32767) ** 2;
  return Math.sqrt(sum / Math.max(1, samples.length));
}

/** Sign changes per second, over the samples loud enough to count (ignores silent gaps). */
function zeroCrossingRate(samples: Int16Array): number {
  let crossings = 0;
  for (let i = 1; i < samples.length; i++) {
    if (samples[i - 1]! < 0 !== samples[i]! < 0) crossings++;
  }
  return crossings / (samples.length / SAMPLE_RATE);
}

describe('WAV encoding', () => {
  it('writes a 44-byte RIFF/WAVE header for 16-bit mono PCM at 22050 Hz', () => {
    const bytes = synthSound('error');
    const { view } = parseWav(bytes);
    expect(ascii(bytes, 0, 4)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(ascii(bytes, 8, 4)).toBe('WAVE');
    expect(ascii(bytes, 12, 4)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(22050);
    expect(view.getUint32(28, true)).toBe(22050 * 2);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(ascii(bytes, 36, 4)).toBe('data');
    expect(view.getUint32(40, true)).toBe(bytes.length - 44);
  });

  it('clamps and scales samples to 16 bits', () => {
    const { samples } = parseWav(encodeWav(new Float32Array([2, -2, 0.5, 0, -1])));
    expect([...samples]).toEqual([32767, -32767, 16384, 0, -32767]);
  });

  it.each([0, 1, 2, 3, 4, 5, 300])('base64 of %i bytes matches the platform encoder', (len) => {
    const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 37 + 11) & 255);
    expect(wavDataUri(bytes)).toBe('data:audio/wav;base64,' + Buffer.from(bytes).toString('base64'));
  });

  it('round-trips a sound through its data URI', () => {
    const bytes = synthSound('hold'); // the largest: crosses the encoder's chunking
    const uri = wavDataUri(bytes);
    expect(uri.startsWith('data:audio/wav;base64,')).toBe(true);
    const back = new Uint8Array(Buffer.from(uri.slice(uri.indexOf(',') + 1), 'base64'));
    expect(back).toEqual(bytes);
  });
});

/** Expected length range in seconds, and an RMS floor (0..1). */
const EXPECTED: Readonly<Record<SoundName, readonly [number, number, number]>> = {
  ring: [1.8, 2.5, 0.1],
  pickup: [0.05, 0.4, 0.03],
  hangup: [0.8, 2, 0.08],
  typing: [0.4, 1.5, 0.02],
  error: [0.2, 0.8, 0.1],
  crash: [0.3, 1.2, 0.1],
  click: [0.01, 0.1, 0.03],
  success: [0.2, 0.8, 0.05],
  notify: [0.2, 1, 0.04],
  hold: [7.5, 8.5, 0.05],
};

describe.each(SOUND_NAMES)('sound %s', (name) => {
  const wav = parseWav(synthSound(name));
  const [min, max, floor] = EXPECTED[name];

  it('lasts the expected time', () => {
    expect(seconds(wav)).toBeGreaterThanOrEqual(min);
    expect(seconds(wav)).toBeLessThanOrEqual(max);
  });

  it('is audible and never clips', () => {
    expect(rms(wav.samples)).toBeGreaterThan(floor);
    expect(peak(wav.samples)).toBeLessThan(0.95 * 32767); // normalised with headroom
    // Before quantisation: a NaN or an overshoot would be hidden by encodeWav's clamp.
    const signal = RECIPES[name]();
    expect(encodeWav(signal)).toEqual(synthSound(name));
    expect(floatPeak(signal)).toBeLessThan(0.95);
  });

  it('is the same bytes every time', () => {
    expect(synthSound(name)).toEqual(synthSound(name));
  });

  it('starts and ends at rest (no click, clean loop seam)', () => {
    expect(Math.abs(wav.samples[0]!)).toBeLessThan(200);
    expect(Math.abs(wav.samples[wav.samples.length - 1]!)).toBeLessThan(200);
  });
});

describe('loops', () => {
  it('ring ends with its silent gap', () => {
    const { samples } = parseWav(synthSound('ring'));
    const tail = samples.subarray(samples.length - Math.round(0.5 * SAMPLE_RATE));
    expect(rms(tail)).toBe(0);
  });
});

const MOODS: readonly Mood[] = ['calm', 'neutral', 'annoyed', 'furious'];
const SEEDS = [1, 2, 3, 4, 5];
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('babble', () => {
  it.each(MOODS)('%s: 0.6–1 s, audible, unclipped, deterministic', (mood) => {
    for (const seed of SEEDS) {
      const bytes = babble(mood, seed);
      const wav = parseWav(bytes);
      expect(seconds(wav)).toBeGreaterThanOrEqual(0.6);
      expect(seconds(wav)).toBeLessThanOrEqual(1);
      expect(rms(wav.samples)).toBeGreaterThan(0.05);
      expect(floatPeak(babbleSamples(mood, seed))).toBeLessThan(0.95);
      expect(babble(mood, seed)).toEqual(bytes);
    }
  });

  it('varies with the seed', () => {
    expect(babble('neutral', 1)).not.toEqual(babble('neutral', 2));
  });

  it('gets louder and busier as the mood worsens', () => {
    const loudness = MOODS.map((m) => mean(SEEDS.map((s) => rms(parseWav(babble(m, s)).samples))));
    const busyness = MOODS.map((m) => mean(SEEDS.map((s) => zeroCrossingRate(parseWav(babble(m, s)).samples))));
    expect(loudness[3]!).toBeGreaterThan(1.5 * loudness[0]!); // furious vs calm
    expect(busyness[3]!).toBeGreaterThan(busyness[0]!);
    expect(loudness[2]!).toBeGreaterThan(loudness[0]!); // annoyed vs calm
  });

  it('a higher-pitched speaker shape crosses zero more often', () => {
    const zcr = (pitch: number): number =>
      mean(SEEDS.map((s) => zeroCrossingRate(parseWav(babble('neutral', s, { pitch, tempo: 1 })).samples)));
    expect(zcr(1.2)).toBeGreaterThan(zcr(0.8));
  });
});
