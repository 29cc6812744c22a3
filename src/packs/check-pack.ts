// A pack judged before it is accepted: read (pack.ts), its call checked exactly as
// `npm run scenarios:check` checks a file (checkCall: same messages, same naive-strategy warnings;
// a YAML id that is not the file's is the checker's idMismatch), its content hash compared with its
// manifest, then the analyser must find it winnable. Errors refuse the pack; warnings are shown but
// do not. Pure and browser-safe: the game's import worker and `scenarios:import` judge packs here
// (the team server checks a session's calls with the same checkCall: src/server/session-calls.ts).
import { yamlData } from '../content/yaml-data.ts';
import { analyze } from '../analysis/analyze.ts';
import { checkCall } from '../analysis/check-call.ts';
import { contentHash } from '../content/content-hash.ts';
import { translationFromBytes } from '../content/from-bytes.ts';
import type { LoadedScenario } from '../content/load.ts';
import { checkerText, messageOf } from '../content/messages.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { Diagnostic } from '../content/source.ts';
import type { TranslationFile } from '../content/texts.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { callPath, readPack, translationPath, type PackManifest, type PackProblem } from './pack.ts';

/** One sentence for the person importing: where (file:line:col, when known) and what, in their language. */
export type PackMessage = { readonly where: string | null; readonly text: string };

export type AcceptedPack = {
  readonly manifest: PackManifest;
  /** The call's YAML text, and its document parsed as the build parses it (JSON data). */
  readonly text: string;
  readonly data: unknown;
  /** Translation JSON text by language. */
  readonly translations: Partial<Record<Lang, string>>;
  /** The call's content version against this playbook (equal to the manifest's). */
  readonly hash: string;
  readonly title: string;
  readonly warnings: readonly PackMessage[];
  /** The analyser's verdict. */
  readonly analysis: { readonly bestScore: number; readonly states: number };
};

export type PackVerdict =
  | ({ readonly ok: true } & AcceptedPack)
  | { readonly ok: false; readonly errors: readonly PackMessage[]; readonly warnings: readonly PackMessage[] };

export type PackCheckOptions = {
  readonly playbook: PlaybookModel;
  /** The playbook's parsed document, for the content hash. */
  readonly playbookData: unknown;
  /** The language of the messages. */
  readonly lang: Lang;
  /** Ids a pack may not take (the library's calls). */
  readonly reservedIds?: ReadonlySet<string>;
  /** Told when each stage starts, for a progress line. */
  readonly onStage?: (stage: 'checking' | 'analysing') => void;
};

/** The sentence for a pack problem in `lang`. */
export function packMessage(p: PackProblem, lang: Lang): PackMessage {
  return { where: null, text: checkerText(lang, `pack.${p.code}`, p.params) };
}

/** A diagnostic as the person reads it. */
export function diagMessage(d: Diagnostic, lang: Lang): PackMessage {
  return { where: `${d.file}:${d.line}:${d.col}`, text: messageOf(d, lang) };
}

/** Reads, checks and analyses a pack; never throws on bytes. */
export async function checkPack(bytes: Uint8Array, opts: PackCheckOptions): Promise<PackVerdict> {
  const { lang } = opts;
  opts.onStage?.('checking');
  const read = readPack(bytes);
  const refuse = (errors: readonly PackMessage[], warnings: readonly PackMessage[] = []): PackVerdict => ({
    ok: false,
    errors,
    warnings,
  });
  if (!read.ok) return refuse(read.problems.map((p) => packMessage(p, lang)));
  const { manifest, yaml } = read.pack;
  const problem = (code: PackProblem['code'], params: Record<string, string>): PackMessage =>
    packMessage({ code, params }, lang);
  if (opts.reservedIds?.has(manifest.id)) return refuse([problem('libraryId', { id: manifest.id })]);
  const translations: Partial<Record<Lang, TranslationFile>> = {};
  for (const l of LANGS) {
    const t = read.pack.translations[l];
    if (t) translations[l] = translationFromBytes(translationPath(l, manifest.id), t);
  }
  const file = callPath(manifest.id);
  const checked = checkCall(file, yaml, translations, opts.playbook, lang);
  const errors = checked.diags.filter((d) => d.severity === 'error').map((d) => diagMessage(d, lang));
  const warnings = checked.diags.filter((d) => d.severity === 'warning').map((d) => diagMessage(d, lang));
  const { loaded } = checked;
  // The file is named after the manifest's id: a YAML id that differs is the checker's idMismatch.
  if (errors.length || !loaded.model || !loaded.doc) return refuse(errors, warnings);
  const text = new TextDecoder().decode(yaml);
  // As the build makes the game's content file: the YAML parsed, then through JSON.
  const data: unknown = yamlData(text);
  const hash = await contentHash(opts.playbookData, data);
  if (hash !== manifest.hash)
    return refuse(
      [problem('hashMismatch', { found: hash.slice(0, 12), expected: manifest.hash.slice(0, 12) })],
      warnings,
    );
  opts.onStage?.('analysing');
  const verdict = winnable(loaded, lang);
  if (!verdict.ok) return refuse([{ where: file, text: verdict.text }], warnings);
  const texts: Partial<Record<Lang, string>> = {};
  for (const l of LANGS) {
    const t = translations[l];
    if (t && !t.problem) texts[l] = t.text;
  }
  return {
    ok: true,
    manifest,
    text,
    data,
    translations: texts,
    hash,
    title: loaded.doc.title,
    warnings,
    analysis: verdict.analysis,
  };
}

/** The analyser's verdict: a call nobody can pass is refused. */
function winnable(
  loaded: LoadedScenario,
  lang: Lang,
): { ok: true; analysis: { bestScore: number; states: number } } | { ok: false; text: string } {
  // Random play only completes a search that stops early; a few hundred plays are enough for that.
  const a = analyze(loaded.model!, { randomPlays: 200 });
  if (a.winnable) return { ok: true, analysis: { bestScore: a.bestScore, states: a.states } };
  const key = a.truncated ? 'pack.notWinnableCapped' : 'pack.notWinnable';
  return { ok: false, text: checkerText(lang, key, { states: String(a.states) }) };
}

/** The messages as lines: "file:line:col  text", or the text alone. */
export function formatPackMessages(messages: readonly PackMessage[]): string[] {
  return messages.map((m) => (m.where ? `${m.where}  ${m.text}` : m.text));
}
