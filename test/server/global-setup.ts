// Starts one PostgreSQL for the server tests (or takes DATABASE_URL / TEST_DATABASE_URL). In CI
// (CI=true) a missing PostgreSQL fails the run; elsewhere its tests are skipped, and say why.
import type { TestProject } from 'vitest/node';
import { postgres } from './pg-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server's URL for the tests to make their databases on; null: none. */
    pgServerUrl: string | null;
    /** Why there is none. */
    pgUnavailable: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const pg = await postgres();
  if ('unavailable' in pg) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL is required in CI: ${pg.unavailable}`);
    console.warn(`server tests on PostgreSQL skipped: ${pg.unavailable}`);
    project.provide('pgServerUrl', null);
    project.provide('pgUnavailable', pg.unavailable);
    return () => {};
  }
  project.provide('pgServerUrl', pg.url);
  project.provide('pgUnavailable', '');
  return () => pg.stop();
}
