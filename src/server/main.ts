// `npm run serve [-- --host H --port P --db FILE --no-build]`: the team server. Loads the calls, opens the
// database (SQLite file, or PostgreSQL when DATABASE_URL is set) and serves the game and the API.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { serveConfig } from './config.ts';
import { loadContent, staleCalls } from './content.ts';
import { openDb } from './db.ts';
import { ROOT } from '../cli/repo.ts';
import { resolve } from 'node:path';

const DIST = resolve(ROOT, 'dist');

async function main(): Promise<void> {
  const config = serveConfig(process.argv.slice(2), process.env);
  const content = await loadContent();
  for (const b of content.broken) console.warn(`warning: call left out, it does not compile: ${b}`);
  const db = await openDb(config.target);
  let stale = await staleCalls(config.app.dist, content);
  // One command for a trainer: the game is built first when it is missing or older than the calls.
  if ((stale === null || stale.length) && !process.argv.includes('--no-build') && config.app.dist === DIST) {
    console.log(stale === null ? 'Building the game (dist/)…' : `Rebuilding the game: ${stale.join(', ')} changed…`);
    const { build } = await import('vite');
    await build({ root: ROOT, logLevel: 'warn' });
    stale = await staleCalls(config.app.dist, content);
  }
  if (stale === null) console.warn(`warning: the game is not built (${config.app.dist}): run npm run build first`);
  else if (stale.length)
    console.warn(
      `warning: the built game is older than the calls (${stale.join(', ')}): results for them would be refused; run npm run build`,
    );
  const app = createApp(db, content, config.app);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
    console.log(
      `Hotliner team server: http://${shown}:${info.port} (${db.kind}: ${db.where}, ${content.calls.size} calls)`,
    );
  });
  const stop = () => {
    server.close();
    void db.db.destroy().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e: unknown) => {
  console.error(`hotliner serve: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
