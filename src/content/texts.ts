// A call's texts by stable i18n key, and the check of a translation against them.
import type { ScenarioDoc } from './schema.ts';
import type { Diagnostic, PathPart } from './source.ts';

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

/** Flattens nested translation JSON into dotted keys (leaves must be strings). */
export function flatten(obj: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
    out[prefix] = obj;
    return out;
  }
  for (const [k, v] of Object.entries(obj)) {
    if (prefix === '' && k === SOURCES_KEY) continue;
    flatten(v, prefix ? `${prefix}.${k}` : k, out);
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

export type TranslationFile = { readonly file: string; readonly text: string };

/** Missing, stale, orphan and non-text keys of one translation, as diagnostics. */
export function checkTranslation(
  entries: readonly TextEntry[],
  lang: string,
  tr: TranslationFile,
  yamlPos: (path: readonly PathPart[]) => { line: number; col: number },
  yamlFile: string,
): Diagnostic[] {
  let json: unknown;
  try {
    json = JSON.parse(tr.text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const { line, col } = lineCol(tr.text, m ? Number(m[1]) : jsonErrorOffset(tr.text));
    return [
      {
        file: tr.file,
        line,
        col,
        severity: 'error',
        code: 'translationJson',
        params: { detail: String((e as Error).message) },
      },
    ];
  }
  const flat = flatten(json);
  const sources = ((json as Record<string, unknown>)?.[SOURCES_KEY] ?? {}) as Record<string, unknown>;
  const diags: Diagnostic[] = [];
  const known = new Set(entries.map((e) => e.key));
  for (const e of entries) {
    const value = flat[e.key];
    const pos = yamlPos(e.path);
    if (typeof value !== 'string' || value.trim() === '') {
      diags.push({
        file: yamlFile,
        ...pos,
        severity: 'error',
        code: 'translationMissing',
        params: { lang, key: e.key, file: tr.file },
      });
    } else if (typeof sources[e.key] === 'string' && sources[e.key] !== fingerprint(e.text)) {
      diags.push({
        file: tr.file,
        ...keyPos(tr.text, e.key),
        severity: 'error',
        code: 'translationStale',
        params: { lang, key: e.key, line: String(pos.line) },
      });
    } else if (typeof sources[e.key] !== 'string') {
      diags.push({
        file: tr.file,
        ...keyPos(tr.text, e.key),
        severity: 'warning',
        code: 'translationUnstamped',
        params: { lang, key: e.key },
      });
    }
  }
  for (const key of Object.keys(flat)) {
    if (!known.has(key))
      diags.push({
        file: tr.file,
        ...keyPos(tr.text, key),
        severity: 'error',
        code: 'translationOrphan',
        params: { lang, key },
      });
  }
  return diags;
}

/** Where JSON.parse gives up when its message has no position (node 20's "Unexpected token"): the end of the longest prefix that still reads as the start of a JSON text. */
function jsonErrorOffset(text: string): number {
  const startsJson = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      const message = String((e as Error).message);
      const at = /position (\d+)/.exec(message);
      return /end of JSON input/.test(message) || (at !== null && Number(at[1]) >= n);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (startsJson(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function lineCol(text: string, offset: number): { line: number; col: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** Where a dotted key's last part is written in a JSON file (close enough for a message). */
function keyPos(text: string, key: string): { line: number; col: number } {
  const parts = key.split('.');
  let from = 0;
  for (const p of parts) {
    const at = text.indexOf(JSON.stringify(p), from);
    if (at < 0) break;
    from = at;
  }
  return lineCol(text, from);
}
