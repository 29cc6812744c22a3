// Customer lines read by the browser's speech synthesis. Absent APIs, no matching voice or a
// refused utterance all mean silence, never an exception.
import type { Persona } from '../engine/model.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Mood } from '../ports/desk-view.ts';

const MOOD_VOICE: Readonly<Record<Mood, { readonly rate: number; readonly pitch: number }>> = {
  calm: { rate: 0.92, pitch: 0.95 },
  neutral: { rate: 1, pitch: 1 },
  annoyed: { rate: 1.1, pitch: 1.1 },
  furious: { rate: 1.22, pitch: 1.25 },
};

const PERSONA_VOICE: Readonly<
  Record<Persona, { readonly rate: number; readonly pitch: number; readonly pick: number }>
> = {
  angry: { rate: 1, pitch: 1, pick: 0 },
  confused: { rate: 0.9, pitch: 1.15, pick: 1 },
  technical: { rate: 1, pitch: 0.85, pick: 2 },
};

export type SpeechRequest = {
  readonly text: string;
  readonly lang: Lang;
  readonly persona: Persona;
  readonly mood: Mood;
  readonly volume: number;
  /** Called once when the utterance ends, fails or is cancelled. */
  readonly onDone: () => void;
};

function synthesis(): SpeechSynthesis | null {
  if (typeof window === 'undefined' || typeof SpeechSynthesisUtterance === 'undefined') return null;
  return window.speechSynthesis ?? null;
}

/** The voices for a language ("fr" matches fr-FR, fr_CA…), in the browser's order. */
function voicesFor(speech: SpeechSynthesis, lang: string): SpeechSynthesisVoice[] {
  return speech.getVoices().filter((v) => v.lang.toLowerCase().replace('_', '-').startsWith(lang));
}

/** Speaks a line when a voice for its language exists; returns whether it was queued. */
export function speakLine(req: SpeechRequest): boolean {
  const speech = synthesis();
  if (speech === null) return false;
  const voices = voicesFor(speech, req.lang);
  if (voices.length === 0) return false;
  const persona = PERSONA_VOICE[req.persona];
  const mood = MOOD_VOICE[req.mood];
  const utterance = new SpeechSynthesisUtterance(req.text);
  // Different personas get different voices when the browser offers several.
  utterance.voice = voices[persona.pick % voices.length] ?? null;
  utterance.lang = utterance.voice?.lang ?? req.lang;
  utterance.rate = clamp(mood.rate * persona.rate, 0.5, 2);
  utterance.pitch = clamp(mood.pitch * persona.pitch, 0.1, 2);
  utterance.volume = clamp(req.volume, 0, 1);
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    req.onDone();
  };
  utterance.onend = finish;
  // 'interrupted'/'canceled' come from our own cancel; 'not-allowed' from a missing user gesture.
  utterance.onerror = (event) => {
    console.debug('[audio] speech:', event.error);
    finish();
  };
  speech.cancel();
  speech.speak(utterance);
  return true;
}

/** Stops any line being spoken. */
export function cancelSpeech(): void {
  synthesis()?.cancel();
}

function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

/** Whether a line is being spoken or waits to be. */
export function isSpeaking(): boolean {
  const speech = synthesis();
  return speech !== null && (speech.speaking || speech.pending);
}
