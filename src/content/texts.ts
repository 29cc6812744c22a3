// A call's texts by stable i18n key, and the check of a translation against them.
import type { ScenarioDoc } from './schema.ts';
import type { Diagnostic, PathPart } from './source.ts';
import { checkTranslationSafety } from './text-safety.ts';
import { jsonDepthOffset, jsonKeyOffsets, jsonSyntaxDiag } from './json-text.ts';
import { lineIndex, READ_LIMITS, sizeDiag, withoutBom } from './reading.ts';

export type TextEntry = { readonly key: string; readonly text: string; readonly path: readonly PathPart[] };

/** Every translatable text of a call, keyed as in locales/<lng>/<id>.json. */
export function scenarioTexts(doc: ScenarioDoc): TextEntry[] {
  const out: TextEntry[] = [];
  const add = (key: string, text: string | undefined, path: PathPart[]): void => {
    if (text !== undefined) out.push({ key, text, path });
  };
  add('title', doc.title, ['title']);
  add('summary', doc.summary, ['summary']);
  add('customer.name', doc.customer.name, ['customer', 'name']);
  for (const [id, label] of Object.entries(doc.facts ?? {})) add(`facts.${id}`, label, ['facts', id]);
  for (const [id, dg] of Object.entries(doc.diagnoses)) add(`diagnoses.${id}`, dg.label, ['diagnoses', id, 'label']);
  for (const [tool, cfg] of Object.entries(doc.tools ?? {})) {
    (cfg?.outcomes ?? []).forEach((o, i) =>
      add(`tools.${tool}.${o.id}`, o.text, ['tools', tool, 'outcomes', i, 'text']),
    );
  }
  for (const [id, node] of Object.entries(doc.nodes)) {
    if (typeof node.customer === 'string') add(`nodes.${id}.customer`, node.customer, ['nodes', id, 'customer']);
    else node.customer?.forEach((v, i) => add(`variants.${id}.${v.id}`, v.text, ['nodes', id, 'customer', i, 'text']));
    (node.choices ?? []).forEach((c, i) => {
      const p: PathPart[] = ['nodes', id, 'choices', i];
      add(`choices.${c.id}.text`, c.text, [...p, 'text']);
      if (typeof c.reply === 'string') add(`choices.${c.id}.reply`, c.reply, [...p, 'reply']);
      else c.reply?.forEach((v, j) => add(`replies.${c.id}.${v.id}`, v.text, [...p, 'reply', j, 'text']));
      add(`choices.${c.id}.coach`, c.coach, [...p, 'coach']);
    });
  }
  (doc.steps ?? []).forEach((s, i) => add(`steps.${s.id}`, s.label, ['steps', i, 'label']));
  return out;
}

/** FNV-1a fingerprint of a source text, kept beside a translation to spot stale ones. */
export function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export const SOURCES_KEY = '_sources';

/**
 * `scenarios:i18n --add-missing` writes the source text beside each missing entry, under the
 * entry's own name followed by the source language: `"text": ""` then `"text (fr)": "Bonjour"`.
 * Such a note is never a translation (an id has no space): the entry stays missing until someone
 * fills it, and the game never shows the note.
 */
export const sourceNoteKey = (leaf: string, lang: string): string => `${leaf} (${lang})`;
const SOURCE_NOTE = /^[^\s.]+ \([a-z]{2}\)$/;
/** Whether a key (its last part) is a source note written beside a missing entry. */
export const isSourceNote = (key: string): boolean => SOURCE_NOTE.test(key.slice(key.lastIndexOf('.') + 1));

/**
 * Flattens nested translation JSON into dotted keys (leaves must be strings; source notes left
 * out), without recursion:
 * a hostile file nested thousands deep cannot overflow the stack. `out` has no prototype, so a
 * key named __proto__ is a key like any other.
 */
export function flatten(
  obj: unknown,
  prefix = '',
  out: Record<string, unknown> = Object.create(null),
): Record<string, unknown> {
  const stack: [unknown, string][] = [[obj, prefix]];
  while (stack.length) {
    const [value, at] = stack.pop()!;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      out[at] = value;
      continue;
    }
    const entries = Object.entries(value).filter(([k]) => !(at === '' && k === SOURCES_KEY) && !isSourceNote(k));
    // Pushed last to first, so keys come out in the file's order.
    for (let i = entries.length - 1; i >= 0; i--)
      stack.push([entries[i]![1], at ? `${at}.${entries[i]![0]}` : entries[i]![0]]);
  }
  return out;
}

