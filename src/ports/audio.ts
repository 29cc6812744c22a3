// What the game asks of sound (src/audio implements it with howler). Every call is safe to make
// at any time: a blocked autoplay or a missing audio device must never throw.
import type { Persona } from '../engine/model.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Mood } from './desk-view.ts';

export type Cue = 'ring' | 'pickup' | 'hangup' | 'typing' | 'error' | 'crash' | 'click' | 'success' | 'notify';
export type AudioSettings = { readonly volume: number; readonly muted: boolean; readonly speech: boolean };

export interface AudioPort {
  /** Call from a user gesture: resumes a suspended audio context. */
  unlock(): void;
  play(cue: Cue): void;
  /** Loops: the phone ringing, the hold music. */
  startLoop(loop: 'ring' | 'hold'): void;
  stopLoop(loop: 'ring' | 'hold'): void;
  /** The customer's wordless voice while a line is shown, following their mood. */
  babble(persona: Persona, mood: Mood, durationMs: number): void;
  /** Speaks a customer line with the browser's speech synthesis when enabled and a voice exists. */
  speak(text: string, lang: Lang, persona: Persona, mood: Mood): void;
  stopVoice(): void;
  readonly settings: AudioSettings;
  configure(settings: Partial<AudioSettings>): void;
}

/** A silent port: for tests and for machines without sound. */
export class SilentAudio implements AudioPort {
  settings: AudioSettings = { volume: 0.7, muted: false, speech: false };
  readonly played: string[] = [];
  unlock(): void {}
  play(cue: Cue): void {
    this.played.push(cue);
  }
  startLoop(loop: 'ring' | 'hold'): void {
    this.played.push(`loop:${loop}`);
  }
  stopLoop(loop: 'ring' | 'hold'): void {
    this.played.push(`stop:${loop}`);
  }
  babble(): void {}
  speak(): void {}
  stopVoice(): void {}
  configure(settings: Partial<AudioSettings>): void {
    this.settings = { ...this.settings, ...settings };
  }
}
