// The short effect sounds, as float samples. Each is a fixed recipe: same samples every call.
import { addNoise, addTone, normalize, saturate, seededRng, silence } from './dsp.ts';

const BELL = [1, 0, 0.35, 0, 0.15]; // odd harmonics: a metallic, slightly square bell
const HAMMER = 0.025; // seconds between strikes: a 20 Hz hammer between two bells
const STRIKES = Array.from({ length: 7 }, (_, k) => (k + 1) * 2 * HAMMER); // each bell, 0.4 s

/** Two ring bursts (0.4 s, gap 0.2 s) then silence: 2 s, loops as a phone's ring cadence. */
export function ringSamples(): Float32Array {
  const buf = silence(2);
  for (const burst of [0, 0.6]) {
    for (const [offset, freq] of [
      [0, 1040],
      [HAMMER, 1310],
    ] as const) {
      const start = burst + offset;
      addTone(buf, {
        start,
        dur: 0.7,
        freq,
        amp: 0.5,
        attack: 0.001,
        release: 0.08,
        decay: 14,
        partials: BELL,
        strikes: STRIKES,
      });
    }
  }
  return normalize(buf, 0.8);
}

/** The handset lifted: a plastic clack with a low thump. */
export function pickupSamples(): Float32Array {
  const buf = silence(0.18);
  const rng = seededRng(7);
  addNoise(buf, rng, { start: 0, dur: 0.05, amp: 0.8, decay: 90, bright: true, smooth: 0.6 });
  addTone(buf, { start: 0, dur: 0.12, freq: 110, amp: 0.6, attack: 0.002, release: 0.04, decay: 30 });
  addNoise(buf, rng, { start: 0.06, dur: 0.04, amp: 0.35, decay: 120, bright: true, smooth: 0.5 });
  return normalize(buf, 0.7);
}

/** The handset put down, then the line's busy tone: three short bleeps. */
export function hangupSamples(): Float32Array {
  const buf = silence(1.3);
  const rng = seededRng(11);
  addNoise(buf, rng, { start: 0, dur: 0.07, amp: 0.9, decay: 70, smooth: 0.7 });
  addTone(buf, { start: 0, dur: 0.1, freq: 90, amp: 0.6, attack: 0.002, release: 0.04, decay: 35 });
  for (const start of [0.25, 0.6, 0.95]) {
    addTone(buf, { start, dur: 0.2, freq: 480, amp: 0.3, attack: 0.005, release: 0.01 });
    addTone(buf, { start, dur: 0.2, freq: 620, amp: 0.3, attack: 0.005, release: 0.01 });
  }
  return normalize(buf, 0.6);
}

/** A few keyboard clacks at an uneven, human pace. */
export function typingSamples(): Float32Array {
  const buf = silence(0.9);
  const rng = seededRng(0x7e57);
  let t = 0.01;
  while (t < 0.8) {
    const amp = 0.5 + 0.5 * rng();
    addNoise(buf, rng, { start: t, dur: 0.035, amp, decay: 160, bright: true, smooth: 0.3 + 0.4 * rng() });
    addNoise(buf, rng, { start: t + 0.004, dur: 0.03, amp: amp * 0.5, decay: 120, smooth: 0.85 });
    t += 0.07 + 0.11 * rng();
  }
  return normalize(buf, 0.6);
}

/** A desktop error beep: two square-ish notes stepping down. */
export function errorSamples(): Float32Array {
  const buf = silence(0.42);
  const partials = [1, 0, 0.25, 0, 0.1];
  addTone(buf, { start: 0, dur: 0.16, freq: 880, amp: 0.5, release: 0.02, decay: 4, partials });
  addTone(buf, { start: 0.15, dur: 0.27, freq: 587, amp: 0.5, release: 0.08, decay: 5, partials });
  return normalize(buf, 0.6);
}

/** A tool crashing: a harsh, dissonant chord over a burst of static. */
export function crashSamples(): Float32Array {
  const buf = silence(0.75);
  const saw = [1, 0.5, 0.33, 0.25, 0.2, 0.16];
  for (const freq of [196, 207.7, 277.2, 370]) {
    addTone(buf, { start: 0, dur: 0.75, freq, amp: 0.25, attack: 0.003, release: 0.2, decay: 4, partials: saw });
  }
  addNoise(buf, seededRng(0xc4a5), { start: 0, dur: 0.45, amp: 0.5, decay: 9, smooth: 0.2 });
  return normalize(saturate(buf, 1.8), 0.75);
}

/** A UI tick. */
export function clickSamples(): Float32Array {
  const buf = silence(0.03);
  addNoise(buf, seededRng(3), { start: 0, dur: 0.012, amp: 0.6, decay: 300, bright: true, smooth: 0.4 });
  addTone(buf, { start: 0, dur: 0.03, freq: 2000, amp: 0.3, attack: 0.001, release: 0.01, decay: 150 });
  return normalize(buf, 0.5);
}

/** Something went right: two rising notes. */
export function successSamples(): Float32Array {
  const buf = silence(0.45);
  const partials = [1, 0.3, 0.1];
  addTone(buf, { start: 0, dur: 0.18, freq: 659.3, amp: 0.5, release: 0.03, decay: 6, partials });
  addTone(buf, { start: 0.12, dur: 0.33, freq: 987.8, amp: 0.5, release: 0.12, decay: 6, partials });
  return normalize(buf, 0.55);
}

/** A soft notification ping. */
export function notifySamples(): Float32Array {
  const buf = silence(0.5);
  addTone(buf, { start: 0, dur: 0.5, freq: 1318.5, amp: 0.5, attack: 0.004, release: 0.1, decay: 8 });
  addTone(buf, { start: 0, dur: 0.5, freq: 1975.5, amp: 0.12, attack: 0.004, release: 0.1, decay: 12 });
  return normalize(buf, 0.45);
}
