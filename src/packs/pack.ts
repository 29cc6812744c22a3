// The `.hotliner` call pack: a zip holding one call's YAML, its translations and a manifest
// (format, call id, source language, title, content hash, files). Writing and reading only: the
// call's own checks run in check-pack.ts. Pure and browser-safe (fflate): the Studio writes packs,
// the game's import worker and `scenarios:import` read them.
import { zipSync, type Zippable } from 'fflate';
import { ID_RE } from '../content/ids.ts';
import { LANGS, type Lang, isLang } from '../i18n/lang.ts';
import { callPath, translationPath } from './pack-paths.ts';
import { inflateEntry, zipEntries } from './zip-read.ts';

export const PACK_FORMAT = 'hotliner-pack';
/** The pack format this code writes and reads; a pack of another version is refused by name. */
export const PACK_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** The bounds a pack must keep, checked on the zip's central directory before anything is inflated. */
export const PACK_LIMITS = {
  /** Entries in the zip: the manifest, the call and one translation per other language need 2 + LANGS. */
  entries: 16,
  /** One file's uncompressed size: the checker's own limit on a call file is 256 KB. */
  fileBytes: 512 * 1024,
  /** All files together, uncompressed. */
  totalBytes: 2 * 1024 * 1024,
} as const;

/** A call id as a file name: the format's id rule (the checker applies it again after). */
const ID = ID_RE;

export type PackManifest = {
  readonly format: typeof PACK_FORMAT;
  readonly version: number;
  /** The call's id: its file is `scenarios/<id>.yaml`. */
  readonly id: string;
  /** The language the call is written in (its YAML's `lang:`). */
  readonly lang: Lang;
  readonly title: string;
  /** The call's content version (src/content/content-hash.ts) against the playbook it was written for. */
  readonly hash: string;
  /** Every file of the pack but the manifest. */
  readonly files: readonly string[];
  /** When the pack was written, ISO 8601. */
  readonly created: string;
  /** What wrote it, e.g. "Hotliner Studio 0.1.0". */
  readonly generator: string;
};

/** What a pack is written from. */
export type PackInput = {
  readonly id: string;
  readonly lang: Lang;
  readonly title: string;
  /** `contentHash(playbookData, callData)` (src/content/content-hash.ts). */
  readonly hash: string;
  /** The call's YAML as written. */
  readonly yaml: string | Uint8Array;
  /** Translation JSON by language (languages other than `lang`; the source language's is ignored). */
  readonly translations: Partial<Record<Lang, string | Uint8Array>>;
  readonly created?: Date;
  readonly generator?: string;
};

/** A pack read back: the manifest and each file's bytes. */
export type Pack = {
  readonly manifest: PackManifest;
  readonly yaml: Uint8Array;
  readonly translations: Partial<Record<Lang, Uint8Array>>;
};

/** Why a pack is refused before its call is even read; the sentence is `pack.<code>` in checker.json. */
export type PackProblem = { readonly code: PackCode; readonly params: Readonly<Record<string, string>> };
export type PackCode =
  | 'notZip'
  | 'corrupted'
  | 'tooManyEntries'
  | 'fileTooLarge'
  | 'tooLarge'
  | 'badPath'
  | 'duplicateFile'
  | 'missingManifest'
  | 'badManifest'
  | 'wrongFormat'
  | 'wrongVersion'
  | 'unexpectedFile'
  | 'missingFile'
  | 'hashMismatch'
  | 'notWinnable'
  | 'notWinnableCapped'
  | 'libraryId';

export { callPath, translationPath };

/** The pack's file name as offered for download. */
export const packFileName = (id: string): string => `${id}.hotliner`;

const bytesOf = (v: string | Uint8Array): Uint8Array => (typeof v === 'string' ? new TextEncoder().encode(v) : v);

/** Writes a pack: the zip's bytes (deterministic for the same input and `created`). */
export function writePack(input: PackInput): Uint8Array {
  const created = input.created ?? new Date();
  const files: Record<string, Uint8Array> = { [callPath(input.id)]: bytesOf(input.yaml) };
  for (const lang of LANGS) {
    const tr = input.translations[lang];
    if (lang !== input.lang && tr !== undefined) files[translationPath(lang, input.id)] = bytesOf(tr);
  }
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    id: input.id,
    lang: input.lang,
    title: input.title,
    hash: input.hash,
    files: Object.keys(files),
    created: created.toISOString(),
    generator: input.generator ?? 'Hotliner',
  };
  const zip: Zippable = { [MANIFEST_FILE]: bytesOf(`${JSON.stringify(manifest, null, 2)}\n`), ...files };
  return zipSync(zip, { level: 9, mtime: created });
}

type Read<T> = { ok: true; value: T } | { ok: false; problems: PackProblem[] };
const refuse = (code: PackCode, params: Record<string, string> = {}): { ok: false; problems: PackProblem[] } => ({
  ok: false,
  problems: [{ code, params }],
});

