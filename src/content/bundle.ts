// The calls, playbook and translations as bundled into the game by Vite (browser side).
import { loadPlaybook, type PlaybookModel } from './playbook.ts';
import { loadScenario, type Lang, type LoadedScenario } from './load.ts';
import type { Diagnostic } from './source.ts';
import type { TranslationFile } from './texts.ts';

const yamlFiles = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const localeFiles = import.meta.glob('/locales/*/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export type Library = {
  readonly playbook: PlaybookModel | null;
  readonly calls: readonly LoadedScenario[];
  readonly diags: readonly Diagnostic[];
  /** Raw translation JSON by language and namespace. */
  readonly locales: Readonly<Record<string, Readonly<Record<string, string>>>>;
};

/** Loads everything bundled; a broken call is listed with its diagnostics, never thrown. */
export function loadLibrary(): Library {
  const locales: Record<string, Record<string, string>> = {};
  for (const [path, text] of Object.entries(localeFiles)) {
    const m = /\/locales\/(\w+)\/([\w-]+)\.json$/.exec(path);
    if (m) (locales[m[1]!] ??= {})[m[2]!] = text;
  }
  const pbText = yamlFiles['/scenarios/playbook.yaml'] ?? '';
  const pb = loadPlaybook('scenarios/playbook.yaml', pbText);
  if (!pb.playbook) return { playbook: null, calls: [], diags: pb.diags, locales };
  const calls = Object.entries(yamlFiles)
    .filter(([path]) => !path.endsWith('/playbook.yaml'))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, text]) => {
      const id = path.replace(/^.*\//, '').replace(/\.yaml$/, '');
      const translations: Partial<Record<Lang, TranslationFile>> = {};
      for (const lang of ['fr', 'en'] as const) {
        const t = locales[lang]?.[id];
        if (t) translations[lang] = { file: `locales/${lang}/${id}.json`, text: t };
      }
      return loadScenario({ file: path.slice(1), text, translations }, pb.playbook!);
    });
  return { playbook: pb.playbook, calls, diags: pb.diags, locales };
}
