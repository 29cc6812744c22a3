// Imported calls in team sessions, on each database: the trainer's browser sends the files of the
// calls it imported; the server checks them as `scenarios:check` does (a bad or forged one is
// refused with its messages), keeps them, serves them to trainees and verifies results on them by
// replay against the very version it pinned.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { contentHash } from '../../src/content/content-hash.ts';
import { makeLog, replayToEnd, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { createApp, DEFAULT_OPTIONS } from '../../src/server/app.ts';
import type { ServerContent } from '../../src/server/content.ts';
import { openDb, type Db } from '../../src/server/db.ts';
import { librarySource, playbookData } from '../support/packs.ts';
import { backends, client, content } from './support.ts';
import { parse } from 'yaml';
import { repoCall } from '../support/golden.ts';

const FROM = 'vpn-remote-fix';
const ID = 'vpn-import';

/** The files of an imported call as the browser sends them. */
function files(id: string, patch: (yaml: string) => string = (y) => y) {
  const src = librarySource(FROM, id, 'importé');
  return { id, yaml: patch(src.yaml), translations: src.translations };
}

/** The library call's golden path, as played on the imported copy. */
function importedLog(id: string) {
  const g = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${FROM}.json`), 'utf8')) as {
    seed: number;
    mode: 'exam' | 'training';
    log: LogEntry[];
  };
  return makeLog(id, g.seed, g.mode, g.log, g.log.at(-1)?.at ?? 0);
}

describe.each(backends())('imported calls in sessions on $name', (backend) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  let loaded: ServerContent;
  let req: ReturnType<typeof client>;
  let hash: string;

  const newSession = (over: Record<string, unknown> = {}) =>
    req('POST', '/api/sessions', {
      name: 'Groupe B',
      calls: ['first-call', ID],
      seed: 1,
      mode: 'exam',
      imported: [files(ID)],
      ...over,
    });

  beforeAll(async () => {
    if (backend.skip) return;
    const fresh = await backend.fresh();
    cleanup = fresh.cleanup;
    db = await openDb(fresh.target);
    loaded = await content();
    const app = createApp(db, loaded, { ...DEFAULT_OPTIONS, rateLimit: null, createLimit: null });
    req = client((r) => app.fetch(r));
    hash = await contentHash(playbookData(), JSON.parse(JSON.stringify(parse(files(ID).yaml))));
  }, 120_000);

  afterAll(async () => {
    await db?.db.destroy();
    await cleanup?.();
  });

  it.skipIf(backend.skip)('makes a session with an imported call, pinned and served to trainees', async () => {
    const s = await newSession();
    expect(s.status).toBe(201);
    const shown = await req('GET', `/api/sessions/by-code/${s.body.code}`);
    const call = shown.body.calls.find((c: { id: string }) => c.id === ID);
    expect(call).toMatchObject({ id: ID, contentHash: hash, imported: true });
    expect(call.titles.fr).toContain('— importé');
    expect(shown.body.calls[0]).toMatchObject({ id: 'first-call', imported: false });
    const served = await req('GET', `/api/sessions/${s.body.id}/calls/${ID}`);
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ id: ID, contentHash: hash, data: { id: ID } });
    // What the trainee's browser hashes is what the server pinned.
    expect(await contentHash(playbookData(), served.body.data)).toBe(hash);
    expect(JSON.parse(served.body.translations.en).title).toContain('— importé');
    expect((await req('GET', `/api/sessions/${s.body.id}/calls/first-call`)).status).toBe(404);
  });

  it.skipIf(backend.skip)('verifies a result on the imported call by replay, and refuses another version', async () => {
    const s = await newSession();
    const t = await req('POST', `/api/sessions/${s.body.id}/trainees`, { name: 'Lou' });
    const log = importedLog(ID);
    const body = { resultId: randomUUID(), scenario: ID, contentHash: hash, log };
    const r = await req('POST', `/api/sessions/${s.body.id}/results`, body, t.body.traineeToken);
    expect(r.status).toBe(201);
    const sc = repoCall(FROM);
    const card = scoreCall(sc, replayToEnd(sc, log.seed, log.entries, log.mode).state);
    expect(r.body.summary.total).toBe(card.total);
    expect(r.body.summary.passed).toBe(true);
    const other = { ...body, resultId: randomUUID(), contentHash: 'b'.repeat(64) };
    const stale = await req('POST', `/api/sessions/${s.body.id}/results`, other, t.body.traineeToken);
    expect(stale.status).toBe(409);
    expect(stale.body.error).toBe('contentVersion');
    const room = await req('GET', `/api/sessions/${s.body.id}/room`, undefined, s.body.trainerKey);
    expect(room.body.results.map((x: { scenario: string }) => x.scenario)).toEqual([ID]);
  });

  it.skipIf(backend.skip)(
    'refuses a bad imported call with the checker’s messages, in the trainer’s language',
    async () => {
      const bad = files('vpn-bad', (y) => y.replace('goto: opening', 'goto: nowhere'));
      const r = await newSession({ calls: ['vpn-bad'], imported: [bad], lang: 'fr' });
      expect(r.status).toBe(422);
      expect(r.body.error).toBe('importedRefused');
      const line = bad.yaml.split('\n').findIndex((l) => l.includes('goto: nowhere')) + 1;
      expect(r.body.details.problems).toContainEqual({
        where: expect.stringMatching(new RegExp(`^scenarios/vpn-bad\\.yaml:${line}:\\d+$`)),
        text: "Le nœud « nowhere » n'existe pas.",
      });
      expect(r.body.message).toContain('vpn-bad');
      // No session was made.
      expect((await req('GET', `/api/sessions/by-code/${r.body.code ?? 'XXXXXX'}`)).status).toBe(404);
    },
  );

  it.skipIf(backend.skip)('refuses a forged call: a library id, a call sent twice or not in the session', async () => {
    const forged = files(FROM);
    const taken = await newSession({ calls: [FROM], imported: [forged] });
    expect(taken.body).toMatchObject({ error: 'importedIdTaken' });
    const twice = await newSession({ imported: [files(ID), files(ID)] });
    expect(twice.body).toMatchObject({ error: 'importedTwice' });
    const unused = await newSession({ calls: ['first-call'] });
    expect(unused.body).toMatchObject({ error: 'importedNotInSession' });
    const unknown = await newSession({ imported: [] });
    expect(unknown.body).toMatchObject({ error: 'unknownCalls', details: { unknown: [ID] } });
  });
});
