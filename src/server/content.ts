// The calls the server replays results against: compiled from scenarios/ at start (as the checker
// reads them), each with its content version (src/content/content-hash.ts) and its titles.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { PLAYBOOK_FILE, readPlaybook, readScenario, ROOT, scenarioFiles } from '../cli/repo.ts';
import { contentHash } from '../content/content-hash.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';

export type ServerCall = {
  readonly id: string;
  readonly model: ScenarioModel;
  readonly hash: string;
  /** The call's title by language (its own, and its translations'). */
  readonly titles: Partial<Record<Lang, string>>;
  /** The playbook steps this call scores, in order: the room's columns. */
  readonly steps: readonly { readonly id: string; readonly key: string }[];
};

export type ServerContent = {
  readonly calls: ReadonlyMap<string, ServerCall>;
  /** The playbook, compiled and as parsed: a session's imported calls are checked and hashed against it. */
  readonly playbook?: PlaybookModel;
  readonly playbookData?: unknown;
  /** The ids among `calls` a session brought with it (src/server/session-calls.ts). */
  readonly imported?: ReadonlySet<string>;
  /** Calls that did not compile, left out (file: first problem). */
  readonly broken: readonly string[];
};

/** Loads and compiles every call; a broken playbook is fatal (no call can be replayed). */
export async function loadContent(): Promise<ServerContent> {
  const pb = readPlaybook();
  if (!pb.playbook) throw new Error(`the playbook does not load: ${JSON.stringify(pb.diags[0] ?? null)}`);
  const playbookData: unknown = parse(readFileSync(PLAYBOOK_FILE, 'utf8'));
  const calls = new Map<string, ServerCall>();
  const broken: string[] = [];
  for (const file of scenarioFiles()) {
    const loaded = readScenario(file, pb.playbook);
    const model = loaded.model;
    if (!model || loaded.diags.some((d) => d.severity === 'error')) {
      broken.push(`${basename(file)}: ${loaded.diags.find((d) => d.severity === 'error')?.code ?? 'not compiled'}`);
      continue;
    }
    const data: unknown = parse(readFileSync(file, 'utf8'));
    calls.set(model.id, {
      id: model.id,
      model,
      hash: await contentHash(playbookData, data),
      titles: titlesOf(model.id, data),
      steps: model.scoredSteps.map((i) => ({ id: model.steps[i]!.id, key: model.steps[i]!.key })),
    });
  }
  return { calls, broken, playbook: pb.playbook, playbookData };
}

/** A call's title by language: its own (`data.title` in `data.lang`) over its translations'. */
export function titlesFrom(data: unknown, translations: Partial<Record<Lang, string>>): Partial<Record<Lang, string>> {
  const doc = data as { title?: unknown; lang?: unknown };
  const out: Partial<Record<Lang, string>> = {};
  for (const [lang, text] of Object.entries(translations) as [Lang, string][]) {
    try {
      const title = (JSON.parse(text) as { title?: unknown }).title;
      if (typeof title === 'string') out[lang] = title;
    } catch {
      // A broken translation leaves that language without a title.
    }
  }
  if (typeof doc.title === 'string' && LANGS.includes(doc.lang as Lang)) out[doc.lang as Lang] = doc.title;
  return out;
}

function titlesOf(id: string, data: unknown): Partial<Record<Lang, string>> {
  const translations: Partial<Record<Lang, string>> = {};
  for (const lang of LANGS) {
    const file = join(ROOT, 'locales', lang, `${id}.json`);
    if (existsSync(file)) translations[lang] = readFileSync(file, 'utf8');
  }
  return titlesFrom(data, translations);
}

/**
 * Whether the built game (dist/) was built from the content loaded here: the calls whose version
 * differs from the built content file's (results for them would be refused), or null when there
 * is no build to compare.
 */
export async function staleCalls(dist: string, content: ServerContent): Promise<string[] | null> {
  const assets = join(dist, 'assets');
  if (!existsSync(assets)) return null;
  const file = readdirSync(assets).find((f) => /^content-.*\.json$/.test(f));
  if (!file) return null;
  const built = JSON.parse(readFileSync(join(assets, file), 'utf8')) as {
    playbook: { data: unknown };
    calls: { data: { id?: unknown } }[];
  };
  const hashes = new Map<unknown, string>();
  for (const c of built.calls) hashes.set(c.data?.id, await contentHash(built.playbook.data, c.data));
  return [...content.calls.values()].filter((c) => hashes.get(c.id) !== c.hash).map((c) => c.id);
}
