// An imported call read back from IndexedDB is not trusted: one of the wrong shape is left out of
// the list (and left in place), never handed to the game.
import { isLang, LANGS, type Lang } from '../i18n/lang.ts';
import type { ImportedCall } from '../ports/storage.ts';

const isString = (v: unknown): v is string => typeof v === 'string';

/** The record as an imported call, or null when any field is missing or of the wrong type. */
export function parseImported(v: unknown): ImportedCall | null {
  if (v === null || typeof v !== 'object') return null;
  const r = v as Record<string, unknown>;
  const tr = r.translations;
  if (tr === null || typeof tr !== 'object') return null;
  const translations: Partial<Record<Lang, string>> = {};
  for (const lang of LANGS) {
    const t = (tr as Record<string, unknown>)[lang];
    if (t === undefined) continue;
    if (!isString(t)) return null;
    translations[lang] = t;
  }
  const fields = [r.id, r.title, r.hash, r.text, r.importedAt, r.generator];
  if (!fields.every(isString) || !isLang(r.lang) || r.data === null || typeof r.data !== 'object') return null;
  return {
    id: r.id as string,
    title: r.title as string,
    lang: r.lang,
    hash: r.hash as string,
    text: r.text as string,
    data: r.data,
    translations,
    importedAt: r.importedAt as string,
    generator: r.generator as string,
  };
}
