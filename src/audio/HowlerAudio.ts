// The game's sound through howler. Sounds are synthesised and decoded on first use; every entry
// point swallows failures (blocked autoplay, no AudioContext, no speech): sound is optional.
import { Howl, Howler } from 'howler';
import type { Persona } from '../engine/model.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AudioPort, AudioSettings, Cue } from '../ports/audio.ts';
import type { Mood } from '../ports/desk-view.ts';
import { DEFAULT_SETTINGS, sanitize, whenIdle } from './settings.ts';
import { cancelSpeech, isSpeaking, speakLine } from './speech.ts';
import { babble, babbleSeconds, synthSound, wavDataUri, type SoundName, type VoiceShape } from './synth.ts';

type Loop = 'ring' | 'hold';

/** Angry speaks mid, confused higher and slower, technical lower. */
const VOICE_SHAPES: Readonly<Record<Persona, VoiceShape>> = {
  angry: { pitch: 1, tempo: 1.05 },
  confused: { pitch: 1.2, tempo: 0.8 },
  technical: { pitch: 0.8, tempo: 1 },
};
const BLOB_VARIANTS = 5;
const BABBLE_GAP_MS = 90;
const MAX_BABBLE_MS = 30_000;
const FADE_MS = 60;
/** The longest a loop waits for an idle moment before it is made anyway. */
const IDLE_WAIT_MS = 1000;
/** Per-sound level under the master volume: background sounds sit lower. */
const LEVELS: Partial<Record<SoundName, number>> = { hold: 0.55, typing: 0.7, click: 0.6, ring: 0.8 };

/** AudioPort on howler (Web Audio, falling back to HTML5 Audio where howler does). */
export class HowlerAudio implements AudioPort {
  private current: AudioSettings;
  private readonly howls = new Map<string, Howl>();
  private readonly loops = new Set<Loop>();
  /** Loops asked for and not yet started: how to call each off. */
  private readonly pending = new Map<Loop, () => void>();
  private globalsApplied = false;
  private babbleTimers: ReturnType<typeof setTimeout>[] = [];
  private blob: { readonly howl: Howl; readonly id: number } | null = null;
  private blobCount = 0;

  /** `settings` are the stored ones; the caller persists changes made through configure. */
  constructor(settings: Partial<AudioSettings> = {}) {
    this.current = sanitize({ ...DEFAULT_SETTINGS, ...settings });
  }

  get settings(): AudioSettings {
    return this.current;
  }

  unlock(): void {
    guard('unlock', () => {
      this.applyGlobals(); // creates the AudioContext inside the user gesture
      const ctx = Howler.ctx as AudioContext | null | undefined;
      if (ctx && ctx.state !== 'running' && ctx.state !== 'closed') {
        ctx.resume().catch((e: unknown) => debug('resume', e));
      }
    });
  }

  play(cue: Cue): void {
    if (this.current.muted) return;
    guard(cue, () => this.howl(cue, () => synthSound(cue), LEVELS[cue])?.play());
  }

  /**
   * A loop is seconds of samples to synthesise, and the first sound also makes the audio context
   * (the longer of the two): each waits for an idle moment of its own, so the screen that starts
   * the loop is drawn first and a key pressed meanwhile is not held up for long.
   */
  startLoop(loop: Loop): void {
    guard(loop, () => {
      if (this.loops.has(loop)) return;
      this.loops.add(loop);
      // Inside a click or a key press, the audio context is made at once: some browsers only let
      // it start there.
      if (!this.globalsApplied && navigator.userActivation?.isActive) this.applyGlobals();
      const begin = (): void =>
        guard(loop, () => {
          const howl = this.howl(`loop:${loop}`, () => synthSound(loop), LEVELS[loop], loop);
          if (howl) howl.play();
          else this.loops.delete(loop);
        });
      this.later(loop, () => {
        if (this.globalsApplied) return begin();
        guard('context', () => this.applyGlobals());
        this.later(loop, begin);
      });
    });
  }

  /** Runs a loop's next step in an idle moment, unless the loop is stopped first. */
  private later(loop: Loop, step: () => void): void {
    this.pending.set(
      loop,
      whenIdle(() => {
        this.pending.delete(loop);
        step();
      }, IDLE_WAIT_MS),
    );
  }

