// A call, the playbook or a translation from its bytes, checked: every problem is a diagnostic,
// even a bug of the checker. Pure (no file system): the command line, the Studio's worker and the
// game's pack import all check through here, so they say the same thing about the same bytes.
import { loadPlaybook, loadScenario, type LoadedScenario } from './load.ts';
import type { PlaybookModel } from './playbook.ts';
import { capDiagnostics, decodeContent } from './reading.ts';
import type { Diagnostic } from './source.ts';
import type { TranslationFile } from './texts.ts';
import type { Lang } from '../i18n/lang.ts';

/** Loads the playbook from its bytes: every problem is a diagnostic, even a checker bug. */
export function playbookFromBytes(
  file: string,
  bytes: Uint8Array,
): { playbook: PlaybookModel | null; diags: Diagnostic[] } {
  const decoded = decodeContent(file, bytes);
  if (!decoded.ok) return { playbook: null, diags: [decoded.diag] };
  try {
    const r = loadPlaybook(file, decoded.text);
    return { playbook: r.playbook, diags: capDiagnostics(r.diags) };
  } catch (e) {
    return { playbook: null, diags: [checkerFailed(file, e)] };
  }
}

/** A translation file from its bytes; bytes that are not text are its `problem`. */
export function translationFromBytes(file: string, bytes: Uint8Array): TranslationFile {
  const decoded = decodeContent(file, bytes);
  return decoded.ok ? { file, text: decoded.text } : { file, text: '', problem: decoded.diag };
}

/** Loads a call from its bytes: every problem is a diagnostic (at most 100 per file), even a checker bug. */
export function scenarioFromBytes(
  file: string,
  bytes: Uint8Array,
  translations: Partial<Record<Lang, TranslationFile>>,
  playbook: PlaybookModel,
): LoadedScenario {
  const none = { file, doc: null, model: null, texts: [] };
  const decoded = decodeContent(file, bytes);
  if (!decoded.ok) return { ...none, diags: [decoded.diag] };
  try {
    const loaded = loadScenario({ file, text: decoded.text, translations }, playbook);
    return { ...loaded, diags: capDiagnostics(loaded.diags) };
  } catch (e) {
    return { ...none, diags: [checkerFailed(file, e)] };
  }
}

/** A bug of the checker met on one file: said about that file, and the others are still checked. */
export function checkerFailed(file: string, e: unknown): Diagnostic {
  const detail = String(e instanceof Error ? `${e.name}: ${e.message}` : e).split('\n')[0]!;
  return { file, line: 1, col: 1, severity: 'error', code: 'internalError', params: { detail } };
}
