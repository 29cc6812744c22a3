// Test helpers for call packs: a pack made with writePack from a library call, under another id.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../../src/cli/repo.ts';
import { contentHash } from '../../src/content/content-hash.ts';
import { fingerprint } from '../../src/content/texts.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { writePack } from '../../src/packs/pack.ts';

export const playbookData = (): unknown => parse(readFileSync(join(ROOT, 'scenarios', 'playbook.yaml'), 'utf8'));

export type PackSource = { yaml: string; translations: Partial<Record<Lang, string>>; lang: Lang; title: string };

/**
 * A library call's files with its id replaced by `id` and, when `suffix` is given, its titles told
 * apart from the library's (" — <suffix>" in both languages, the translation's stamp kept current).
 */
export function librarySource(from: string, id: string, suffix?: string): PackSource {
  let yaml = readFileSync(join(ROOT, 'scenarios', `${from}.yaml`), 'utf8').replace(
    new RegExp(`^id: ${from}$`, 'm'),
    `id: ${id}`,
  );
  const original = parse(yaml) as { lang: Lang; title: string };
  const en = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', `${from}.json`), 'utf8')) as {
    title: string;
    _sources: Record<string, string>;
  };
  const title = suffix ? `${original.title} — ${suffix}` : original.title;
  if (suffix) {
    yaml = yaml.replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`);
    en.title = `${en.title} — ${suffix}`;
    en._sources.title = fingerprint(title);
  }
  return { yaml, translations: { en: `${JSON.stringify(en, null, 1)}\n` }, lang: original.lang, title };
}

/** Writes a pack of `src` under `id`, its hash worked out from the YAML as written. */
export async function packOf(
  id: string,
  src: PackSource,
  created = new Date('2026-01-02T03:04:05Z'),
): Promise<Uint8Array> {
  const data: unknown = JSON.parse(JSON.stringify(parse(src.yaml)));
  const hash = await contentHash(playbookData(), data);
  return writePack({
    id,
    lang: src.lang,
    title: src.title,
    hash,
    yaml: src.yaml,
    translations: src.translations,
    created,
  });
}

/** A pack of library call `from`, renamed `id`. */
export const libraryPack = (from: string, id: string, suffix?: string): Promise<Uint8Array> =>
  packOf(id, librarySource(from, id, suffix));
