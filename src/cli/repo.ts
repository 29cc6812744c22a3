// Reading the repository's calls, playbook and translations from disk (node only).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { playbookTexts, type PlaybookModel } from '../content/playbook.ts';
import { checkerFailed, playbookFromBytes, scenarioFromBytes, translationFromBytes } from '../content/from-bytes.ts';
import type { LoadedScenario } from '../content/load.ts';
import { checkCall } from '../analysis/check-call.ts';
import { positionOf } from '../content/source.ts';
import { checkTranslation } from '../content/texts.ts';
import { isLang, LANGS, type Lang } from '../i18n/lang.ts';
import { capDiagnostics } from '../content/reading.ts';
import type { Diagnostic } from '../content/source.ts';
import type { TranslationFile } from '../content/texts.ts';

/**
 * The repository: the nearest folder above this file (from source or precompiled) holding
 * `scenarios/playbook.yaml`, else above the working directory.
 */
export const ROOT = findRoot(import.meta.dirname);
export const SCENARIO_DIR = join(ROOT, 'scenarios');
export const PLAYBOOK_FILE = join(SCENARIO_DIR, 'playbook.yaml');

function findRoot(from: string): string {
  for (const start of [from, process.cwd()])
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, 'scenarios', 'playbook.yaml'))) return dir;
      if (dirname(dir) === dir) break;
    }
  return resolve(from, '../..');
}

/** Paths as the trainer typed them, relative to where they stand. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

/** All call files in scenarios/ (the playbook excluded), sorted. */
export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => /\.ya?ml$/.test(f) && f !== 'playbook.yaml')
    .sort()
    .map((f) => join(SCENARIO_DIR, f));
}

export function readPlaybook(): { playbook: PlaybookModel | null; diags: Diagnostic[] } {
  const file = displayPath(PLAYBOOK_FILE);
  const bytes = readBytes(file, PLAYBOOK_FILE);
  return bytes instanceof Uint8Array ? playbookFromBytes(file, bytes) : { playbook: null, diags: [bytes] };
}

function translationsFor(id: string): Partial<Record<Lang, TranslationFile>> {
  const out: Partial<Record<Lang, TranslationFile>> = {};
  for (const lang of LANGS) {
    const path = join(ROOT, 'locales', lang, `${id}.json`);
    if (!existsSync(path)) continue;
    const file = displayPath(path);
    const bytes = readBytes(file, path);
    out[lang] = bytes instanceof Uint8Array ? translationFromBytes(file, bytes) : { file, text: '', problem: bytes };
  }
  return out;
}

/** Loads one call file; an unreadable file is a diagnostic, never an exception. */
export function readScenario(path: string, playbook: PlaybookModel): LoadedScenario {
  const file = displayPath(path);
  const bytes = readBytes(file, path);
  if (!(bytes instanceof Uint8Array)) return { file, doc: null, model: null, texts: [], diags: [bytes] };
  const id = basename(path).replace(/\.ya?ml$/, '');
  return scenarioFromBytes(file, bytes, translationsFor(id), playbook);
}

/** Checks one call file as scenarios:check does (naive-strategy warnings included). */
export function checkScenarioFile(path: string, playbook: PlaybookModel, lang: Lang): readonly Diagnostic[] {
  const file = displayPath(path);
  const bytes = readBytes(file, path);
  if (!(bytes instanceof Uint8Array)) return [bytes];
  const id = basename(path).replace(/\.ya?ml$/, '');
  return checkCall(file, bytes, translationsFor(id), playbook, lang).diags;
}

function readBytes(file: string, path: string): Uint8Array | Diagnostic {
  try {
    return readFileSync(path);
  } catch (e) {
    return { file, line: 1, col: 1, severity: 'error', code: 'unreadable', params: { detail: (e as Error).message } };
  }
}

export { playbookFromBytes, scenarioFromBytes, translationFromBytes };

/** Every call leans on the playbook's steps and rules: with a broken playbook, each says it was not checked. */
export function notCheckable(paths: readonly string[]): Diagnostic[] {
  const playbook = displayPath(PLAYBOOK_FILE);
  return paths.map((p) => ({
    file: displayPath(p),
    line: 1,
    col: 1,
    severity: 'error',
    code: 'playbookBroken',
    params: { playbook },
  }));
}

/** The language for messages: --lang, else the shell's LANG, else French. */
export function cliLang(args: readonly string[]): Lang {
  const i = args.indexOf('--lang');
  const v = i >= 0 ? args[i + 1] : undefined;
  if (isLang(v)) return v;
  const env = process.env.LANG ?? '';
  return env.startsWith('en') ? 'en' : 'fr';
}

/** Positional arguments (files), without flags and their values. */
export function fileArgs(args: readonly string[], flagsWithValue: readonly string[] = ['--lang']): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (flagsWithValue.includes(a)) i++;
    else if (!a.startsWith('--')) out.push(resolve(a));
  }
  return out;
}

/** The playbook's labels against their translations in locales/<lng>/playbook.json. */
export function checkPlaybookTranslations(
  pb: PlaybookModel,
  translations: Partial<Record<Lang, TranslationFile>> = translationsFor('playbook'),
): Diagnostic[] {
  const diags: Diagnostic[] = [];
  const file = displayPath(PLAYBOOK_FILE);
  const texts = playbookTexts(pb.doc);
  for (const lang of LANGS) {
    if (lang === pb.doc.lang) continue;
    const tr = translations[lang];
    if (!tr) {
      diags.push({
        file,
        line: 1,
        col: 1,
        severity: 'error',
        code: 'translationFileMissing',
        params: { lang, file: `locales/${lang}/playbook.json` },
      });
      continue;
    }
    try {
      diags.push(...checkTranslation(texts, lang, tr, (p) => positionOf(pb.source, p), file));
    } catch (e) {
      diags.push(checkerFailed(tr.file, e));
    }
  }
  return capDiagnostics(diags);
}
