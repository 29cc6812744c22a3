// A trainee's side after joining: post a finished call's result (verified, kept exactly once)
// and read one's own results.
import type { Context, Hono } from 'hono';
import { parseLog } from '../engine/replay.ts';
import type { Mode } from '../engine/types.ts';
import type { ApiContext } from './api.ts';
import { NewResult } from './bodies.ts';
import type { ResultRow, TraineeRow } from './db.ts';
import { apiError, send } from './errors.ts';
import { asTrainee, claimedScore, readBody } from './guards.ts';
import * as store from './store.ts';
import { verifyResult } from './verify.ts';
import { sessionContent } from './session-calls.ts';
import { publicSession, resultView, sessionCalls } from './views.ts';

export function resultRoutes(api: Hono, { db, content, now }: ApiContext): void {
  api.post('/sessions/:id/results', async (c) => {
    const who = await asTrainee(db, c);
    if ('error' in who) return send(c, who);
    const body = await readBody(c, NewResult, claimedScore);
    if ('error' in body) return send(c, body);
    // A retry is answered from what was kept, before any check that may have changed since.
    const earlier = await store.resultById(db, body.resultId);
    if (earlier) return acknowledge(c, earlier, who.t, body.log, 'existing');
    const rules = { calls: sessionCalls(who.s), seed: who.s.seed, mode: who.s.mode as Mode };
    const v = verifyResult(await sessionContent(db, content, who.s.id), rules, body);
    if (!v.ok) return send(c, v.error);
    const at = now();
    const stored = await store.insertResult(db, {
      result_id: body.resultId,
      session_id: who.s.id,
      trainee_id: who.t.id,
      scenario: body.scenario,
      call_index: v.callIndex,
      content_hash: v.hash,
      log: JSON.stringify(v.log),
      scorecard: JSON.stringify(v.card),
      total: v.card.total,
      passed: v.card.won ? 1 : 0,
      late: who.s.deadline && at > who.s.deadline ? 1 : 0,
      created_at: at,
    });
    if (stored.kind === 'callTaken') {
      const why = `a result for call "${body.scenario}" is already recorded for this trainee`;
      return send(c, apiError(409, 'callAlreadyPosted', why, { resultId: stored.row.result_id }));
    }
    return acknowledge(c, stored.row, who.t, body.log, stored.kind);
  });

  api.get('/sessions/:id/me', async (c) => {
    const who = await asTrainee(db, c);
    if ('error' in who) return send(c, who);
    const results = await store.resultsOfTrainee(db, who.t.id);
    return c.json({
      session: publicSession(who.s, await sessionContent(db, content, who.s.id)),
      trainee: { traineeId: who.t.id, name: who.t.name, joinedAt: who.t.joined_at },
      results: results.map(resultView),
    });
  });
}

/**
 * The acknowledgement of a kept result: the same for its first delivery (201) and every retry
 * (200, `duplicate`). The id of another trainee's result, or of another log, is refused.
 */
function acknowledge(c: Context, row: ResultRow, t: TraineeRow, log: unknown, kind: 'stored' | 'existing'): Response {
  const parsed = parseLog(log);
  if (row.trainee_id !== t.id || !parsed.ok || JSON.stringify(parsed.value) !== row.log)
    return send(c, apiError(409, 'resultIdReused', 'this result id was already used for another result'));
  return c.json({ ...resultView(row), duplicate: kind === 'existing' }, kind === 'stored' ? 201 : 200);
}
