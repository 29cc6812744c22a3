// A throwaway PostgreSQL for the server's tests and benchmark: the one DATABASE_URL or
// TEST_DATABASE_URL names, else a cluster made with the installed binaries (initdb into a
// temporary folder, pg_ctl on a free port of 127.0.0.1; as the postgres user when run as root,
// since initdb refuses root), stopped and deleted afterwards.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type PgServer = { readonly url: string; stop(): void };

/** The PostgreSQL binaries: $PG_BIN, Debian's newest /usr/lib/postgresql/<v>/bin, or the PATH's. */
function binDir(): string | null {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(debian, versions[0], 'bin');
  }
  try {
    return execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster, or says why it cannot. */
export async function startCluster(): Promise<PgServer | { readonly unavailable: string }> {
  const bin = binDir();
  if (!bin || !existsSync(join(bin, 'initdb')))
    return { unavailable: 'no PostgreSQL binaries (apt-get install -y postgresql)' };
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'hotliner-pg-'));
  const data = join(dir, 'data');
  // As root, everything runs as the postgres user, who must own the folder (and work in it: the
  // repository's folder may be closed to that user).
  const run = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args], { stdio: 'pipe', cwd: dir })
      : execFileSync(join(bin, cmd), args, { stdio: 'pipe', cwd: dir });
  try {
    if (root) execFileSync('chown', ['postgres:', dir]);
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    const port = await freePort();
    const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c max_connections=200`;
    run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop() {
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    rmSync(dir, { recursive: true, force: true });
    return { unavailable: `could not start PostgreSQL from ${bin}: ${err.stderr?.toString().trim() || err.message}` };
  }
}

/** The given server (DATABASE_URL / TEST_DATABASE_URL), or a throwaway cluster. */
export async function postgres(): Promise<PgServer | { readonly unavailable: string }> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return url ? { url, stop: () => {} } : startCluster();
}

/** A fresh, empty database on that server (each test file, each run, its own); returns its URL. */
export async function freshDatabase(serverUrl: string, prefix = 'hotliner_test'): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops a database made by freshDatabase (its connections first). */
export async function dropDatabase(serverUrl: string, url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
