// node src/cli/run.mjs <tool> [args…]: runs a trainer tool (check, analyze, graph, i18n, schema,
// golden, scorm) precompiled. Under tsx every run pays for the loader and for transforming each module
// (about a second); here the tools are bundled once with esbuild into node_modules/.cache and
// rebuilt only when a file under src/ is newer than the bundle.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TOOLS = ['check', 'analyze', 'graph', 'i18n', 'schema', 'golden', 'scorm'];
const ENTRIES = [...TOOLS, 'analyze-worker'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.HOTLINER_CLI_CACHE ?? join(root, 'node_modules', '.cache', 'hotliner-cli');

/** The newest modification time of a file under `dir` (recursively). */
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
    return Math.min(...ENTRIES.map((e) => statSync(join(out, `${e}.mjs`)).mtimeMs));
  } catch {
    return -1;
  }
}

/**
 * Bundles every tool into a fresh folder, then moves it into place: a run that starts meanwhile
 * (another terminal, a parallel test) sees the old bundle or the new one, never half of one.
 */
async function build() {
  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES.map((e) => ({ in: join(root, 'src', 'cli', `${e}.ts`), out: e })),
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
  renameSync(tmp, out);
  rmSync(old, { recursive: true, force: true });
}

const tool = process.argv[2];
if (!TOOLS.includes(tool)) {
  process.stderr.write(`usage: node src/cli/run.mjs <${TOOLS.join('|')}> [args…]\n`);
  process.exit(2);
}
if (builtAt() < newest(join(root, 'src'))) await build();
// The tool reads its arguments from process.argv.slice(2), as when run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(join(out, `${tool}.mjs`)).href);
