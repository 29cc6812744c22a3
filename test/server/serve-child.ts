// The team server as a child process (`node src/server/run.mjs`), on a free port of 127.0.0.1,
// for the fault test and the benchmark.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/repo.ts';
import type { DbTarget } from '../../src/server/db.ts';

export type Child = { readonly base: string; readonly process: ChildProcess; readonly output: () => string };

/** Starts a server on `target` and resolves once it listens (its first line gives the port). */
export function startServer(target: DbTarget, extra: readonly string[] = []): Promise<Child> {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const args = [
    join(ROOT, 'src', 'server', 'run.mjs'),
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--no-rate-limit',
    // The API alone: a test that needs the game builds it itself.
    '--no-build',
    ...extra,
  ];
  if ('url' in target) env.DATABASE_URL = target.url;
  else args.push('--db', target.file);
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start in 90 s:\n${out}`));
    }, 90_000);
    const read = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Hotliner team server: (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ base: m[1]!, process: child, output: () => out });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${out}`));
    });
  });
}

/** Stops a server and waits for its exit. */
export function stopServer(c: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (c.process.exitCode !== null || c.process.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    c.process.once('exit', () => resolve());
    c.process.kill(signal);
  });
}
