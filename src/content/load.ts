// Loading a call: YAML → zod → compiled model, plus its translations. Never throws on content.
import type { ScenarioModel } from '../engine/model.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { compileScenario } from './compile.ts';
import { compilePlaybook, type PlaybookModel } from './playbook.ts';
import { Playbook, Scenario, type ScenarioDoc } from './schema.ts';
import { positionOf, type Diagnostic } from './source.ts';
import { parseSource } from './parse.ts';
import { checkTranslation, scenarioTexts, type TextEntry, type TranslationFile } from './texts.ts';
import { validate } from './validate.ts';
import { lintScenario } from './lint.ts';

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
  const parsed = parseSource(file, input.text);
  if (parsed.diags.length) return { file, doc: null, model: null, texts: [], diags: parsed.diags };
  const { value: doc, diags } = validate(Scenario, parsed.source, parsed.data);
  if (!doc) return { file, doc: null, model: null, texts: [], diags };
  const compiled = compileScenario(doc, parsed.source, playbook);
  const texts = scenarioTexts(doc);
  const all: Diagnostic[] = [...compiled.diags];
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
  return { playbook: checked.playbook, diags: [...diags, ...checked.diags] };
}
