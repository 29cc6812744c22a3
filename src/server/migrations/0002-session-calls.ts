// The calls a session brings with it: imported from packs in the trainer's browser, checked by the
// server when the session is made, kept with their content version so that results on them are
// replayed against the very call the trainees played. Deleted with their session.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('session_calls')
    .addColumn('session_id', 'text', (c) => c.notNull().references('sessions.id').onDelete('cascade'))
    .addColumn('call_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('yaml', 'text', (c) => c.notNull())
    .addColumn('translations', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_calls_pk', ['session_id', 'call_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session_calls').execute();
}
