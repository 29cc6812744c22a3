// The map's strings in a language: from locales/<lng>/ui.json (section `studioMap`), for the
// command line and tests; a page with i18next passes its own `t` to `mapLabelsWith`.
import fr from '../../locales/fr/ui.json' with { type: 'json' };
import en from '../../locales/en/ui.json' with { type: 'json' };
import type { Lang } from '../i18n/lang.ts';
import { MAP_LABEL_KEYS, type MapLabels } from './map-scene.ts';

/** The map's labels through a translation function of `studioMap.<key>` keys. */
export function mapLabelsWith(t: (key: string) => string): MapLabels {
  return Object.fromEntries(MAP_LABEL_KEYS.map((k) => [k, t(`studioMap.${k}`)])) as MapLabels;
}

/** The map's labels in `lang`, read from the repository's UI strings. */
export function mapLabels(lang: Lang): MapLabels {
  const table: Record<string, string> = (lang === 'fr' ? fr : en).studioMap;
  return mapLabelsWith((key) => table[key.slice('studioMap.'.length)] ?? key);
}
