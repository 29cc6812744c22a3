// The session API: create a session (trainer), read it by its code and join it (trainee); the
// results (api-results.ts) and the trainer's room (api-trainer.ts) are mounted here too.
import { Hono, type Context } from 'hono';
import type { Kysely } from 'kysely';
import { resultRoutes } from './api-results.ts';
import { trainerRoutes } from './api-trainer.ts';
import type { AppOptions } from './app.ts';
import { NewSession, NewTrainee } from './bodies.ts';
import type { ServerContent } from './content.ts';
import type { Db, Tables } from './db.ts';
import { apiError, send } from './errors.ts';
import { readBody, sessionOf } from './guards.ts';
import { RateLimiter } from './rate-limit.ts';
import { hashSecret, newId, newSecret, normalizeCode, traineeToken } from './secrets.ts';
import * as store from './store.ts';
import { publicSession } from './views.ts';
import { checkImported, servedCall, sessionCallRows, sessionContent } from './session-calls.ts';

type Address = (c: Context) => string;

/** What the route groups share. */
export type ApiContext = {
  readonly db: Kysely<Tables>;
  readonly content: ServerContent;
  /** The wall clock, ISO. */
  readonly now: () => string;
};

export function apiRoutes(d: Db, content: ServerContent, options: AppOptions, address: Address): Hono {
  const db = d.db;
  const api = new Hono();
  const creations = options.createLimit && new RateLimiter(options.createLimit);
  const now = () => options.now().toISOString();

  // What this server replays against: the browser compares its own content versions before a session.
  api.get('/info', (c) =>
    c.json({
      server: 'hotliner',
      db: d.kind,
      calls: [...content.calls.values()].map((x) => ({ id: x.id, contentHash: x.hash })),
    }),
  );

  api.post('/sessions', async (c) => {
    if (creations && !creations.take(address(c), Date.now()))
      return send(c, apiError(429, 'rateLimited', 'too many sessions created from this address: wait a few minutes'));
    const body = await readBody(c, NewSession);
    if ('error' in body) return send(c, body);
    const imported = await checkImported(content, body.imported ?? [], body.lang ?? 'en');
    if ('error' in imported) return send(c, imported);
    const known = new Map([...content.calls, ...imported.calls.map((x) => [x.call.id, x.call] as const)]);
    const unknown = body.calls.filter((id) => !known.has(id));
    if (unknown.length)
      return send(c, apiError(422, 'unknownCalls', `unknown call(s): ${unknown.join(', ')}`, { unknown }));
    const unused = imported.calls.filter((x) => !body.calls.includes(x.call.id)).map((x) => x.call.id);
    if (unused.length)
      return send(
        c,
        apiError(422, 'importedNotInSession', `imported call(s) not in the session: ${unused.join(', ')}`),
      );
    const id = newId();
    const trainerKey = newSecret();
    const hashes = Object.fromEntries(body.calls.map((cid) => [cid, known.get(cid)!.hash]));
    // The session and its calls together, or neither.
    const code = await db.transaction().execute(async (tx) => {
      const made = await store.insertSession(tx, {
        id,
        name: body.name,
        calls: JSON.stringify(body.calls),
        seed: body.seed,
        mode: body.mode,
        deadline: body.deadline ? new Date(body.deadline).toISOString() : null,
        trainer_key_hash: hashSecret(trainerKey),
        content_hashes: JSON.stringify(hashes),
        created_at: now(),
      });
      if (imported.calls.length)
        await tx
          .insertInto('session_calls')
          .values(imported.calls.map((x) => ({ ...x.row, session_id: id })))
          .execute();
      return made;
    });
    const origin = options.publicUrl ?? joinOrigin(new URL(c.req.url), options.lanAddress);
    return c.json({ id, code, trainerKey, joinUrl: `${origin}/?join=${code}` }, 201);
  });

  api.get('/sessions/by-code/:code', async (c) => {
    const s = await store.sessionByCode(db, normalizeCode(c.req.param('code')));
    if (!s) return send(c, apiError(404, 'notFound', 'no session with this code'));
    return c.json(publicSession(s, await sessionContent(db, content, s.id)));
  });

  /** A call the session brought with it, for its trainees' browsers to play (the session's id is its key, as the code is). */
  api.get('/sessions/:id/calls/:callId', async (c) => {
    const s = await sessionOf(db, c);
    if ('error' in s) return send(c, s);
    const row = (await sessionCallRows(db, s.id)).find((r) => r.call_id === c.req.param('callId'));
    if (!row) return send(c, apiError(404, 'notFound', 'no such imported call in this session'));
    return c.json(servedCall(row));
  });

  api.post('/sessions/:id/trainees', async (c) => {
    const s = await sessionOf(db, c);
    if ('error' in s) return send(c, s);
    if (s.deadline && now() > s.deadline)
      return send(c, apiError(403, 'sessionClosed', 'this session is past its deadline'));
    const body = await readBody(c, NewTrainee);
    if ('error' in body) return send(c, body);
    const traineeId = newId();
    const secret = newSecret();
    await store.insertTrainee(db, {
      id: traineeId,
      session_id: s.id,
      name: body.name,
      token_hash: hashSecret(secret),
      joined_at: now(),
    });
    return c.json({ traineeId, traineeToken: traineeToken(traineeId, secret), name: body.name }, 201);
  });

  resultRoutes(api, { db, content, now });
  trainerRoutes(api, { db, content, now });
  return api;
}

/** The origin trainees can reach: a trainer browsing from this machine gets its network address. */
export function joinOrigin(url: URL, lan: string | null): string {
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (!local || !lan) return url.origin;
  const u = new URL(url.origin);
  u.hostname = lan;
  return u.origin;
}
