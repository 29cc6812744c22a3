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

/** Compiles a bundled call; a broken one (bypassing the checker) is listed with its diagnostics. */
export function bundledScenario(f: BundledFile, pb: PlaybookModel): LoadedScenario {
  const doc = f.data as ScenarioDoc;
  try {
    const { model, diags } = compileScenario(doc, dataSource(f.file), pb);
    return { file: f.file, doc, model, texts: scenarioTexts(doc), diags };
  } catch (e) {
    const diag: Diagnostic = {
      file: f.file,
      line: 1,
      col: 1,
      severity: 'error',
      code: 'invalid',
      params: { path: '', detail: String(e) },
    };
    return { file: f.file, doc: null, model: null, texts: [], diags: [diag] };
  }
}
