// What HowlerAudio and the DeferredAudio in front of it share: the settings' defaults and bounds,
// and waiting for an idle moment. No howler here: this loads with the page.
import type { AudioSettings } from '../ports/audio.ts';

export const DEFAULT_SETTINGS: AudioSettings = { volume: 0.7, muted: false, speech: false };

/** Settings within bounds: a volume in [0, 1] (the default when not a number), flags as booleans. */
export function sanitize(s: AudioSettings): AudioSettings {
  const volume = Number.isFinite(s.volume) ? Math.min(1, Math.max(0, s.volume)) : DEFAULT_SETTINGS.volume;
  return { volume, muted: s.muted === true, speech: s.speech === true };
}

/** Runs `fn` when the page is next idle, or after `waitMs` at the latest; returns how to call it off. */
export function whenIdle(fn: () => void, waitMs: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => fn(), { timeout: waitMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}
