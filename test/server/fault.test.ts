// The fault test: 50 trainees post their results (each kept in an outbox until acknowledged,
// as the browser does); the server is killed with SIGKILL in the middle and restarted on the
// same database; the trainees retry what was not acknowledged. Every acknowledged result is
// there, and none twice.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../src/server/db.ts';
import { allResultIds } from '../../src/server/store.ts';
import { startServer, stopServer, type Child } from './serve-child.ts';
import { backends, client, content, goldenLog } from './support.ts';

const TRAINEES = 50;
const CALLS = ['first-call', 'box-no-sync', 'email-wont-send', 'known-outage-tech', 'tv-no-picture', 'wifi-far-room'];
const KILL_AFTER = 100;

describe.each(backends())('fault: the server killed mid-posting, on $name', (backend) => {
  it.skipIf(backend.skip)(
    'keeps every acknowledged result, exactly once',
    async () => {
      const { target, cleanup } = await backend.fresh();
      const loaded = await content();
      let server: Child = await startServer(target);
      let ready: Promise<void> = Promise.resolve();
      const req = client((r) => fetch(r), '');
      try {
        const s = (
          await req('POST', `${server.base}/api/sessions`, { name: 'Fault', calls: CALLS, seed: 1, mode: 'exam' })
        ).body;
        const tokens: string[] = [];
        for (let i = 0; i < TRAINEES; i++)
          tokens.push(
            (await req('POST', `${server.base}/api/sessions/${s.id}/trainees`, { name: `T${i}` })).body.traineeToken,
          );

        const acked = new Map<string, number>();
        let ackedAtKill: Set<string> | null = null;
        let lost = 0;
        let restarted: (() => void) | null = null;
        const kill = () => {
          ackedAtKill = new Set(acked.keys());
          const dead = server;
          ready = new Promise((resolve) => (restarted = resolve));
          server.process.kill('SIGKILL');
          void (async () => {
            await stopServer(dead, 'SIGKILL');
            server = await startServer(target);
            restarted!();
          })();
        };
        // One trainee: each call in turn, its result in the outbox until a 200/201 comes back.
        const trainee = async (token: string) => {
          for (const scenario of CALLS) {
            const body = {
              resultId: randomUUID(),
              scenario,
              contentHash: loaded.calls.get(scenario)!.hash,
              log: goldenLog(scenario),
            };
            for (;;) {
              await ready;
              try {
                const r = await req('POST', `${server.base}/api/sessions/${s.id}/results`, body, token);
                if (r.status !== 200 && r.status !== 201) throw new Error(`unexpected ${r.status}: ${r.text}`);
                acked.set(body.resultId, r.status);
                if (acked.size === KILL_AFTER) kill();
                break;
              } catch (e) {
                if (e instanceof Error && e.message.startsWith('unexpected')) throw e;
                lost++; // The connection died with the server: try again once it is back.
                await ready;
              }
            }
          }
        };
        await Promise.all(tokens.map(trainee));

        expect(ackedAtKill).not.toBeNull();
        const room = await req('GET', `${server.base}/api/sessions/${s.id}/room`, undefined, s.trainerKey);
        const stored = room.body.results.map((r: { resultId: string }) => r.resultId) as string[];
        for (const id of ackedAtKill!) expect(stored).toContain(id);
        expect(stored).toHaveLength(TRAINEES * CALLS.length);
        expect(new Set(stored)).toEqual(new Set(acked.keys()));
        const duplicates = [...acked.values()].filter((st) => st === 200).length;
        console.log(
          `fault on ${backend.name}: ${ackedAtKill!.size} acknowledged before SIGKILL, ${lost} requests cut, ` +
            `${duplicates} retries answered as already kept, ${stored.length} results stored`,
        );
        await stopServer(server);
        const db = await openDb(target);
        const ids = (await allResultIds(db.db)).map((r) => r.result_id);
        await db.db.destroy();
        expect(ids).toHaveLength(TRAINEES * CALLS.length);
        expect(new Set(ids).size).toBe(ids.length);
      } finally {
        await stopServer(server, 'SIGKILL');
        await cleanup();
      }
    },
    240_000,
  );
});
