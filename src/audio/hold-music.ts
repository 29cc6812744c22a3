// An 8-second hold-music phrase (F – Dm – Bb – C at 120 bpm): a soft pad, a plucked bass and a
// quiet melody. Every note ends before 8 s, so the phrase loops without a click.
import { addTone, midiHz, normalize, silence } from './dsp.ts';

const BAR = 2; // seconds per chord
const EIGHTH = BAR / 8;

const CHORDS: readonly { readonly pad: readonly number[]; readonly bass: number }[] = [
  { pad: [57, 60, 65], bass: 41 }, // F
  { pad: [57, 62, 65], bass: 38 }, // Dm
  { pad: [58, 62, 65], bass: 46 }, // Bb
  { pad: [55, 60, 64], bass: 48 }, // C
];

/** [start in eighths, MIDI note, length in eighths] */
const MELODY: readonly (readonly [number, number, number])[] = [
  [0, 72, 2],
  [2, 69, 2],
  [4, 65, 1],
  [5, 67, 1],
  [6, 69, 2],
  [8, 69, 2],
  [10, 65, 2],
  [12, 62, 2],
  [14, 65, 2],
  [16, 70, 3],
  [19, 69, 1],
  [20, 67, 2],
  [22, 65, 2],
  [24, 67, 2],
  [26, 64, 2],
  [28, 67, 3],
];

/** The hold-music loop as float samples. */
export function holdSamples(): Float32Array {
  const buf = silence(CHORDS.length * BAR);
  CHORDS.forEach((chord, i) => {
    const start = i * BAR;
    for (const note of chord.pad) {
      addTone(buf, {
        start,
        dur: BAR,
        freq: midiHz(note),
        amp: 0.12,
        attack: 0.35,
        release: 0.35,
        partials: [1, 0.15],
      });
    }
    for (const beat of [0, 1, 2, 3]) {
      const t = start + beat * (BAR / 4);
      const freq = midiHz(beat === 2 ? chord.bass + 7 : chord.bass);
      addTone(buf, {
        start: t,
        dur: 0.45,
        freq,
        amp: 0.22,
        attack: 0.01,
        release: 0.1,
        decay: 5,
        partials: [1, 0.4, 0.1],
      });
    }
  });
  for (const [at, note, len] of MELODY) {
    const dur = len * EIGHTH + 0.15;
    addTone(buf, {
      start: at * EIGHTH,
      dur,
      freq: midiHz(note),
      amp: 0.2,
      attack: 0.01,
      release: 0.12,
      decay: 3,
      partials: [1, 0.3, 0.08],
    });
  }
  return normalize(buf, 0.5);
}