  stopLoop(loop: Loop): void {
    guard(loop, () => {
      this.loops.delete(loop);
      this.pending.get(loop)?.();
      this.pending.delete(loop);
      this.howls.get(`loop:${loop}`)?.stop();
    });
  }

  babble(persona: Persona, mood: Mood, durationMs: number): void {
    guard('babble', () => {
      this.stopBabble();
      if (this.current.muted || isSpeaking() || !(durationMs > 0)) return;
      const total = Math.min(durationMs, MAX_BABBLE_MS);
      const blobMs = babbleSeconds(mood) * 1000;
      const step = blobMs + BABBLE_GAP_MS / VOICE_SHAPES[persona].tempo;
      for (let at = 0; at === 0 || at + blobMs <= total; at += step) {
        this.babbleTimers.push(setTimeout(() => this.playBlob(persona, mood), at));
      }
      // Only bites when the line is shorter than one blob.
      this.babbleTimers.push(setTimeout(() => this.fadeBlob(), total));
    });
  }

  speak(text: string, lang: Lang, persona: Persona, mood: Mood): void {
    guard('speak', () => {
      const { speech, muted, volume } = this.current;
      if (!speech || muted || text.trim() === '') return;
      if (speakLine({ text, lang, persona, mood, volume, onDone: () => {} })) this.stopBabble();
    });
  }

  stopVoice(): void {
    guard('stopVoice', () => {
      this.stopBabble();
      cancelSpeech();
    });
  }

  configure(settings: Partial<AudioSettings>): void {
    this.current = sanitize({ ...this.current, ...settings });
    guard('configure', () => {
      // Before the first sound there is nothing to apply; the first Howl applies them.
      if (this.globalsApplied) this.applyGlobals();
      if (this.current.muted) this.stopBabble();
      if (this.current.muted || !this.current.speech) cancelSpeech();
    });
  }

  private applyGlobals(): void {
    Howler.volume(this.current.volume);
    Howler.mute(this.current.muted);
    this.globalsApplied = true;
  }

  /** The Howl for a sound, synthesised on first use; null when howler refuses. */
  private howl(key: string, make: () => Uint8Array, level = 1, loop: Loop | null = null): Howl | null {
    const known = this.howls.get(key);
    if (known) return known;
    if (!this.globalsApplied) this.applyGlobals();
    const howl: Howl = new Howl({
      src: [wavDataUri(make())],
      format: ['wav'],
      html5: false,
      loop: loop !== null,
      volume: level,
      onloaderror: (_id, e) => debug(`load ${key}`, e),
      onplayerror: (_id, e) => {
        debug(`play ${key}`, e);
        // HTML5 fallback blocked by autoplay: a loop still wanted starts at the next gesture.
        if (loop) howl.once('unlock', () => guard(key, () => void (this.loops.has(loop) && howl.play())));
      },
    });
    this.howls.set(key, howl);
    return howl;
  }

  private playBlob(persona: Persona, mood: Mood): void {
    guard('babble', () => {
      const seed = this.blobCount++ % BLOB_VARIANTS;
      const shape = VOICE_SHAPES[persona];
      const howl = this.howl(`babble:${persona}:${mood}:${seed}`, () => babble(mood, seed + 1, shape), 0.9);
      const id = howl?.play();
      if (howl && typeof id === 'number') this.blob = { howl, id };
    });
  }

  private fadeBlob(): void {
    const blob = this.blob;
    this.blob = null;
    if (!blob || !blob.howl.playing(blob.id)) return;
    blob.howl.once('fade', () => guard('babble', () => blob.howl.stop(blob.id)), blob.id);
    blob.howl.fade(blob.howl.volume(blob.id) as number, 0, FADE_MS, blob.id);
  }

  private stopBabble(): void {
    for (const timer of this.babbleTimers) clearTimeout(timer);
    this.babbleTimers = [];
    guard('babble', () => this.fadeBlob());
  }
}

function guard(what: string, fn: () => void): void {
  try {
    fn();
  } catch (e) {
    debug(what, e);
  }
}

/** Sound failures are expected on some machines: a debug line, never a console error. */
function debug(what: string, e: unknown): void {
  console.debug(`[audio] ${what}:`, e);
}
