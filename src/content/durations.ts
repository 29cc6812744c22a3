// Durations as trainers write them ("90s", "1m30s", "2s..8s", a number of seconds) in ms.
import { parseDuration } from '../engine/condition.ts';

/** Milliseconds for a duration value, or undefined when it does not read as one. */
export function durationMs(value: number | string): number | undefined {
  if (typeof value === 'number') return Math.round(value * 1000);
  return parseDuration(value.replace(/\s+/g, ''));
}

/** [min, max] in ms for a fixed duration, a "min..max" string or a { min, max } object. */
export function rangeMs(
  value: number | string | { min: number | string; max: number | string },
): readonly [number, number] | undefined {
  if (typeof value === 'object') {
    const min = durationMs(value.min);
    const max = durationMs(value.max);
    return min !== undefined && max !== undefined && min <= max ? [min, max] : undefined;
  }
  if (typeof value === 'string' && value.includes('..')) {
    const [a, b] = value.split('..');
    const min = durationMs(a ?? '');
    const max = durationMs(b ?? '');
    return min !== undefined && max !== undefined && min <= max ? [min, max] : undefined;
  }
  const ms = durationMs(value);
  return ms === undefined ? undefined : [ms, ms];
}

const CHARS_PER_SECOND = 14;

/** How long a line takes to say: about 14 characters a second, between 1.5 s and 20 s. */
export function speakingMs(text: string): number {
  const ms = (text.length / CHARS_PER_SECOND) * 1000;
  return Math.round(Math.max(1500, Math.min(20000, ms)) / 100) * 100;
}
