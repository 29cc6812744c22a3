// The bounds content must keep: past them a call is refused with a diagnostic, never played.
import { durationMs } from './durations.ts';
import { diagAt, type Diagnostic, type PathPart, type SourceFile } from './source.ts';

/** The longest a call, or any duration written in it or in the playbook, may last: 4 h. */
export const MAX_DURATION_MS = 4 * 3_600_000;
/** The most dialogue nodes a call may have. */
export const MAX_NODES = 2000;
/** The most lines a call file may have (the library's longest is under 1,000). */
export const MAX_LINES = 20_000;

/**
 * The duration at `path` in ms, or a diagnostic for one that does not read as a duration, is
 * longer than MAX_DURATION_MS, or is zero where a positive one is needed.
 */
export function checkedDuration(
  source: SourceFile,
  path: readonly PathPart[],
  value: number | string,
  positive = false,
): { ms: number; diag: Diagnostic | null } {
  const ms = durationMs(value);
  const params = { value: String(value), path: path.join('.') };
  if (ms === undefined) return { ms: 0, diag: diagAt(source, path, 'error', 'badDuration', params) };
  if (!(ms <= MAX_DURATION_MS)) return { ms: 0, diag: diagAt(source, path, 'error', 'durationTooLong', params) };
  if (positive && ms <= 0) return { ms: 0, diag: diagAt(source, path, 'error', 'durationZero', params) };
  return { ms, diag: null };
}

/** A diagnostic when a range's longest end (in ms) is past MAX_DURATION_MS. */
export function rangeTooLong(
  source: SourceFile,
  path: readonly PathPart[],
  text: string,
  range: readonly [number, number],
): Diagnostic | null {
  return range[1] <= MAX_DURATION_MS
    ? null
    : diagAt(source, path, 'error', 'durationTooLong', { value: text, path: path.join('.') });
}
