// One call checked as `npm run scenarios:check` checks it: the loader's diagnostics (structure,
// references, translations, lint) and the warning when a naive strategy passes the call. Pure:
// the command line, the Studio's worker and the game's pack import all call this.
import { scenarioFromBytes } from '../content/from-bytes.ts';
import { sortDiags, type LoadedScenario } from '../content/load.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { Diagnostic } from '../content/source.ts';
import type { TranslationFile } from '../content/texts.ts';
import type { Lang } from '../i18n/lang.ts';
import { naiveWarnings } from './naive-warnings.ts';

export type CallCheck = { readonly loaded: LoadedScenario; readonly diags: readonly Diagnostic[] };

/**
 * Checks one call from its bytes and its translations (by language). `lang` is the language the
 * naive-strategy warning's description is written in. Never throws on content.
 */
export function checkCall(
  file: string,
  bytes: Uint8Array,
  translations: Partial<Record<Lang, TranslationFile>>,
  playbook: PlaybookModel,
  lang: Lang,
): CallCheck {
  const loaded = scenarioFromBytes(file, bytes, translations, playbook);
  if (!loaded.model) return { loaded, diags: sortDiags(loaded.diags) };
  const text = new TextDecoder().decode(bytes);
  return { loaded, diags: sortDiags([...loaded.diags, ...naiveWarnings(loaded, text, playbook, lang)]) };
}
