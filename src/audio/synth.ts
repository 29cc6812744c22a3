// Every sound of the game, made by code as 16-bit mono WAV bytes (22050 Hz). Pure: no DOM, no
// howler, no Math.random — the same call gives the same bytes, in node as in the browser.
import type { Mood } from '../ports/desk-view.ts';
import { babbleSamples, type VoiceShape } from './babble-voice.ts';
import * as cues from './cues.ts';
import { holdSamples } from './hold-music.ts';
import { encodeWav } from './wav.ts';

export { SAMPLE_RATE, encodeWav, wavDataUri } from './wav.ts';
export { babbleSeconds, type VoiceShape } from './babble-voice.ts';

/** The fixed sounds, as an `as const` list: the Cue effects plus the hold-music loop. */
export const SOUND_NAMES = [
  'ring',
  'pickup',
  'hangup',
  'typing',
  'error',
  'crash',
  'click',
  'success',
  'notify',
  'hold',
] as const;
export type SoundName = (typeof SOUND_NAMES)[number];

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

/** WAV bytes of one fixed sound. */
export function synthSound(name: SoundName): Uint8Array {
  return encodeWav(RECIPES[name]());
}

/** A two-tone desk-phone ring, 2 s with its silent gap: loops as the ring cadence. */
export const ring = (): Uint8Array => synthSound('ring');
/** The handset lifted. */
export const pickup = (): Uint8Array => synthSound('pickup');
/** The handset put down, then three busy-tone bleeps. */
export const hangup = (): Uint8Array => synthSound('hangup');
/** A few keyboard clacks. */
export const typing = (): Uint8Array => synthSound('typing');
/** A two-note descending error beep. */
export const error = (): Uint8Array => synthSound('error');
/** A harsh, dissonant crash. */
export const crash = (): Uint8Array => synthSound('crash');
/** A UI tick. */
export const click = (): Uint8Array => synthSound('click');
/** Two rising notes. */
export const success = (): Uint8Array => synthSound('success');
/** A soft ping. */
export const notify = (): Uint8Array => synthSound('notify');
/** An 8-second loopable hold-music phrase. */
export const hold = (): Uint8Array => synthSound('hold');

/** A 0.6–1 s wordless voice blob following the mood; `seed` varies it, `shape` shifts the speaker. */
export function babble(mood: Mood, seed: number, shape?: VoiceShape): Uint8Array {
  return encodeWav(babbleSamples(mood, seed, shape));
}
