// node src/server/run.mjs [flags]: the team server, precompiled. As for the trainer tools
// (src/cli/run.mjs), the server is bundled once with esbuild into node_modules/.cache and rebuilt
// only when a file under src/ is newer: it starts in a fraction of a second, without tsx's loader
// (the fault test and the benchmark restart it often).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.HOTLINER_SERVER_CACHE ?? join(root, 'node_modules', '.cache', 'hotliner-server');
const entry = join(out, 'main.mjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function builtAt() {
  try {
    return statSync(entry).mtimeMs;
  } catch {
    return -1;
  }
}

/** Bundles into a fresh folder, then moves it into place: a concurrent start sees one whole bundle. */
async function build() {
  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: [{ in: join(root, 'src', 'server', 'main.ts'), out: 'main' }],
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  mkdirSync(dirname(out), { recursive: true });
  const old = `${out}.${process.pid}.old`;
  try {
    renameSync(out, old);
  } catch {
    // No previous bundle.
  }
  try {
    renameSync(tmp, out);
  } catch {
    // Another start put its bundle in place first: use that one.
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

if (builtAt() < newest(join(root, 'src'))) await build();
await import(pathToFileURL(entry).href);
