// The team server's database: an embedded SQLite file by default, PostgreSQL when given a URL.
// One Kysely query layer over both; the schema's versions are applied at start.
import Database from 'libsql';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';

export type SessionRow = {
  id: string;
  code: string;
  name: string;
  /** JSON array of call ids, in order. */
  calls: string;
  seed: number;
  mode: string;
  deadline: string | null;
  trainer_key_hash: string;
  /** JSON object: call id → content version at creation. */
  content_hashes: string;
  created_at: string;
};

export type TraineeRow = {
  id: string;
  session_id: string;
  name: string;
  token_hash: string;
  joined_at: string;
};

export type ResultRow = {
  result_id: string;
  session_id: string;
  trainee_id: string;
  scenario: string;
  call_index: number;
  content_hash: string;
  log: string;
  scorecard: string;
  total: number;
  /** 0 or 1 (SQLite has no boolean). */
  passed: number;
  late: number;
  created_at: string;
};

/** A call a session brought with it (imported from a pack in the trainer's browser), checked at creation. */
export type SessionCallRow = {
  session_id: string;
  call_id: string;
  /** Its content version, pinned: results on it are replayed against this very call. */
  content_hash: string;
  /** The call's YAML as sent. */
  yaml: string;
  /** JSON object: language → translation JSON text. */
  translations: string;
};

export type Tables = {
  sessions: SessionRow;
  trainees: TraineeRow;
  results: ResultRow;
  session_calls: SessionCallRow;
};

export type DbKind = 'sqlite' | 'postgres';
export type Db = { readonly db: Kysely<Tables>; readonly kind: DbKind; readonly where: string };

/** Where to store: a PostgreSQL URL, or an SQLite file. */
export type DbTarget = { readonly url: string } | { readonly file: string };

/** Opens the database and brings its schema to the latest version; throws when it cannot. */
export async function openDb(target: DbTarget): Promise<Db> {
  const opened = 'url' in target ? openPostgres(target.url) : openSqlite(target.file);
  const { error, results } = await new Migrator({ db: opened.db, provider: migrations }).migrateToLatest();
  if (error) {
    await opened.db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${String((error as Error).message ?? error)}`);
  }
  return opened;
}

function openSqlite(file: string): Db {
  const sqlite = new Database(file);
  // WAL with a full sync at each commit: an acknowledged result survives a crash or a power cut.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return { db: new Kysely<Tables>({ dialect: new SqliteDialect({ database: sqlite }) }), kind: 'sqlite', where: file };
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  return { db: new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) }), kind: 'postgres', where: redact(url) };
}

/** A URL without its password, for logs. */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
