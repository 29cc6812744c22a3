// The calls, playbook and translations as bundled into the game by Vite (browser side).
import content from 'virtual:hotliner-content';
import { bundledPlaybook, bundledScenario } from './bundled.ts';
import type { LoadedScenario } from './load.ts';
import type { PlaybookModel } from './playbook.ts';
import type { Diagnostic } from './source.ts';

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
  const pb = bundledPlaybook(content.playbook);
  if (!pb.playbook) return { playbook: null, calls: [], diags: pb.diags, locales };
  const calls = content.calls.map((f) => bundledScenario(f, pb.playbook!));
  return { playbook: pb.playbook, calls, diags: pb.diags, locales };
}
