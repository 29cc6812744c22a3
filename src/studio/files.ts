// A draft's file names and languages, as the repository would hold them (no checker code here:
// the page imports this, the check worker the checker).
import type { Lang } from '../i18n/lang.ts';

/** The language a call's YAML is written in (its `lang:` line), French unless it says English. */
export function sourceLang(yaml: string): Lang {
  return /^lang:\s*["']?en\b/m.test(yaml) ? 'en' : 'fr';
}

/** The other language: the one the translation JSON is in. */
export function translationLang(yaml: string): Lang {
  return sourceLang(yaml) === 'en' ? 'fr' : 'en';
}

/** The file names the checker speaks of, as in the repository. */
export function draftFiles(d: { readonly name: string; readonly yaml: string }): { yaml: string; translation: string } {
  return { yaml: `scenarios/${d.name}.yaml`, translation: `locales/${translationLang(d.yaml)}/${d.name}.json` };
}
