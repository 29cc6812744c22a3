// Who is asking: the session in the path, its trainer (key) or one of its trainees (token), and
// the request's JSON body checked against its schema. Each answers a row or a refusal (a value).
import type { Context } from 'hono';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { CLAIMED_SCORE, describeIssue } from './bodies.ts';
import type { SessionRow, Tables, TraineeRow } from './db.ts';
import { apiError, type ApiError } from './errors.ts';
import { secretMatches, splitTraineeToken } from './secrets.ts';
import * as store from './store.ts';

type Db = Kysely<Tables>;

/** The session named in the path, or a 404. */
export const sessionOf = async (db: Db, c: Context): Promise<SessionRow | ApiError> =>
  (await store.sessionById(db, c.req.param('id') ?? '')) ?? apiError(404, 'notFound', 'no session with this id');

/** The session, if the request carries its trainer key. */
export async function asTrainer(db: Db, c: Context): Promise<SessionRow | ApiError> {
  const s = await sessionOf(db, c);
  if ('error' in s) return s;
  const key = bearer(c);
  if (!key) return apiError(401, 'missingKey', 'this needs the trainer key (Authorization: Bearer <trainerKey>)');
  if (!secretMatches(key, s.trainer_key_hash))
    return apiError(403, 'wrongKey', 'this trainer key is not the key of this session');
  return s;
}

/** The session and the trainee whose token the request carries. */
export async function asTrainee(db: Db, c: Context): Promise<{ s: SessionRow; t: TraineeRow } | ApiError> {
  const s = await sessionOf(db, c);
  if ('error' in s) return s;
  const token = bearer(c);
  if (!token)
    return apiError(401, 'missingToken', 'this needs the trainee token (Authorization: Bearer <traineeToken>)');
  const parts = splitTraineeToken(token);
  const t = parts && (await store.traineeById(db, parts.traineeId));
  if (!parts || !t || !secretMatches(parts.secret, t.token_hash))
    return apiError(403, 'wrongToken', 'this trainee token is not valid');
  if (t.session_id !== s.id) return apiError(403, 'otherSession', 'this trainee token belongs to another session');
  return { s, t };
}

export const bearer = (c: Context): string | null => {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
  return m ? m[1]! : null;
};

/** A refusal for a body that claims its own score: the server computes it. */
export function claimedScore(raw: unknown): ApiError | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const claimed = CLAIMED_SCORE.filter((k) => Object.hasOwn(raw, k));
  return claimed.length
    ? apiError(422, 'scoreNotAccepted', `the server computes the score from the log: remove ${claimed.join(', ')}`)
    : null;
}

/** The JSON body checked against its schema; a refusal names the first faulty field. */
export async function readBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  precheck: (raw: unknown) => ApiError | null = () => null,
): Promise<z.output<S> | ApiError> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    return apiError(400, 'notJson', 'the request body is not JSON');
  }
  const pre = precheck(raw);
  if (pre) return pre;
  const r = schema.safeParse(raw);
  return r.success ? r.data : apiError(400, 'badBody', describeIssue(r.error), r.error.issues.slice(0, 10));
}
