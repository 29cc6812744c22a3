// node src/server/run.mjs [flags]: the team server, precompiled like the trainer tools
// (src/cli/bundle.mjs): it starts in a fraction of a second, without tsx's loader (the fault test
// and the benchmark restart it often).
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from '../cli/bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.HOTLINER_SERVER_CACHE ?? join(root, 'node_modules', '.cache', 'hotliner-server');
await freshBundle(root, out, { main: 'src/server/main.ts' });
await import(pathToFileURL(join(out, 'main.mjs')).href);
