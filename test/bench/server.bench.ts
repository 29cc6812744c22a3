// npm run bench:server: 200 simulated trainees on loopback join a session and post real logs
// (the golden best paths), each result replayed and scored by the server; results per second
// and latency, on SQLite and on PostgreSQL (DATABASE_URL, else a throwaway local cluster).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeLog, type LogEntry } from '../../src/engine/replay.ts';
import { loadContent } from '../../src/server/content.ts';
import type { DbTarget } from '../../src/server/db.ts';
import { dropDatabase, freshDatabase, postgres } from '../server/pg-cluster.ts';
import { startServer, stopServer } from '../server/serve-child.ts';
import { golden } from '../support/golden.ts';

const TRAINEES = Number(process.env.BENCH_TRAINEES ?? 200);
const CALLS = ['first-call', 'box-no-sync', 'email-wont-send', 'known-outage-tech', 'wifi-far-room'];

type Figures = {
  joinsPerS: number;
  resultsPerS: number;
  p50: number;
  p95: number;
  max: number;
  posts: number;
  /** One post at a time: the service time, without queueing. */
  alone: number;
};

/** Posts made one at a time, after the load. */
const ALONE = 40;

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

async function json(method: string, url: string, body: unknown, token?: string): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const out = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(out)}`);
  return out;
}

async function run(target: DbTarget, hashes: ReadonlyMap<string, string>): Promise<Figures> {
  const server = await startServer(target);
  try {
    const s = await json('POST', `${server.base}/api/sessions`, { name: 'Bench', calls: CALLS, seed: 1, mode: 'exam' });
    const logs = new Map(
      CALLS.map((id) => {
        const g = golden(id);
        return [id, makeLog(id, g.seed, g.mode, g.log as LogEntry[], g.log.at(-1)?.at ?? 0)];
      }),
    );
    let t0 = performance.now();
    const tokens = await Promise.all(
      Array.from(
        { length: TRAINEES },
        async (_, i) =>
          (await json('POST', `${server.base}/api/sessions/${s.id}/trainees`, { name: `Trainee ${i}` }))
            .traineeToken as string,
      ),
    );
    const joinsPerS = TRAINEES / ((performance.now() - t0) / 1000);
    const latencies: number[] = [];
    t0 = performance.now();
    // Each trainee posts its calls one after the other; the trainees all at once.
    await Promise.all(
      tokens.map(async (token, i) => {
        for (let k = 0; k < CALLS.length; k++) {
          const scenario = CALLS[(i + k) % CALLS.length]!;
          const body = { resultId: randomUUID(), scenario, contentHash: hashes.get(scenario), log: logs.get(scenario) };
          const t = performance.now();
          await json('POST', `${server.base}/api/sessions/${s.id}/results`, body, token);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    const alone: number[] = [];
    for (let i = 0; i < ALONE; i++) {
      const token = (await json('POST', `${server.base}/api/sessions/${s.id}/trainees`, { name: `Alone ${i}` }))
        .traineeToken;
      const scenario = CALLS[i % CALLS.length]!;
      const body = { resultId: randomUUID(), scenario, contentHash: hashes.get(scenario), log: logs.get(scenario) };
      const t = performance.now();
      await json('POST', `${server.base}/api/sessions/${s.id}/results`, body, token);
      alone.push(performance.now() - t);
    }
    return {
      alone: pct(alone, 50),
      joinsPerS,
      resultsPerS: latencies.length / seconds,
      p50: pct(latencies, 50),
      p95: pct(latencies, 95),
      max: Math.max(...latencies),
      posts: latencies.length,
    };
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  const content = await loadContent();
  const hashes = new Map([...content.calls.values()].map((c) => [c.id, c.hash]));
  const results: [string, Figures | string][] = [];

  const dir = mkdtempSync(join(tmpdir(), 'hotliner-bench-'));
  try {
    results.push(['SQLite', await run({ file: join(dir, 'bench.db') }, hashes)]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const pg = await postgres();
  if ('unavailable' in pg) results.push(['PostgreSQL', pg.unavailable]);
  else {
    const url = await freshDatabase(pg.url, 'hotliner_bench');
    try {
      results.push(['PostgreSQL', await run({ url }, hashes)]);
    } finally {
      await dropDatabase(pg.url, url);
      pg.stop();
    }
  }

  const rows: [string, (f: Figures) => string][] = [
    ['results posted', (f) => String(f.posts)],
    ['results / s', (f) => f.resultsPerS.toFixed(0)],
    ['latency p50 (ms)', (f) => f.p50.toFixed(1)],
    ['latency p95 (ms)', (f) => f.p95.toFixed(1)],
    ['latency max (ms)', (f) => f.max.toFixed(1)],
    ['joins / s', (f) => f.joinsPerS.toFixed(0)],
    ['one post alone p50 (ms)', (f) => f.alone.toFixed(1)],
  ];
  console.log(
    `${TRAINEES} trainees × ${CALLS.length} calls on loopback, each result replayed and scored by the server\n`,
  );
  console.log(['', ...results.map(([n]) => n)].map((c, i) => (i ? c.padStart(14) : c.padEnd(24))).join(''));
  for (const [label, get] of rows)
    console.log(
      [label.padEnd(24), ...results.map(([, f]) => (typeof f === 'string' ? 'n/a' : get(f)).padStart(14))].join(''),
    );
  for (const [n, f] of results) if (typeof f === 'string') console.log(`\n${n}: ${f}`);
}

await main();
