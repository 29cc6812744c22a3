// The session API end to end, in-process, on each database: a trainer makes a session, trainees
// join and post real logs, the server replays and scores them, the room reads them; every kind
// of bad request is refused with its code and a sentence.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { createApp, DEFAULT_OPTIONS, type AppOptions } from '../../src/server/app.ts';
import type { ServerContent } from '../../src/server/content.ts';
import { openDb, type Db } from '../../src/server/db.ts';
import { CODE_ALPHABET } from '../../src/server/secrets.ts';
import { backends, client, content, goldenLog } from './support.ts';

const CALLS = ['first-call', 'box-no-sync', 'email-wont-send'];

describe.each(backends())('team server on $name', (backend) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let loaded: ServerContent;
  let clock = new Date('2026-03-02T09:00:00Z');
  let req: ReturnType<typeof client>;

  const appWith = (o: Partial<AppOptions> = {}) =>
    createApp(db, loaded, { ...DEFAULT_OPTIONS, rateLimit: null, createLimit: null, now: () => clock, ...o });
  const newSession = (over: Record<string, unknown> = {}) =>
    req('POST', '/api/sessions', { name: 'Groupe A — été', calls: CALLS, seed: 1, mode: 'exam', ...over });
  const join = (id: string, name: string) => req('POST', `/api/sessions/${id}/trainees`, { name });
  const post = (id: string, token: string, scenario: string, over: Record<string, unknown> = {}) =>
    req(
      'POST',
      `/api/sessions/${id}/results`,
      {
        resultId: randomUUID(),
        scenario,
        contentHash: loaded.calls.get(scenario)!.hash,
        log: goldenLog(scenario),
        ...over,
      },
      token,
    );

  beforeAll(async () => {
    if (backend.skip) return;
    const fresh = await backend.fresh();
    cleanup = fresh.cleanup;
    db = await openDb(fresh.target);
    loaded = await content();
    req = client((r) => appWith().fetch(r));
  }, 120_000);

  afterAll(async () => {
    await db?.db.destroy();
    await cleanup?.();
  });

  it.skipIf(backend.skip)(
    'creates a session with a join code and a trainer key, refusing unknown calls by name',
    async () => {
      const r = await newSession();
      expect(r.status).toBe(201);
      expect(r.body.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{6}$`));
      expect(r.body.trainerKey.length).toBeGreaterThanOrEqual(32);
      expect(r.body.joinUrl).toBe(`http://hotliner.test/?join=${r.body.code}`);
      const bad = await newSession({ calls: ['first-call', 'no-such-call', 'nor-this'] });
      expect(bad.status).toBe(422);
      expect(bad.body).toMatchObject({ error: 'unknownCalls', details: { unknown: ['no-such-call', 'nor-this'] } });
      expect(bad.body.message).toContain('no-such-call');
      const noName = await newSession({ name: '   ' });
      expect(noName.body).toMatchObject({ error: 'badBody', message: 'name: is empty' });
    },
  );

  it.skipIf(backend.skip)('says which content versions it replays against', async () => {
    const r = await req('GET', '/api/info');
    expect(r.body).toMatchObject({ server: 'hotliner', db: backend.name });
    expect(r.body.calls).toContainEqual({ id: 'first-call', contentHash: loaded.calls.get('first-call')!.hash });
  });

  it.skipIf(backend.skip)('shows the session to whoever has its code, however typed', async () => {
    const s = await newSession();
    const typed = `${s.body.code.slice(0, 3).toLowerCase()}-${s.body.code.slice(3)}`;
    const r = await req('GET', `/api/sessions/by-code/${typed}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ id: s.body.id, name: 'Groupe A — été', mode: 'exam', seed: 1, deadline: null });
    expect(r.body.calls.map((c: { id: string }) => c.id)).toEqual(CALLS);
    expect(r.body.calls[0].titles.en).toBe('Guided call: the box that switches itself off');
    expect(JSON.stringify(r.body)).not.toContain('trainer');
    expect((await req('GET', '/api/sessions/by-code/ZZZZZZ')).status).toBe(404);
  });

  it.skipIf(backend.skip)('verifies a posted log by replaying it, and the room reads the scorecard', async () => {
    const s = await newSession();
    const zoe = await join(s.body.id, '  Zoé   Ändersson ');
    expect(zoe.status).toBe(201);
    expect(zoe.body.name).toBe('Zoé Ändersson');
    await join(s.body.id, 'Marc');
    const r = await post(s.body.id, zoe.body.traineeToken, 'box-no-sync');
    expect(r.status).toBe(201);
    const model = loaded.calls.get('box-no-sync')!.model;
    const log = goldenLog('box-no-sync');
    const card = scoreCall(model, replayToEnd(model, 1, log.entries, 'exam').state);
    expect(r.body.summary).toMatchObject({ total: card.total, outcome: card.outcome, passed: card.won });
    expect(r.body.duplicate).toBe(false);

    const room = await req('GET', `/api/sessions/${s.body.id}/room`, undefined, s.body.trainerKey);
    expect(room.status).toBe(200);
    // Joined at the same instant (the test's clock): by name.
    expect(room.body.roster).toEqual([
      expect.objectContaining({ name: 'Marc', callsFinished: 0, currentCall: 0 }),
      expect.objectContaining({ name: 'Zoé Ändersson', callsFinished: 1, currentCall: 0 }),
    ]);
    const [res] = room.body.results;
    expect(res).toMatchObject({ name: 'Zoé Ändersson', scenario: 'box-no-sync', callIndex: 1, late: false });
    expect(res.summary).toMatchObject({ total: card.total, process: card.process, calmness: card.calmness });
    expect(res.summary.diagnosisAt).toBe(card.diagnosis.at);
    const stepLines = card.lines.filter((l) => l.id.startsWith('step.'));
    expect(Object.keys(res.steps)).toHaveLength(stepLines.length);
    for (const l of stepLines) expect(res.steps[l.id.slice(5)]).toBe(l.status);
    expect(room.body.session.calls[1].steps.map((x: { id: string }) => x.id)).toEqual(Object.keys(res.steps));

    // The trainer opens the result whole (its debrief, its replay): the log replayed and the card computed.
    const whole = await req('GET', `/api/sessions/${s.body.id}/results/${res.resultId}`, undefined, s.body.trainerKey);
    expect(whole.status).toBe(200);
    expect(whole.body.log.entries).toEqual(log.entries);
    expect(whole.body.scorecard.total).toBe(card.total);
    // Not without the key, and not another session's result.
    const anon = await req('GET', `/api/sessions/${s.body.id}/results/${res.resultId}`);
    expect(anon.status).toBe(401);
    const other = await newSession();
    const elsewhere = await req(
      'GET',
      `/api/sessions/${other.body.id}/results/${res.resultId}`,
      undefined,
      other.body.trainerKey,
    );
    expect(elsewhere.status).toBe(404);
  });

  it.skipIf(backend.skip)('keeps a result once, however often it is posted (idempotent by resultId)', async () => {
    const s = await newSession();
    const t = await join(s.body.id, 'Inès');
    const body = {
      resultId: randomUUID(),
      scenario: 'first-call',
      contentHash: loaded.calls.get('first-call')!.hash,
      log: goldenLog('first-call'),
    };
    const tries = await Promise.all(
      Array.from({ length: 6 }, () => req('POST', `/api/sessions/${s.body.id}/results`, body, t.body.traineeToken)),
    );
    expect(tries.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const firsts = new Set(tries.map((r) => JSON.stringify({ ...r.body, duplicate: null })));
    expect(firsts.size).toBe(1);
    const again = await req('POST', `/api/sessions/${s.body.id}/results`, body, t.body.traineeToken);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    const room = await req('GET', `/api/sessions/${s.body.id}/room`, undefined, s.body.trainerKey);
    expect(room.body.results).toHaveLength(1);
    // Another log under the same id is not a retry.
    const other = {
      ...body,
      log: { ...goldenLog('first-call'), entries: goldenLog('first-call').entries.slice(0, 3) },
    };
    const reused = await req('POST', `/api/sessions/${s.body.id}/results`, other, t.body.traineeToken);
    expect(reused.body.error).toBe('resultIdReused');
    // A second result for the same call under a new id: the first one stands.
    const second = await post(s.body.id, t.body.traineeToken, 'first-call');
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ error: 'callAlreadyPosted', details: { resultId: body.resultId } });
  });

  it.skipIf(backend.skip)('refuses a claimed score, a forged log, another content version, seed or mode', async () => {
    const s = await newSession();
    const t = (await join(s.body.id, 'Léa')).body.traineeToken;
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ score: 100 }, 422, 'scoreNotAccepted', 'computes the score'],
      [{ summary: { total: 100, won: true } }, 422, 'scoreNotAccepted', 'summary'],
      [{ contentHash: '0'.repeat(64) }, 409, 'contentVersion', 'another version of call "first-call"'],
      [{ contentHash: 'abc' }, 400, 'badBody', 'contentHash'],
      [{ log: { ...goldenLog('first-call'), seed: 2 } }, 422, 'seedMismatch', "seed 2; this session's seed is 1"],
      [{ log: { ...goldenLog('first-call'), mode: 'training' } }, 422, 'modeMismatch', 'training mode'],
      [{ log: goldenLog('box-no-sync') }, 422, 'scenarioMismatch', 'box-no-sync'],
      [{ log: { ...goldenLog('first-call'), entries: 'lots' } }, 422, 'badLog', 'entries'],
      [{ resultId: 'not-a-uuid' }, 400, 'badBody', 'resultId'],
    ];
    for (const [over, status, error, words] of cases) {
      const r = await post(s.body.id, t, 'first-call', over);
      expect({ over, status: r.status, error: r.body.error }).toEqual({ over, status, error });
      expect(r.body.message).toContain(words);
    }
    // A log the engine cannot replay: a line said before the call was picked up.
    const log = goldenLog('first-call');
    const forged = { ...log, entries: [{ at: 0, action: { type: 'say', choice: 'propose_remote' } }, ...log.entries] };
    const r = await post(s.body.id, t, 'first-call', { log: forged });
    expect(r.body.error).toBe('logRejected');
    expect(r.body.message).toContain('entry 0');
    const outside = await post(s.body.id, t, 'wifi-far-room', { log: goldenLog('wifi-far-room') });
    expect(outside).toMatchObject({ status: 422, body: { error: 'callNotInSession' } });
    const room = await req('GET', `/api/sessions/${s.body.id}/room`, undefined, s.body.trainerKey);
    expect(room.body.results).toEqual([]);
  });

  it.skipIf(backend.skip)('refuses an oversized body, and a body that is not JSON', async () => {
    const s = await newSession();
    const t = (await join(s.body.id, 'Paul')).body.traineeToken;
    const big = await post(s.body.id, t, 'first-call', {
      log: { ...goldenLog('first-call'), pad: 'x'.repeat(300_000) },
    });
    expect(big.status).toBe(413);
    expect(big.body).toEqual({ error: 'tooLarge', message: 'the request body is larger than 256 kB' });
    const notJson = await req('POST', `/api/sessions/${s.body.id}/trainees`, '{name: Paul');
    expect(notJson.body.error).toBe('notJson');
  });

  it.skipIf(backend.skip)(
    'keeps the room and the exports to the trainer key, and results to their trainee',
    async () => {
      const s = await newSession();
      const other = await newSession();
      const a = (await join(s.body.id, 'Anaïs')).body;
      const b = (await join(s.body.id, 'Bruno')).body;
      await post(s.body.id, a.traineeToken, 'first-call');
      await post(s.body.id, b.traineeToken, 'email-wont-send');
      const room = `/api/sessions/${s.body.id}/room`;
      expect((await req('GET', room)).body).toMatchObject({ error: 'missingKey' });
      expect((await req('GET', room)).status).toBe(401);
      const wrong = await req('GET', room, undefined, other.body.trainerKey);
      expect(wrong).toMatchObject({ status: 403, body: { error: 'wrongKey' } });
      expect((await req('GET', room, undefined, a.traineeToken)).status).toBe(403);
      for (const f of ['csv', 'xlsx'])
        expect((await req('GET', `/api/sessions/${s.body.id}/export.${f}`, undefined, 'nope')).status).toBe(403);

      const me = await req('GET', `/api/sessions/${s.body.id}/me`, undefined, a.traineeToken);
      expect(me.status).toBe(200);
      expect(me.body.trainee.name).toBe('Anaïs');
      expect(me.body.results.map((r: { scenario: string }) => r.scenario)).toEqual(['first-call']);
      expect(JSON.stringify(me.body)).not.toContain('Bruno');
      const elsewhere = await req('GET', `/api/sessions/${other.body.id}/me`, undefined, a.traineeToken);
      expect(elsewhere).toMatchObject({ status: 403, body: { error: 'otherSession' } });
      const forged = `${b.traineeId}.${a.traineeToken.split('.')[1]}`;
      expect((await req('GET', `/api/sessions/${s.body.id}/me`, undefined, forged)).body.error).toBe('wrongToken');
      expect((await req('GET', `/api/sessions/${s.body.id}/me`)).status).toBe(401);
      const posted = await post(other.body.id, a.traineeToken, 'first-call');
      expect(posted.body.error).toBe('otherSession');
    },
  );

  it.skipIf(backend.skip)('exports the results as CSV (BOM, accents) and XLSX', async () => {
    const s = await newSession({ name: 'Formation été' });
    const t = (await join(s.body.id, 'Zoé =cmd')).body;
    await post(s.body.id, t.traineeToken, 'first-call');
    const csv = await req('GET', `/api/sessions/${s.body.id}/export.csv?lang=fr`, undefined, s.body.trainerKey);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const raw = new Uint8Array(
      await (
        await appWith().fetch(
          new Request(`http://hotliner.test/api/sessions/${s.body.id}/export.csv`, {
            headers: { authorization: `Bearer ${s.body.trainerKey}` },
          }),
        )
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toContain('session,trainee,joined_at,call_number,call,title');
    expect(header).toContain('step:verify');
    expect(row).toContain('Formation été,Zoé =cmd,');
    expect(row).toContain("Appel guidé : la box qui s'éteint toute seule");
    const xlsx = await appWith().fetch(
      new Request(`http://hotliner.test/api/sessions/${s.body.id}/export.xlsx`, {
        headers: { authorization: `Bearer ${s.body.trainerKey}` },
      }),
    );
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]); // A zip: PK.
  });

  it.skipIf(backend.skip)('keeps names as plain text: trimmed, capped, no hidden characters', async () => {
    const s = await newSession();
    const html = await join(s.body.id, '<img src=x onerror=alert(1)>');
    expect(html.body.name).toBe('<img src=x onerror=alert(1)>');
    expect((await join(s.body.id, 'x'.repeat(61))).body).toMatchObject({
      error: 'badBody',
      message: 'name: is longer than 60 characters',
    });
    expect((await join(s.body.id, 'Eve\u202Etxt')).body.error).toBe('badBody');
    expect((await join(s.body.id, 'a\u0000b')).body.error).toBe('badBody');
    expect((await req('POST', `/api/sessions/${s.body.id}/trainees`, { name: 'Al', admin: true })).body.message).toBe(
      'unknown field(s): admin',
    );
  });

  it.skipIf(backend.skip)('closes joining at the deadline and marks later results late', async () => {
    const s = await newSession({ deadline: '2026-03-02T10:00:00+01:00' });
    const t = (await join(s.body.id, 'Yann')).body.traineeToken;
    clock = new Date('2026-03-02T09:30:00Z');
    try {
      expect((await join(s.body.id, 'Late')).body.error).toBe('sessionClosed');
      const r = await post(s.body.id, t, 'first-call');
      expect(r.status).toBe(201);
      expect(r.body.late).toBe(true);
    } finally {
      clock = new Date('2026-03-02T09:00:00Z');
    }
  });

  it.skipIf(backend.skip)('limits requests per address, and sends the security headers on every answer', async () => {
    const limitedApp = appWith({ rateLimit: { burst: 3, perSecond: 0.001 } });
    const limited = client((r) => limitedApp.fetch(r));
    const codes = [];
    for (let i = 0; i < 4; i++) codes.push((await limited('GET', '/api/sessions/by-code/AAAAAA')).status);
    expect(codes).toEqual([404, 404, 404, 429]);
    const r = await limited('GET', '/api/sessions/by-code/AAAAAA');
    expect(r.body.error).toBe('rateLimited');
    expect(r.headers.get('retry-after')).toBeTruthy();
    for (const path of ['/api/sessions/by-code/AAAAAA', '/api/nothing', '/']) {
      const h = (await req('GET', path)).headers;
      const csp = h.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe');
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('referrer-policy')).toBe('no-referrer');
    }
  });
});
