// Loading a call: YAML → zod → compiled model, plus its translations. Never throws on content.
import type { ScenarioModel } from '../engine/model.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { compileScenario } from './compile.ts';
import { MAX_LINES, MAX_NODES } from './limits.ts';
import { compilePlaybook, playbookTexts, type PlaybookModel } from './playbook.ts';
import { Playbook, Scenario, type ScenarioDoc } from './schema.ts';
import { diagAt, positionOf, type Diagnostic } from './source.ts';
import { parseSource } from './parse.ts';
import { checkTranslation, scenarioTexts, type TextEntry, type TranslationFile } from './texts.ts';
import { validate } from './validate.ts';
import { lintScenario } from './lint.ts';
import { checkTextSafety } from './text-safety.ts';

export type LoadedScenario = {
  readonly file: string;
  readonly doc: ScenarioDoc | null;
  readonly model: ScenarioModel | null;
  readonly texts: readonly TextEntry[];
  readonly diags: readonly Diagnostic[];
};

export type ScenarioInput = {
  readonly file: string;
  readonly text: string;
  /** Translations by language; a missing one for a language other than the source is an error. */
  readonly translations: Partial<Record<Lang, TranslationFile>>;
};

/** Loads one call; its diagnostics say everything wrong with it; no model when its structure is broken. */
export function loadScenario(input: ScenarioInput, playbook: PlaybookModel): LoadedScenario {
  const { file } = input;
  const tooLong = lineLimit(file, input.text);
  if (tooLong) return { file, doc: null, model: null, texts: [], diags: [tooLong] };
  const parsed = parseSource(file, input.text);
  if (parsed.diags.length) return { file, doc: null, model: null, texts: [], diags: parsed.diags };
  const { value: doc, diags } = validate(Scenario, parsed.source, parsed.data);
  if (!doc) return { file, doc: null, model: null, texts: [], diags };
  const nodeCount = Object.keys(doc.nodes).length;
  if (nodeCount > MAX_NODES) {
    const params = { count: String(nodeCount), max: String(MAX_NODES) };
    return {
      file,
      doc: null,
      model: null,
      texts: [],
      diags: [diagAt(parsed.source, ['nodes'], 'error', 'tooManyNodes', params)],
    };
  }
  const compiled = compileScenario(doc, parsed.source, playbook);
  const texts = scenarioTexts(doc);
  const all: Diagnostic[] = [...compiled.diags, ...checkTextSafety(parsed.source, texts)];
  for (const lang of LANGS) {
    if (lang === doc.lang) continue;
    const tr = input.translations[lang];
    if (!tr) {
      all.push({
        ...positionOf(parsed.source, ['lang']),
        file,
        severity: 'error',
        code: 'translationFileMissing',
        params: { lang, file: `locales/${lang}/${doc.id}.json` },
      });
      continue;
    }
    all.push(...checkTranslation(texts, lang, tr, (p) => positionOf(parsed.source, p), file));
  }
  if (compiled.model) all.push(...lintScenario(doc, parsed.source, compiled.model));
  // Translation problems fail the check but do not stop the call from being played.
  return { file, doc, model: compiled.model, texts, diags: sortDiags(all) };
}

/** A file too long to be a call is refused before it is read (its size alone would stall the checker). */
function lineLimit(file: string, text: string): Diagnostic | null {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0 && lines <= MAX_LINES; i = text.indexOf('\n', i + 1)) lines++;
  if (lines <= MAX_LINES) return null;
  const params = { max: String(MAX_LINES) };
  return { file, line: MAX_LINES + 1, col: 1, severity: 'error', code: 'tooManyLines', params };
}

export function sortDiags(diags: readonly Diagnostic[]): Diagnostic[] {
  return [...diags].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

/** Loads and checks the playbook; a broken playbook gives diagnostics and no model. */
export function loadPlaybook(file: string, text: string): { playbook: PlaybookModel | null; diags: Diagnostic[] } {
  const parsed = parseSource(file, text);
  if (parsed.diags.length) return { playbook: null, diags: parsed.diags };
  const { value: doc, diags } = validate(Playbook, parsed.source, parsed.data);
  if (!doc) return { playbook: null, diags };
  const checked = compilePlaybook(doc, parsed.source);
  const unsafe = checkTextSafety(parsed.source, playbookTexts(doc));
  return { playbook: checked.playbook, diags: [...diags, ...checked.diags, ...unsafe] };
}
