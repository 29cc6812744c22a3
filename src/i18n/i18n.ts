// The one place i18next is used: UI strings, the playbook and each call's namespace.
import i18next, { type BackendModule, type i18n, type TFunction } from 'i18next';
import type { Library } from '../content/bundle.ts';
import type { LoadedScenario } from '../content/load.ts';
import { playbookTexts } from '../content/playbook.ts';
import { SOURCES_KEY, unflatten } from '../content/texts.ts';
import { isLang, LANGS, type Lang } from './lang.ts';

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

type Bundle = Record<string, Record<string, unknown>>;

/**
 * One language's namespaces: its translation files, then the texts of the playbook and of the
 * calls written in that language (their source texts win over a translation file).
 */
function bundleOf(lib: Library, lang: Lang): Bundle {
  const out: Bundle = {};
  for (const [ns, text] of Object.entries(lib.locales[lang] ?? {})) if (ns !== 'checker') out[ns] = parse(text);
  if (lib.playbook?.doc.lang === lang)
    out.playbook = unflatten(Object.fromEntries(playbookTexts(lib.playbook.doc).map((t) => [t.key, t.text])));
  for (const call of lib.calls)
    if (call.doc?.lang === lang)
      out[call.doc.id] = unflatten(Object.fromEntries(call.texts.map((t) => [t.key, t.text])));
  return out;
}

/** Every namespace of the library, in any language (read without parsing anything). */
function namespacesOf(lib: Library): string[] {
  const names = new Set<string>(lib.playbook ? ['playbook'] : []);
  for (const lang of LANGS) for (const ns of Object.keys(lib.locales[lang] ?? {})) if (ns !== 'checker') names.add(ns);
  for (const call of lib.calls) if (call.doc) names.add(call.doc.id);
  return [...names];
}

/**
 * An i18next instance over every namespace of the library. The language asked for is read at
 * once; the other when the trainee switches to it (through a backend that reads the library):
 * starting the game does not parse translations nobody reads.
 */
export async function createI18n(lib: Library, lng: Lang): Promise<i18n> {
  const bundles = new Map<Lang, Bundle>();
  const bundle = (lang: Lang): Bundle => bundles.get(lang) ?? bundles.set(lang, bundleOf(lib, lang)).get(lang)!;
  const library: BackendModule = {
    type: 'backend',
    init: () => {},
    read: (language, ns, done) => done(null, isLang(language) ? (bundle(language)[ns] ?? {}) : {}),
  };
  const inst = i18next.createInstance().use(library);
  await inst.init({
    lng,
    fallbackLng: false,
    supportedLngs: [...LANGS],
    defaultNS: 'ui',
    ns: namespacesOf(lib),
    resources: { [lng]: bundle(lng) },
    partialBundledLanguages: true,
    // Text only ever reaches the page through textContent, so nothing needs HTML escaping.
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: true,
    missingKeyHandler: (_lngs, ns, key) => console.warn(`i18n: missing key ${ns}:${key}`),
  });
  contentVerbatim(inst);
  return inst;
}

/**
 * Adds (or replaces) one call's namespace in every language: a call imported while the game runs
 * (src/packs). Its own language from its texts, the others from their translation JSON.
 */
export function addCallTexts(inst: i18n, call: LoadedScenario, translations: Partial<Record<Lang, string>>): void {
  const doc = call.doc;
  if (!doc) return;
  for (const lang of LANGS) {
    const texts =
      doc.lang === lang
        ? unflatten(Object.fromEntries(call.texts.map((t) => [t.key, t.text])))
        : parse(translations[lang]);
    inst.addResourceBundle(lang, doc.id, texts, false, true);
  }
}

/** The interface's own namespace: its strings interpolate values. Every other namespace is content. */
const UI_NS = 'ui';

/** The namespace a key is looked up in: its `ns:` prefix (a known namespace), else `opts.ns`, else the UI's. */
function namespaceOf(inst: i18n, key: unknown, opts: { ns?: unknown }): unknown {
  const first = Array.isArray(key) ? key[0] : key;
  const known = inst.options.ns;
  const cut = typeof first === 'string' ? first.indexOf(':') : -1;
  if (cut > 0) {
    const prefix = (first as string).slice(0, cut);
    if (Array.isArray(known) ? known.includes(prefix) : known === prefix) return prefix;
  }
  return (Array.isArray(opts.ns) ? opts.ns[0] : opts.ns) ?? UI_NS;
}

/**
 * Content texts (the calls' and the playbook's: customer and agent lines, titles, notes…) are
 * words trainers wrote, shown as written: i18next never reads them as nesting (`$t(…)`) or
 * interpolation (`{{…}}`). UI strings keep their interpolation, and a content text given to one
 * as a value stays plain data (i18next's `skipOnVariables`, on by default, is relied upon).
 */
function contentVerbatim(inst: i18n): void {
  const t = inst.t.bind(inst) as unknown as (...args: unknown[]) => unknown;
  const verbatim = (...args: unknown[]): unknown => {
    const [key, second, third] = args;
    const opts = (typeof second === 'object' && second !== null ? second : (third ?? {})) as { ns?: unknown };
    if (namespaceOf(inst, key, opts) === UI_NS) return t(...args);
    const defaultValue = typeof second === 'string' ? { defaultValue: second } : {};
    return t(key, { ...defaultValue, ...opts, skipInterpolation: true, nest: false });
  };
  inst.t = verbatim as unknown as TFunction;
}
