// The one place i18next is used: UI strings, the playbook and each call's namespace.
import i18next, { type i18n } from 'i18next';
import type { Library } from '../content/bundle.ts';
import { playbookTexts } from '../content/playbook.ts';
import { SOURCES_KEY, unflatten } from '../content/texts.ts';
import { LANGS, type Lang } from './lang.ts';

function parse(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    delete json[SOURCES_KEY];
    return json;
  } catch {
    return {};
  }
}

/** An i18next instance holding every namespace of the library, in both languages. */
export async function createI18n(lib: Library, lng: Lang): Promise<i18n> {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const lang of LANGS) {
    resources[lang] = {};
    for (const [ns, text] of Object.entries(lib.locales[lang] ?? {}))
      if (ns !== 'checker') resources[lang][ns] = parse(text);
  }
  if (lib.playbook) {
    const source = Object.fromEntries(playbookTexts(lib.playbook.doc).map((t) => [t.key, t.text]));
    resources[lib.playbook.doc.lang]!.playbook = unflatten(source);
  }
  for (const call of lib.calls) {
    if (!call.doc) continue;
    resources[call.doc.lang]![call.doc.id] = unflatten(Object.fromEntries(call.texts.map((t) => [t.key, t.text])));
  }
  const inst = i18next.createInstance();
  await inst.init({
    lng,
    fallbackLng: false,
    supportedLngs: [...LANGS],
    defaultNS: 'ui',
    ns: Object.keys(resources.fr ?? {}),
    resources,
    // Text only ever reaches the page through textContent, so nothing needs HTML escaping.
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => console.warn(`i18n: missing key ${ns}:${key}`),
  });
  return inst;
}
