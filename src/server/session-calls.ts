// The calls a session brings with it (imported from packs in the trainer's browser): checked when
// the session is made with the very checker of `scenarios:check` (a bad one is refused with its
// messages), stored, and compiled again when needed to serve them to trainees and replay their
// results, each pinned to its content version.
import type { Kysely } from 'kysely';
import { yamlData } from '../content/yaml-data.ts';
import { checkCall } from '../analysis/check-call.ts';
import { contentHash } from '../content/content-hash.ts';
import { scenarioFromBytes, translationFromBytes } from '../content/from-bytes.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { TranslationFile } from '../content/texts.ts';
import { LANGS, type Lang } from '../i18n/lang.ts';
import { diagMessage, formatPackMessages } from '../packs/check-pack.ts';
import { callPath, translationPath } from '../packs/pack-paths.ts';
import type { ImportedCallBody } from './bodies.ts';
import { titlesFrom, type ServerCall, type ServerContent } from './content.ts';
import type { SessionCallRow, Tables } from './db.ts';
import { apiError, type ApiError } from './errors.ts';

/** An imported call checked and compiled, with the row that keeps it. */
export type CheckedCall = { readonly call: ServerCall; readonly row: Omit<SessionCallRow, 'session_id'> };

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

function translationFiles(id: string, texts: Partial<Record<Lang, string>>): Partial<Record<Lang, TranslationFile>> {
  const out: Partial<Record<Lang, TranslationFile>> = {};
  for (const lang of LANGS) {
    const t = texts[lang];
    if (t !== undefined) out[lang] = translationFromBytes(translationPath(lang, id), bytes(t));
  }
  return out;
}

/**
 * Checks the calls sent with a new session: none may take a library call's id, each must pass
 * every check of `scenarios:check` (its errors are the refusal, in `lang`). Their content version
 * is worked out here, never taken from the browser.
 */
export async function checkImported(
  content: ServerContent,
  sent: readonly ImportedCallBody[],
  lang: Lang,
): Promise<{ ok: true; calls: CheckedCall[] } | ApiError> {
  if (!sent.length) return { ok: true, calls: [] };
  const { playbook, playbookData } = content;
  if (!playbook) return apiError(422, 'importedRefused', 'this server cannot check imported calls (no playbook)');
  const ids = new Set<string>();
  const out: CheckedCall[] = [];
  for (const c of sent) {
    if (content.calls.has(c.id))
      return apiError(422, 'importedIdTaken', `imported call "${c.id}" has the id of a call of the library`, {
        id: c.id,
      });
    if (ids.has(c.id)) return apiError(422, 'importedTwice', `imported call "${c.id}" is sent twice`, { id: c.id });
    ids.add(c.id);
    const checked = checkCall(callPath(c.id), bytes(c.yaml), translationFiles(c.id, c.translations), playbook, lang);
    const errors = checked.diags.filter((d) => d.severity === 'error').map((d) => diagMessage(d, lang));
    const model = checked.loaded.model;
    if (errors.length || !model) {
      const lines = formatPackMessages(errors);
      return apiError(422, 'importedRefused', `imported call "${c.id}" is refused: ${lines[0] ?? 'not compiled'}`, {
        id: c.id,
        problems: errors,
      });
    }
    const data: unknown = yamlData(c.yaml);
    const hash = await contentHash(playbookData, data);
    const translations = Object.fromEntries(
      LANGS.flatMap((l) => (c.translations[l] === undefined ? [] : [[l, c.translations[l]!]])),
    );
    out.push({
      call: {
        id: c.id,
        model,
        hash,
        titles: titlesFrom(data, translations),
        steps: model.scoredSteps.map((i) => ({ id: model.steps[i]!.id, key: model.steps[i]!.key })),
      },
      row: { call_id: c.id, content_hash: hash, yaml: c.yaml, translations: JSON.stringify(translations) },
    });
  }
  return { ok: true, calls: out };
}

/** Compiled calls by session and version: a stored call is compiled once per server run. */
const compiled = new Map<string, ServerCall | null>();

/** A stored call compiled (null if it no longer compiles against this playbook). */
function compile(row: SessionCallRow, playbook: PlaybookModel): ServerCall | null {
  const key = `${row.session_id}:${row.call_id}:${row.content_hash}`;
  if (compiled.has(key)) return compiled.get(key)!;
  const translations = JSON.parse(row.translations) as Partial<Record<Lang, string>>;
  const loaded = scenarioFromBytes(
    callPath(row.call_id),
    bytes(row.yaml),
    translationFiles(row.call_id, translations),
    playbook,
  );
  const model = loaded.model;
  const call: ServerCall | null = model
    ? {
        id: row.call_id,
        model,
        hash: row.content_hash,
        titles: titlesFrom(loaded.doc, translations),
        steps: model.scoredSteps.map((i) => ({ id: model.steps[i]!.id, key: model.steps[i]!.key })),
      }
    : null;
  compiled.set(key, call);
  return call;
}

export const sessionCallRows = (db: Kysely<Tables>, sessionId: string): Promise<SessionCallRow[]> =>
  db.selectFrom('session_calls').selectAll().where('session_id', '=', sessionId).orderBy('call_id').execute();

/** The content a session's results are replayed against: the library's calls and the session's own. */
export async function sessionContent(
  db: Kysely<Tables>,
  content: ServerContent,
  sessionId: string,
): Promise<ServerContent> {
  const rows = await sessionCallRows(db, sessionId);
  if (!rows.length || !content.playbook) return content;
  const calls = new Map(content.calls);
  for (const row of rows) {
    const call = compile(row, content.playbook);
    if (call) calls.set(call.id, call);
  }
  return { ...content, calls, imported: new Set(rows.map((r) => r.call_id)) };
}

/** A session's imported call as trainees fetch it: its parsed document (no YAML parser in the game) and translations. */
export function servedCall(row: SessionCallRow) {
  return {
    id: row.call_id,
    contentHash: row.content_hash,
    data: yamlData(row.yaml) as unknown,
    translations: JSON.parse(row.translations) as Partial<Record<Lang, string>>,
  };
}
