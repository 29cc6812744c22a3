// The game's own calls, parsed from YAML at build time (vite.config.ts): the browser compiles
// them without the YAML parser or the schema validator, which the checker already ran in CI.
import { compileScenario } from './compile.ts';
import type { LoadedScenario } from './load.ts';
import { compilePlaybook, type PlaybookModel } from './playbook.ts';
import type { PlaybookDoc, ScenarioDoc } from './schema.ts';
import { dataSource, type Diagnostic } from './source.ts';
import { scenarioTexts } from './texts.ts';

export type BundledFile = { readonly file: string; readonly data: unknown };

export function bundledPlaybook(f: BundledFile): { playbook: PlaybookModel | null; diags: Diagnostic[] } {
  return compilePlaybook(f.data as PlaybookDoc, dataSource(f.file));
}

/**
 * A bundled call, compiled the first time its model or diagnostics are asked for, its texts read
 * the first time they are (for its language's translations): opening one call from a link
 * compiles that call alone, and the menu compiles the others when it lists them. A call that
 * fails to compile (bypassing the checker) is listed with its diagnostics and no model.
 */
export function bundledScenario(f: BundledFile, pb: PlaybookModel): LoadedScenario {
  const doc = f.data as ScenarioDoc;
  let compiled: Pick<LoadedScenario, 'model' | 'diags'> | null = null;
  let texts: LoadedScenario['texts'] | null = null;
  const compile = (): Pick<LoadedScenario, 'model' | 'diags'> => {
    try {
      compiled ??= compileScenario(doc, dataSource(f.file), pb);
    } catch (e) {
      compiled = brokenCall(f.file, [thrown(f.file, e)]);
    }
    return compiled;
  };
  return {
    file: f.file,
    doc,
    get texts() {
      try {
        texts ??= scenarioTexts(doc);
      } catch {
        texts = [];
      }
      return texts;
    },
    get model() {
      return compile().model;
    },
    get diags() {
      return compile().diags;
    },
  };
}

/** A call listed with its diagnostics and nothing to play (the menu shows why). */
export function brokenCall(file: string, diags: readonly Diagnostic[]): LoadedScenario {
  return { file, doc: null, model: null, texts: [], diags };
}

function thrown(file: string, e: unknown): Diagnostic {
  return { file, line: 1, col: 1, severity: 'error', code: 'invalid', params: { path: '', detail: String(e) } };
}
