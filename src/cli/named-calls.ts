// The calls a trainer names on a command line (golden:update, scenarios:i18n): by id or by file.
import { basename } from 'node:path';

/** The call id of a file path, or the name itself (`box-no-sync`, `scenarios/box-no-sync.yaml`). */
export function callIdOf(name: string): string {
  return basename(name).replace(/\.ya?ml$/, '');
}

/**
 * The call files named (by id or path), in the order of `files`; every file when no name is given.
 * A name that matches no call is returned in `unknown`, so the command can refuse before writing.
 */
export function namedCalls(files: readonly string[], names: readonly string[]): { files: string[]; unknown: string[] } {
  if (!names.length) return { files: [...files], unknown: [] };
  const wanted = new Set(names.map(callIdOf));
  const ids = new Set(files.map(callIdOf));
  return {
    files: files.filter((f) => wanted.has(callIdOf(f))),
    unknown: names.filter((n) => !ids.has(callIdOf(n))),
  };
}
