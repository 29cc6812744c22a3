// The query layer: every read and write of sessions, trainees and results, the same SQL on
// SQLite and PostgreSQL (Kysely). Rows in, rows out; the routes shape them.
import type { Kysely } from 'kysely';
import type { ResultRow, SessionRow, Tables, TraineeRow } from './db.ts';
import { newCode } from './secrets.ts';

type Db = Kysely<Tables>;

/** Attempts at a free join code before giving up (a 6-character code collides about once in 10^9). */
const CODE_ATTEMPTS = 8;

/** Stores a session under a fresh join code; returns the code. */
export async function insertSession(db: Db, row: Omit<SessionRow, 'code'>): Promise<string> {
  for (let i = 0; i < CODE_ATTEMPTS; i++) {
    const code = newCode();
    const r = await db
      .insertInto('sessions')
      .values({ ...row, code })
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return code;
  }
  throw new Error('no free join code found');
}

export const sessionById = (db: Db, id: string): Promise<SessionRow | undefined> =>
  db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();

export const sessionByCode = (db: Db, code: string): Promise<SessionRow | undefined> =>
  db.selectFrom('sessions').selectAll().where('code', '=', code).executeTakeFirst();

export async function insertTrainee(db: Db, row: TraineeRow): Promise<void> {
  await db.insertInto('trainees').values(row).execute();
}

export const traineeById = (db: Db, id: string): Promise<TraineeRow | undefined> =>
  db.selectFrom('trainees').selectAll().where('id', '=', id).executeTakeFirst();

export const traineesOf = (db: Db, sessionId: string): Promise<TraineeRow[]> =>
  db
    .selectFrom('trainees')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('joined_at')
    .orderBy('name')
    .orderBy('id')
    .execute();

export const resultById = (db: Db, resultId: string): Promise<ResultRow | undefined> =>
  db.selectFrom('results').selectAll().where('result_id', '=', resultId).executeTakeFirst();

export const resultsOf = (db: Db, sessionId: string): Promise<ResultRow[]> =>
  db
    .selectFrom('results')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('created_at')
    .orderBy('result_id')
    .execute();

export const resultsOfTrainee = (db: Db, traineeId: string): Promise<ResultRow[]> =>
  db.selectFrom('results').selectAll().where('trainee_id', '=', traineeId).orderBy('call_index').execute();

/**
 * Stores a verified result exactly once. `stored`: this row is now kept (committed before the
 * answer). `existing`: a row with this result id was already kept (the first one is the answer).
 * `callTaken`: this trainee already has another result for this call.
 */
export async function insertResult(
  db: Db,
  row: ResultRow,
): Promise<{ kind: 'stored'; row: ResultRow } | { kind: 'existing' | 'callTaken'; row: ResultRow }> {
  // One statement, no read-then-write race: two deliveries of one result race on the primary key.
  const r = await db
    .insertInto('results')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return { kind: 'stored', row };
  const same = await db.selectFrom('results').selectAll().where('result_id', '=', row.result_id).executeTakeFirst();
  if (same) return { kind: 'existing', row: same };
  const taken = await db
    .selectFrom('results')
    .selectAll()
    .where('trainee_id', '=', row.trainee_id)
    .where('scenario', '=', row.scenario)
    .executeTakeFirst();
  if (taken) return { kind: 'callTaken', row: taken };
  throw new Error(`result ${row.result_id} was neither stored nor found`);
}

/** Every result id stored (the fault test counts them). */
export const allResultIds = (db: Db): Promise<{ result_id: string }[]> =>
  db.selectFrom('results').select('result_id').execute();
