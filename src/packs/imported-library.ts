// The library with the imported calls beside the bundled ones: each compiled from its stored
// document (bundledScenario, no YAML parser), its translations among the library's.
import type { Library } from '../content/bundle.ts';
import { bundledScenario } from '../content/bundled.ts';
import type { ImportedCall } from '../ports/storage.ts';
import { callPath } from './pack-paths.ts';

/** `lib` with `imported` added; an imported call that takes a library call's id is left out. */
export function withImported(lib: Library, imported: readonly ImportedCall[]): Library {
  const pb = lib.playbook;
  if (!pb || !imported.length) return lib;
  const taken = new Set(lib.calls.map((c) => c.doc?.id));
  const calls = imported.filter((c) => !taken.has(c.id));
  const locales: Record<string, Record<string, string>> = {};
  for (const [lang, files] of Object.entries(lib.locales)) locales[lang] = { ...files };
  for (const c of calls)
    for (const [lang, text] of Object.entries(c.translations)) if (lang !== c.lang) (locales[lang] ??= {})[c.id] = text;
  return {
    ...lib,
    calls: [...lib.calls, ...calls.map((c) => bundledScenario({ file: callPath(c.id), data: c.data }, pb))],
    locales,
  };
}
