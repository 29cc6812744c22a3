// Turning the engine's keys and parameters into words, and simple formatting.
import type { i18n } from 'i18next';

/** mm:ss for a time in ms. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

/** Bidi controls and right-to-left letters: a text holding one could reorder the sentence around it. */
const BIDI = /[\u0590-\u08ff\u200e\u200f\u202a-\u202e\u2066-\u2069\ufb1d-\ufdff\ufe70-\ufeff]/;

/**
 * A content text (a customer's name, a call's title) put into a sentence of the interface,
 * isolated (FSI … PDI) when its direction could reorder the words around it: `\u202Egnp.exe
 * hung up` must not read as "pu gnuh exe.png". Plain text comes back as it is.
 */
export function isolate(text: string): string {
  return BIDI.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * Translates a key whose parameters may themselves be keys (`step: 'playbook:steps.verify'`)
 * or times in ms (`at`, `par`).
 */
export function say(t: i18n['t'], key: string, params: Readonly<Record<string, string | number>> = {}): string {
  const p: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    if (typeof v === 'string' && /^[\w-]+:[\w.-]+$/.test(v)) p[k] = t(v);
    else if ((k === 'at' || k === 'par') && typeof v === 'number') p[k] = v < 0 ? '—' : clock(v);
    else p[k] = v;
  }
  return t(key, p);
}
