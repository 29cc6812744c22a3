// Turning the engine's keys and parameters into words, and simple formatting.
import type { i18n } from 'i18next';

/** mm:ss for a time in ms. */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
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
