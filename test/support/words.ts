// The game's real words in tests: an i18next instance built as the game builds it, from the
// repository's calls, playbook and translations.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { i18n, TFunction } from 'i18next';
import type { Library } from '../../src/content/bundle.ts';
import { ROOT, readScenario, scenarioFiles } from '../../src/cli/repo.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { playbook } from './load.ts';

function library(): Library {
  const locales: Record<string, Record<string, string>> = {};
  for (const lang of readdirSync(join(ROOT, 'locales')))
    for (const f of readdirSync(join(ROOT, 'locales', lang)).filter((x) => x.endsWith('.json')))
      (locales[lang] ??= {})[f.replace(/\.json$/, '')] = readFileSync(join(ROOT, 'locales', lang, f), 'utf8');
  const pb = playbook();
  return { playbook: pb, calls: scenarioFiles().map((f) => readScenario(f, pb)), diags: [], locales };
}

/** The game's i18next instance, started in `lang`. */
export function realI18n(lang: Lang): Promise<i18n> {
  return createI18n(library(), lang);
}

/** The words of the game in `lang` (a missing key is reported through console.warn, as in the game). */
export async function realWords(lang: Lang): Promise<TFunction> {
  const inst = await realI18n(lang);
  return inst.t.bind(inst);
}
