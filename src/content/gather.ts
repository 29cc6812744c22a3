// The game's content file, gathered from scenarios/ and locales/ (node side: vite.config.ts's
// content plugin). Each file is checked as `npm run scenarios:check` checks it; one that does not
// pass is left out of the content and listed with its errors, never thrown: the dev server then
// shows it in the menu, and a build refuses to ship it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { LANGS, type Lang } from '../i18n/lang.ts';
import type { ContentData, ContentProblem } from './bundle.ts';
import { playbookFromBytes, scenarioFromBytes, translationFromBytes } from './from-bytes.ts';
import type { PlaybookModel } from './playbook.ts';
import type { Diagnostic } from './source.ts';
import type { TranslationFile } from './texts.ts';

export const PLAYBOOK = 'scenarios/playbook.yaml';

/** What was gathered, and the files left out with their errors (empty when all is well). */
export type Gathered = { readonly content: ContentData; readonly problems: readonly ContentProblem[] };

/** What was checked, kept between gatherings: only a changed file (or translation) is checked again. */
export type GatherCache = {
  playbook?: { readonly text: string; readonly model: PlaybookModel | null; readonly errors: readonly Diagnostic[] };
  readonly calls: Map<string, { readonly key: string; readonly errors: readonly Diagnostic[] }>;
};

export const newGatherCache = (): GatherCache => ({ calls: new Map() });

/**
 * Reads the content under `root`. `watch` is told every file read (the dev server reloads the
 * page when one changes).
 */
export function gatherContent(
  root: string,
  watch: (file: string) => void,
  cache: GatherCache = newGatherCache(),
): Gathered {
  const text = (rel: string): string => {
    watch(join(root, rel));
    return readFileSync(join(root, rel), 'utf8');
  };
  const problems: ContentProblem[] = [];
  const pbText = text(PLAYBOOK);
  if (cache.playbook?.text !== pbText) {
    const loaded = playbookFromBytes(PLAYBOOK, bytes(pbText));
    const errors = errorsOf(loaded.diags);
    cache.playbook = { text: pbText, model: errors.length ? null : loaded.playbook, errors };
  }
  const playbook = cache.playbook.model;
  if (cache.playbook.errors.length || !playbook) problems.push({ file: PLAYBOOK, diags: cache.playbook.errors });
  const calls: ContentData['calls'][number][] = [];
  const files = readdirSync(join(root, 'scenarios'))
    .filter((f) => f.endsWith('.yaml') && f !== 'playbook.yaml')
    .sort();
  for (const f of files) {
    const file = `scenarios/${f}`;
    const id = basename(f, '.yaml');
    const source = text(file);
    const translations = translationsOf(root, id, watch);
    const key = [pbText, source, ...Object.values(translations).map((t) => t?.text)].join('\0');
    const errors = cached(cache, file, key, () => callErrors(file, source, translations, playbook));
    if (errors.length) problems.push({ file, diags: errors });
    else calls.push({ file, data: parse(source) as unknown, best: bestPath(root, id, watch) });
  }
  const content: ContentData = {
    playbook: { file: PLAYBOOK, data: playbook ? (parse(pbText) as unknown) : null },
    calls,
    locales: localesOf(root, watch),
    ...(problems.length ? { problems } : {}),
  };
  return { content, problems };
}

/** A call's errors as the checker finds them; with a broken playbook, that it could not be checked. */
function callErrors(
  file: string,
  source: string,
  translations: Partial<Record<Lang, TranslationFile>>,
  playbook: PlaybookModel | null,
): Diagnostic[] {
  if (!playbook)
    return [{ file, line: 1, col: 1, severity: 'error', code: 'playbookBroken', params: { playbook: PLAYBOOK } }];
  return errorsOf(scenarioFromBytes(file, bytes(source), translations, playbook).diags);
}

function cached(cache: GatherCache, file: string, key: string, check: () => readonly Diagnostic[]): Diagnostic[] {
  const hit = cache.calls.get(file);
  if (hit?.key === key) return [...hit.errors];
  const errors = errorsOf(check());
  cache.calls.set(file, { key, errors });
  return errors;
}

/** Warnings never keep a call out of the game: only errors are reported here. */
const errorsOf = (diags: readonly Diagnostic[]): Diagnostic[] => diags.filter((d) => d.severity === 'error');

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function translationsOf(
  root: string,
  id: string,
  watch: (file: string) => void,
): Partial<Record<Lang, TranslationFile>> {
  const out: Partial<Record<Lang, TranslationFile>> = {};
  for (const lang of LANGS) {
    const file = `locales/${lang}/${id}.json`;
    const path = join(root, file);
    if (!existsSync(path)) continue;
    watch(path);
    out[lang] = translationFromBytes(file, readFileSync(path));
  }
  return out;
}

/** Raw translation JSON by language and namespace; the interface's own (ui.json) stays in the code. */
function localesOf(root: string, watch: (file: string) => void): Record<string, Record<string, string>> {
  const dir = join(root, 'locales');
  const locales: Record<string, Record<string, string>> = {};
  for (const lang of readdirSync(dir).sort()) {
    for (const f of readdirSync(join(dir, lang))
      .filter((x) => x.endsWith('.json') && x !== 'ui.json')
      .sort()) {
      watch(join(dir, lang, f));
      (locales[lang] ??= {})[f.replace(/\.json$/, '')] = readFileSync(join(dir, lang, f), 'utf8');
    }
  }
  return locales;
}

/**
 * A call's best path, `{ seed, mode, log }` from its golden file (`npm run golden:update`), for the
 * debrief's model answer; null when the call has none.
 */
function bestPath(root: string, id: string, watch: (file: string) => void): unknown {
  const file = join(root, 'test', 'golden', `${id}.json`);
  if (!existsSync(file)) return null;
  watch(file);
  try {
    const g = JSON.parse(readFileSync(file, 'utf8')) as { seed: unknown; mode: unknown; log: unknown };
    return { seed: g.seed, mode: g.mode, log: g.log };
  } catch {
    // A broken golden file costs the debrief its model answer, not the game its content.
    return null;
  }
}
