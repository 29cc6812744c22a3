// The game's AudioPort, loading the sound code (howler and the synthesisers, a quarter of the
// page's own script) after the first screen, in an idle moment, or at once on a user gesture.
// Until it is there, settings and loops are kept and handed over; one-off sounds are let go.
import type { Persona } from '../engine/model.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AudioPort, AudioSettings, Cue } from '../ports/audio.ts';
import type { Mood } from '../ports/desk-view.ts';
import { DEFAULT_SETTINGS, sanitize, whenIdle } from './settings.ts';

type Loop = 'ring' | 'hold';

/** The longest the sound code waits for an idle moment before it loads anyway. */
const LOAD_WAIT_MS = 2000;

export class DeferredAudio implements AudioPort {
  private real: AudioPort | null = null;
  private loading: Promise<void> | null = null;
  private current: AudioSettings;
  private readonly loops = new Set<Loop>();
  private unlocked = false;

  /** `settings` are the stored ones; the caller persists changes made through configure. */
  constructor(settings: Partial<AudioSettings> = {}) {
    this.current = sanitize({ ...DEFAULT_SETTINGS, ...settings });
    whenIdle(() => void this.load(), LOAD_WAIT_MS);
  }

  get settings(): AudioSettings {
    return this.real?.settings ?? this.current;
  }

  unlock(): void {
    if (this.real) return this.real.unlock();
    this.unlocked = true;
    void this.load();
  }

  play(cue: Cue): void {
    this.real?.play(cue);
  }

  startLoop(loop: Loop): void {
    if (this.real) return this.real.startLoop(loop);
    this.loops.add(loop);
  }

  stopLoop(loop: Loop): void {
    if (this.real) return this.real.stopLoop(loop);
    this.loops.delete(loop);
  }

  babble(persona: Persona, mood: Mood, durationMs: number): void {
    this.real?.babble(persona, mood, durationMs);
  }

  speak(text: string, lang: Lang, persona: Persona, mood: Mood): void {
    this.real?.speak(text, lang, persona, mood);
  }

  stopVoice(): void {
    this.real?.stopVoice();
  }

  configure(settings: Partial<AudioSettings>): void {
    if (this.real) return this.real.configure(settings);
    this.current = sanitize({ ...this.current, ...settings });
  }

  /** Loads the sound code once; a failure leaves the game silent, never broken. */
  private load(): Promise<void> {
    this.loading ??= import('./HowlerAudio.ts').then(
      ({ HowlerAudio }) => {
        const real = new HowlerAudio(this.current);
        if (this.unlocked) real.unlock();
        for (const loop of this.loops) real.startLoop(loop);
        this.loops.clear();
        this.real = real;
      },
      (e: unknown) => console.debug('[audio] load:', e),
    );
    return this.loading;
  }
}