/**
 * Reads a pack: the zip's directory is judged first (entries, names, sizes), then each file is
 * inflated and checked against its checksum, then the manifest against the files. Never throws
 * on bytes; the call itself is not read here (check-pack.ts does).
 */
export function readPack(bytes: Uint8Array): { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] } {
  const files = unpack(bytes);
  if (!files.ok) return files;
  const manifestBytes = files.value.get(MANIFEST_FILE);
  if (!manifestBytes) return refuse('missingManifest', { file: MANIFEST_FILE });
  const manifest = parseManifest(manifestBytes);
  if (!manifest.ok) return manifest;
  const m = manifest.value;
  const expected = new Set([callPath(m.id), ...LANGS.filter((l) => l !== m.lang).map((l) => translationPath(l, m.id))]);
  const problems: PackProblem[] = [];
  for (const name of files.value.keys())
    if (name !== MANIFEST_FILE && (!m.files.includes(name) || !expected.has(name)))
      problems.push({ code: 'unexpectedFile', params: { file: name } });
  for (const name of m.files)
    if (!files.value.has(name)) problems.push({ code: 'missingFile', params: { file: name } });
  if (!m.files.includes(callPath(m.id))) problems.push({ code: 'missingFile', params: { file: callPath(m.id) } });
  if (problems.length) return { ok: false, problems };
  const translations: Partial<Record<Lang, Uint8Array>> = {};
  for (const lang of LANGS) {
    const t = files.value.get(translationPath(lang, m.id));
    if (t && lang !== m.lang) translations[lang] = t;
  }
  return { ok: true, pack: { manifest: m, yaml: files.value.get(callPath(m.id))!, translations } };
}

/** The zip's files by name, within PACK_LIMITS, with safe names only. */
function unpack(bytes: Uint8Array): Read<Map<string, Uint8Array>> {
  const dir = zipEntries(bytes, PACK_LIMITS.entries);
  if (!dir.ok) {
    const p = dir.problem;
    if (p.kind === 'notZip') return refuse('notZip');
    if (p.kind === 'tooManyEntries')
      return refuse('tooManyEntries', { count: String(p.count), max: String(PACK_LIMITS.entries) });
    return refuse('corrupted', { file: p.name || '—', detail: p.detail });
  }
  let total = 0;
  const seen = new Set<string>();
  for (const e of dir.entries) {
    if (!safePath(e.name)) return refuse('badPath', { file: e.name });
    if (seen.has(e.name)) return refuse('duplicateFile', { file: e.name });
    seen.add(e.name);
    if (e.size > PACK_LIMITS.fileBytes)
      return refuse('fileTooLarge', { file: e.name, size: kb(e.size), max: kb(PACK_LIMITS.fileBytes) });
    total += e.size;
  }
  if (total > PACK_LIMITS.totalBytes) return refuse('tooLarge', { size: kb(total), max: kb(PACK_LIMITS.totalBytes) });
  const out = new Map<string, Uint8Array>();
  for (const e of dir.entries) {
    const data = inflateEntry(bytes, e);
    if (!(data instanceof Uint8Array))
      return refuse('corrupted', { file: e.name, detail: data.kind === 'corrupted' ? data.detail : data.kind });
    out.set(e.name, data);
  }
  return { ok: true, value: out };
}

const kb = (n: number): string => String(Math.ceil(n / 1024));

/** A relative path of plain segments: no `..`, no absolute or drive path, no backslash, no control character. */
export function safePath(name: string): boolean {
  if (name === '' || name.length > 200 || name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(name)) return false;
  return name.split('/').every((seg) => seg !== '' && seg !== '.' && seg !== '..');
}

function parseManifest(bytes: Uint8Array): Read<PackManifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return refuse('badManifest', { detail: e instanceof Error ? e.message : String(e) });
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return refuse('badManifest', { detail: 'not a JSON object' });
  const m = raw as Record<string, unknown>;
  if (m.format !== PACK_FORMAT) return refuse('wrongFormat', { found: String(m.format), expected: PACK_FORMAT });
  if (m.version !== PACK_VERSION)
    return refuse('wrongVersion', { found: String(m.version), expected: String(PACK_VERSION) });
  const field = (k: string, ok: boolean): Read<PackManifest> | null =>
    ok ? null : refuse('badManifest', { detail: k });
  const bad =
    field('id', typeof m.id === 'string' && ID.test(m.id) && m.id.length <= 100) ??
    field('lang', isLang(m.lang)) ??
    field('title', typeof m.title === 'string') ??
    field('hash', typeof m.hash === 'string' && /^[0-9a-f]{64}$/.test(m.hash)) ??
    field('files', Array.isArray(m.files) && m.files.every((f) => typeof f === 'string')) ??
    field('created', typeof m.created === 'string') ??
    field('generator', typeof m.generator === 'string');
  if (bad) return bad;
  return { ok: true, value: m as PackManifest };
}
