// The words of a playtest: the engine speaks in keys (`<call>:nodes.x.customer`,
// `playbook:steps.greet`); the Studio reads them from the draft itself (its source texts, or its
// translation JSON) and the playbook, in the trainer's language, falling back to the source.
import type { LoadedScenario } from '../content/load.ts';
import { PLAYBOOK_NS, playbookTexts, type PlaybookModel } from '../content/playbook.ts';
import { flatten } from '../content/texts.ts';
import type { Lang } from '../i18n/lang.ts';

/** Looks up a content key, or null for a key that is not content (the interface's own strings). */
export type ContentWords = (key: string) => string | null;

function flatJson(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    return flatten(JSON.parse(text));
  } catch {
    return {};
  }
}

/** The content words for `lang`: the call's, then the playbook's. */
export function contentWords(
  call: LoadedScenario,
  translation: string | null,
  playbook: PlaybookModel,
  playbookEn: string | null,
  lang: Lang,
): ContentWords {
  const ns = call.model?.ns ?? call.doc?.id ?? '';
  const source = new Map(call.texts.map((t) => [t.key, t.text]));
  const callTr = call.doc?.lang === lang ? {} : flatJson(translation);
  const pbSource = new Map(playbookTexts(playbook.doc).map((t) => [t.key, t.text]));
  const pbTr = playbook.doc.lang === lang ? {} : flatJson(playbookEn);
  const pick = (tr: Record<string, unknown>, src: Map<string, string>, key: string): string => {
    const v = Object.hasOwn(tr, key) ? tr[key] : undefined;
    return typeof v === 'string' && v.trim() ? v : (src.get(key) ?? key);
  };
  return (key) => {
    const cut = key.indexOf(':');
    if (cut < 0) return null;
    const space = key.slice(0, cut);
    const rest = key.slice(cut + 1);
    if (space === ns) return pick(callTr, source, rest);
    if (space === PLAYBOOK_NS) return pick(pbTr, pbSource, rest);
    return null;
  };
}
