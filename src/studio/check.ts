// The Studio's check of a draft: exactly `npm run scenarios:check` on one call (the same entry
// point, src/analysis/check-call.ts), with each diagnostic's sentence in the trainer's language
// and the editor it belongs to. Pure: the check worker runs it; the tests compare it with the CLI.
import { checkCall } from '../analysis/check-call.ts';
import { translationFromBytes } from '../content/from-bytes.ts';
import { messageOf } from '../content/messages.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { Diagnostic } from '../content/source.ts';
import type { TranslationFile } from '../content/texts.ts';
import type { Lang } from '../i18n/lang.ts';
import { draftFiles, translationLang } from './files.ts';

export { draftFiles, sourceLang, translationLang } from './files.ts';

/** What the trainer edits: the call's YAML and its translation JSON, under the call's file name. */
export type DraftTexts = {
  /** The call's file name without `.yaml` (its `id:` must match it). */
  readonly name: string;
  readonly yaml: string;
  /** The translation into the other language (JSON), or null when there is none yet. */
  readonly translation: string | null;
};

/** Which editor a diagnostic is shown in: the call's YAML, its translation, or neither (another file). */
export type DiagTarget = 'yaml' | 'translation' | 'other';

export type StudioDiag = Diagnostic & { readonly message: string; readonly target: DiagTarget };

/** Checks a draft as the command line would check the same files in the repository. */
export function checkDraft(d: DraftTexts, playbook: PlaybookModel, lang: Lang): StudioDiag[] {
  const files = draftFiles(d);
  const encode = (s: string): Uint8Array => new TextEncoder().encode(s);
  const translations: Partial<Record<Lang, TranslationFile>> = {};
  if (d.translation !== null)
    translations[translationLang(d.yaml)] = translationFromBytes(files.translation, encode(d.translation));
  const { diags } = checkCall(files.yaml, encode(d.yaml), translations, playbook, lang);
  return diags.map((x) => ({
    ...x,
    message: messageOf(x, lang),
    target: x.file === files.yaml ? 'yaml' : x.file === files.translation ? 'translation' : 'other',
  }));
}
