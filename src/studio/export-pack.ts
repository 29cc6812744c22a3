// "Export as a pack": the draft as a `.hotliner` file (src/packs/pack.ts), hashed as the game's
// import checks it (the YAML parsed, then through JSON, against the playbook's parsed document).
import { yamlData } from '../content/yaml-data.ts';
import { contentHash } from '../content/content-hash.ts';
import { packFileName, writePack } from '../packs/pack.ts';
import type { DraftTexts } from './check.ts';
import { sourceLang, translationLang } from './files.ts';

/** The pack's bytes and file name, or null when the YAML does not parse into a call with a title. */
export async function draftPack(
  d: DraftTexts,
  playbookYaml: string,
): Promise<{ readonly bytes: Uint8Array; readonly fileName: string } | null> {
  let data: unknown;
  let playbookData: unknown;
  try {
    data = yamlData(d.yaml);
    playbookData = yamlData(playbookYaml);
  } catch {
    return null;
  }
  const doc = data as { id?: unknown; title?: unknown } | null;
  if (typeof doc?.id !== 'string' || typeof doc.title !== 'string') return null;
  const hash = await contentHash(playbookData, data);
  const translations = d.translation === null ? {} : { [translationLang(d.yaml)]: d.translation };
  const bytes = writePack({ id: doc.id, lang: sourceLang(d.yaml), title: doc.title, hash, yaml: d.yaml, translations });
  return { bytes, fileName: packFileName(doc.id) };
}
