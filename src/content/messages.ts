// Diagnostic messages in the trainer's language, from locales/<lng>/checker.json.
import fr from '../../locales/fr/checker.json' with { type: 'json' };
import en from '../../locales/en/checker.json' with { type: 'json' };
import type { Diagnostic } from './source.ts';

type Table = { readonly [k: string]: string | Table };
const TABLES: Record<string, Table> = { fr, en };

function lookup(table: Table, key: string): string | undefined {
  let t: string | Table | undefined = table;
  for (const part of key.split('.')) t = typeof t === 'object' ? t[part] : undefined;
  return typeof t === 'string' ? t : undefined;
}

/** Fills {{name}} placeholders; never interprets the values. */
export function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k] ?? ''));
}

/** A checker string by key in `lang` (English when missing). */
export function checkerText(lang: string, key: string, params: Readonly<Record<string, string | number>> = {}): string {
  const t = lookup(TABLES[lang] ?? en, key) ?? lookup(en, key) ?? key;
  return fill(t, params);
}

/** The sentence a trainer reads for a diagnostic; type names are said in words. */
export function messageOf(d: Diagnostic, lang: string): string {
  const params: Record<string, string> = { ...d.params };
  for (const k of ['expected', 'found'] as const) {
    const v = params[k];
    if (v !== undefined)
      params[k] = v
        .split(' | ')
        .map((t) => lookup(TABLES[lang] ?? en, `types.${t}`) ?? t)
        .join(lang === 'fr' ? ' ou ' : ' or ');
  }
  return checkerText(lang, d.code, params);
}
