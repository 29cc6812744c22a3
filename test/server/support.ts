// The server tests' kit: a database per backend (SQLite temp file; PostgreSQL when available),
// the calls loaded once, real logs (the golden best paths), and a small JSON client.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { makeLog, type CallLog, type LogEntry } from '../../src/engine/replay.ts';
import { loadContent, type ServerContent } from '../../src/server/content.ts';
import type { DbTarget } from '../../src/server/db.ts';
import { dropDatabase, freshDatabase } from './pg-cluster.ts';

export type Backend = {
  readonly name: 'sqlite' | 'postgres';
  /** Why this backend's tests are skipped; null: they run. */
  readonly skip: string | null;
  /** A fresh, empty database, and how to delete it. */
  fresh(): Promise<{ target: DbTarget; cleanup: () => Promise<void> }>;
};

export function backends(): Backend[] {
  const pgUrl = inject('pgServerUrl');
  return [
    {
      name: 'sqlite',
      skip: null,
      fresh: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'hotliner-sqlite-'));
        return {
          target: { file: join(dir, 'test.db') },
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        };
      },
    },
    {
      name: 'postgres',
      skip: pgUrl ? null : inject('pgUnavailable'),
      fresh: async () => {
        const url = await freshDatabase(pgUrl!);
        return { target: { url }, cleanup: () => dropDatabase(pgUrl!, url) };
      },
    },
  ];
}

let loaded: Promise<ServerContent> | null = null;
/** The repository's calls, compiled once per test file. */
export const content = (): Promise<ServerContent> => (loaded ??= loadContent());

/** A call's golden best path as the browser would post it (seed 1, exam). */
export function goldenLog(id: string): CallLog {
  const g = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${id}.json`), 'utf8')) as {
    seed: number;
    mode: 'exam' | 'training';
    log: LogEntry[];
  };
  return makeLog(id, g.seed, g.mode, g.log, g.log.at(-1)?.at ?? 0);
}

export type Reply = { status: number; body: any; headers: Headers; text: string };

/** JSON requests against a fetch function (an in-process app's, or a real server's). */
export function client(fetcher: (req: Request) => Response | Promise<Response>, origin = 'http://hotliner.test') {
  return async (method: string, path: string, body?: unknown, token?: string): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetcher(
      new Request(`${origin}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    );
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (CSV, the page): the text is there.
    }
    return { status: res.status, body: parsed, headers: res.headers, text };
  };
}
