// What `npm run scenarios:i18n` reads and writes in one translation file (pure: the command does
// the file system). A file it cannot read is refused, never taken for an empty one: rewriting it
// would lose the translator's work.
import type { Diagnostic } from '../content/source.ts';
import {
  fingerprint,
  flatten,
  readTranslation,
  SOURCES_KEY,
  sourceNoteKey,
  unflatten,
  type TextEntry,
  type TranslationFile,
} from '../content/texts.ts';

export type TranslationCounts = {
  readonly total: number;
  readonly missing: number;
  readonly stale: number;
  readonly orphans: number;
  readonly unstamped: number;
};

export type TranslationMode = {
  /** Mark every translated text as reviewed against the current source text. */
  readonly stamp: boolean;
  /** Add each missing entry, empty, with the source text beside it. */
  readonly addMissing: boolean;
};

export type TranslationUpdate =
  | { readonly ok: false; readonly problem: Diagnostic }
  | {
      readonly ok: true;
      /** The file's new text, or null when nothing is to be written. */
      readonly text: string | null;
      /** The state of the file as it is once written (or as it is, when nothing is written). */
      readonly counts: TranslationCounts;
      readonly stale: readonly TextEntry[];
      /** Texts whose review stamp this run added or renewed. */
      readonly stamped: number;
    };

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Counts of a translation's JSON against the source texts, and its stale texts. */
export function translationCounts(
  texts: readonly TextEntry[],
  json: Readonly<Record<string, unknown>>,
): { counts: TranslationCounts; stale: TextEntry[] } {
  const flat = flatten(json);
  const sources = stampsOf(json);
  const known = new Set(texts.map((t) => t.key));
  const missing = texts.filter((t) => !isText(flat[t.key]));
  const stale = texts.filter((t) => isText(flat[t.key]) && sources[t.key] && sources[t.key] !== fingerprint(t.text));
  const unstamped = texts.filter((t) => isText(flat[t.key]) && !sources[t.key]);
  const orphans = Object.keys(flat).filter((k) => !known.has(k));
  return {
    counts: {
      total: texts.length,
      missing: missing.length,
      stale: stale.length,
      orphans: orphans.length,
      unstamped: unstamped.length,
    },
    stale,
  };
}

/**
 * The translation of `texts` (written in `sourceLang`) after this run: `tr` is the file as it is
 * (null when it does not exist yet). Translated texts and orphans are kept as they are; each
 * missing text is written empty, with its source text beside it (`"text (fr)": "…"`), so the
 * translator sees what to translate and the checker still reports it missing until it is filled.
 */
export function updateTranslation(
  texts: readonly TextEntry[],
  sourceLang: string,
  tr: TranslationFile | null,
  mode: TranslationMode,
): TranslationUpdate {
  let json: Record<string, unknown> = {};
  if (tr) {
    const read = readTranslation(tr);
    if ('problem' in read) return { ok: false, problem: read.problem };
    json = read.json;
  }
  if (!mode.stamp && !mode.addMissing) return { ok: true, text: null, ...translationCounts(texts, json), stamped: 0 };
  const flat = flatten(json);
  const known = new Set(texts.map((t) => t.key));
  const next: Record<string, string> = {};
  for (const t of texts) {
    const value = flat[t.key];
    next[t.key] = typeof value === 'string' ? value : '';
    if (!isText(value)) {
      const dot = t.key.lastIndexOf('.');
      next[`${t.key.slice(0, dot + 1)}${sourceNoteKey(t.key.slice(dot + 1), sourceLang)}`] = t.text;
    }
  }
  for (const [k, v] of Object.entries(flat)) if (!known.has(k) && typeof v === 'string') next[k] = v;
  const stamps: Record<string, string> = { ...stampsOf(json) };
  let stamped = 0;
  if (mode.stamp)
    for (const t of texts) {
      if (!isText(next[t.key]) || stamps[t.key] === fingerprint(t.text)) continue;
      stamps[t.key] = fingerprint(t.text);
      stamped++;
    }
  const out = { ...unflatten(next), [SOURCES_KEY]: stamps };
  return { ok: true, text: JSON.stringify(out, null, 2) + '\n', ...translationCounts(texts, out), stamped };
}

/** The review stamps of a translation (`_sources`): the string ones only. */
function stampsOf(json: Readonly<Record<string, unknown>>): Record<string, string> {
  const raw = Object.hasOwn(json, SOURCES_KEY) ? json[SOURCES_KEY] : undefined;
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw))
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
  return out;
}