/** Builds nested JSON from dotted keys. */
export function unflatten(flat: Readonly<Record<string, string>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) {
    const parts = key.split('.');
    let o = out;
    parts.slice(0, -1).forEach((p) => {
      o[p] ??= {};
      o = o[p] as Record<string, unknown>;
    });
    o[parts[parts.length - 1]!] = value;
  }
  return out;
}

export type TranslationFile = {
  readonly file: string;
  readonly text: string;
  /** Why the file's bytes could not be read as text (too large, not UTF-8): then its only diagnostic. */
  readonly problem?: Diagnostic;
};

/** A translation file's JSON object, or the one diagnostic saying why it cannot be read. */
export function readTranslation(tr: TranslationFile): { json: Record<string, unknown> } | { problem: Diagnostic } {
  if (tr.problem) return { problem: tr.problem };
  const text = withoutBom(tr.text);
  const tooLarge = sizeDiag(tr.file, text);
  if (tooLarge) return { problem: tooLarge };
  const deep = jsonDepthOffset(text);
  if (deep >= 0) {
    const params = { limit: String(READ_LIMITS.depth) };
    return { problem: { file: tr.file, ...lineIndex(text)(deep), severity: 'error', code: 'nestingTooDeep', params } };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { problem: jsonSyntaxDiag(tr.file, text, e) };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const start = lineIndex(text)(text.length - text.trimStart().length);
    return { problem: { file: tr.file, ...start, severity: 'error', code: 'translationNotObject', params: {} } };
  }
  return { json: json as Record<string, unknown> };
}

/** The call (or `playbook`) a source file holds: the name `scenarios:i18n` takes. */
const unitOf = (yamlFile: string): string => yamlFile.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');

/** Missing, stale, orphan and non-text keys of one translation, as diagnostics. */
export function checkTranslation(
  entries: readonly TextEntry[],
  lang: string,
  tr: TranslationFile,
  yamlPos: (path: readonly PathPart[]) => { line: number; col: number },
  yamlFile: string,
): Diagnostic[] {
  const read = readTranslation(tr);
  if ('problem' in read) return [read.problem];
  const { json } = read;
  const text = withoutBom(tr.text);
  const call = unitOf(yamlFile);
  const flat = flatten(json);
  const stamped = (json as Record<string, unknown>)[SOURCES_KEY];
  const sources = (stamped && typeof stamped === 'object' ? stamped : {}) as Record<string, unknown>;
  const diags: Diagnostic[] = checkTranslationSafety({ ...tr, text });
  const keyOffsets = jsonKeyOffsets(text);
  const at = lineIndex(text);
  const keyPos = (key: string): { line: number; col: number } => at(keyOffsets.get(key) ?? 0);
  const known = new Set(entries.map((e) => e.key));
  for (const e of entries) {
    const value = Object.hasOwn(flat, e.key) ? flat[e.key] : undefined;
    const pos = yamlPos(e.path);
    if (typeof value !== 'string' || value.trim() === '') {
      diags.push({
        file: yamlFile,
        ...pos,
        severity: 'error',
        code: 'translationMissing',
        params: { lang, key: e.key, file: tr.file, call },
      });
    } else if (typeof stampOf(sources, e.key) === 'string' && stampOf(sources, e.key) !== fingerprint(e.text)) {
      diags.push({
        file: tr.file,
        ...keyPos(e.key),
        severity: 'error',
        code: 'translationStale',
        params: { lang, key: e.key, line: String(pos.line), call },
      });
    } else if (typeof stampOf(sources, e.key) !== 'string') {
      diags.push({
        file: tr.file,
        ...keyPos(e.key),
        severity: 'warning',
        code: 'translationUnstamped',
        params: { lang, key: e.key, call },
      });
    }
  }
  for (const key of Object.keys(flat)) {
    if (!known.has(key))
      diags.push({
        file: tr.file,
        ...keyPos(key),
        severity: 'error',
        code: 'translationOrphan',
        params: { lang, key },
      });
  }
  return diags;
}

function stampOf(sources: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(sources, key) ? sources[key] : undefined;
}
