// What the API accepts, field by field (zod): anything else is refused with the field named.
import { z } from 'zod';
import { LANGS } from '../i18n/lang.ts';
import { MODES } from './errors.ts';

export const MAX_NAME = 60;
export const MAX_SESSION_NAME = 120;
export const MAX_CALLS = 50;

/** Control and bidirectional-override characters: invisible, and able to disguise a name in the room. */
const HIDDEN = /[\p{Cc}\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;

/** A display name: plain text, never markup (it is always shown as text), trimmed, spaces collapsed. */
const plainName = (max: number) =>
  z
    .string()
    .transform((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, 'is empty')
        .max(max, `is longer than ${max} characters`)
        .refine((s) => !HIDDEN.test(s), 'holds control or invisible characters'),
    );

/** A call imported in the trainer's browser, sent with its session: its files, as a pack holds them. */
export const ImportedCallBody = z.strictObject({
  id: z.string().min(1).max(100),
  /** The call's YAML (the checker's own limit on a call file is 256 KB). */
  yaml: z.string().max(256 * 1024),
  /** Translation JSON text by language. */
  translations: z.partialRecord(z.enum(LANGS), z.string().max(256 * 1024)),
});
export type ImportedCallBody = z.infer<typeof ImportedCallBody>;

export const NewSession = z.strictObject({
  name: plainName(MAX_SESSION_NAME),
  calls: z
    .array(z.string().min(1).max(100))
    .min(1, 'lists no call')
    .max(MAX_CALLS, `lists more than ${MAX_CALLS} calls`)
    .refine((ids) => new Set(ids).size === ids.length, 'lists a call twice'),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  mode: z.enum(MODES),
  deadline: z.iso.datetime({ offset: true }).optional(),
  /** The session's calls that are not the server's: imported ones, checked like `scenarios:check`. */
  imported: z.array(ImportedCallBody).max(MAX_CALLS).optional(),
  /** The language of the checker's messages when an imported call is refused. */
  lang: z.enum(LANGS).optional(),
});
export type NewSession = z.infer<typeof NewSession>;

export const NewTrainee = z.strictObject({ name: plainName(MAX_NAME) });

export const NewResult = z.strictObject({
  /** Made by the browser when the call ends; the same id posted again is the same result. */
  resultId: z.uuid(),
  scenario: z.string().min(1).max(100),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256 in lowercase hex'),
  log: z.unknown(),
});
export type NewResult = z.infer<typeof NewResult>;

/** Fields a client may think it can send: the server computes the score itself. */
export const CLAIMED_SCORE = ['score', 'scorecard', 'summary', 'total', 'passed', 'won'] as const;

/** The first problem of a refused body as one sentence: `calls[2]: …`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid body';
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  return path ? `${path}: ${issue.message}` : issue.message;
}
