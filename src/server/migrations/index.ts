// The schema's versions, in order: names sort as they apply. A released migration is never
// edited; a change of schema is a new file here.
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-sessions.ts';
import * as m0002 from './0002-session-calls.ts';

const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-sessions': m0001,
  '0002-session-calls': m0002,
};

/** Migrations as code (bundled with the server), not files read from disk at run time. */
export const migrations: MigrationProvider = { getMigrations: async () => ({ ...MIGRATIONS }) };
