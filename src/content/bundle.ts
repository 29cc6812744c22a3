// The calls, playbook and translations as the game loads them (browser side): one JSON file that
// vite.config.ts builds from scenarios/ and locales/, fetched at start.
import contentUrl from 'virtual:hotliner-content';
import { parseBestPath } from '../analysis/model-answer.ts';
import type { CallLog } from '../engine/replay.ts';
import { brokenCall, bundledPlaybook, bundledScenario } from './bundled.ts';
import type { LoadedScenario } from './load.ts';
import type { PlaybookModel } from './playbook.ts';
import type { Diagnostic } from './source.ts';

/** The interface's own strings, in the code: they must be there even if the content is not. */
const uiFiles = import.meta.glob('/locales/*/ui.json', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

type DataFile = { readonly file: string; readonly data: unknown };
/** A file left out of the content because it does not pass the checker, with its errors. */
export type ContentProblem = { readonly file: string; readonly diags: readonly Diagnostic[] };
/**
 * What the content file holds: parsed YAML per file (with each call's best path, for the
 * debrief's model answer), and raw translation JSON by language and namespace.
 */
export type ContentData = {
  /** Its data is null when the playbook does not pass the checker (then listed in `problems`). */
  readonly playbook: DataFile;
  readonly calls: readonly (DataFile & { readonly best?: unknown })[];
  readonly locales: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * The files left out (src/content/gather.ts): only the dev server serves any, so that the menu
   * shows them; a build with one fails.
   */
  readonly problems?: readonly ContentProblem[];
};

export type Library = {
  readonly playbook: PlaybookModel | null;
  readonly calls: readonly LoadedScenario[];
  readonly diags: readonly Diagnostic[];
  /** Raw translation JSON by language and namespace. */
  readonly locales: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Each call's best path by call id (the debrief's model answer); absent for a call without one. */
  readonly bestPaths?: ReadonlyMap<string, CallLog>;
};

/** The interface strings alone, by language (ui namespace). */
export function uiLocales(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [path, text] of Object.entries(uiFiles)) {
    const m = /\/locales\/(\w+)\/ui\.json$/.exec(path);
    if (m) (out[m[1]!] ??= {}).ui = text;
  }
  return out;
}

/** Fetches the content file; rejects with the address and the reason when it cannot. */
export async function fetchContent(): Promise<ContentData> {
  const res = await fetch(contentUrl);
  if (!res.ok) throw new Error(`${contentUrl}: HTTP ${res.status}`);
  return (await res.json()) as ContentData;
}

/**
 * Compiles the content; a broken call is listed with its diagnostics (and no model), never thrown
 * nor dropped: the files the content left out (`problems`) are listed alike.
 */
export function libraryOf(content: ContentData): Library {
  const locales = uiLocales();
  for (const [lang, files] of Object.entries(content.locales)) Object.assign((locales[lang] ??= {}), files);
  const problems = content.problems ?? [];
  const left = problems.filter((p) => p.file !== content.playbook.file).map((p) => brokenCall(p.file, p.diags));
  const pbDiags = problems.filter((p) => p.file === content.playbook.file).flatMap((p) => p.diags);
  if (content.playbook.data == null) return { playbook: null, calls: left, diags: pbDiags, locales };
  const pb = bundledPlaybook(content.playbook);
  if (!pb.playbook) return { playbook: null, calls: left, diags: [...pbDiags, ...pb.diags], locales };
  const calls = [...content.calls.map((f) => bundledScenario(f, pb.playbook!)), ...left];
  const bestPaths = new Map<string, CallLog>();
  content.calls.forEach((f, i) => {
    // The document's id (the model's): asking for the model here would compile every call at start.
    const id = calls[i]?.doc?.id;
    const best = id ? parseBestPath(id, f.best) : null;
    if (id && best) bestPaths.set(id, best);
  });
  return { playbook: pb.playbook, calls, diags: pb.diags, locales, bestPaths };
}
