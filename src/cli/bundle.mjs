// Precompiled entry points (the trainer tools, the team server): bundled once with esbuild into
// node_modules/.cache and rebuilt only when a file under src/ is newer than the bundle. Under tsx
// every run pays for the loader and for transforming each module (about a second).
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The newest modification time of a file under `dir` (recursively). */
function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** When the oldest of the bundle's files was written, or -1 if one is missing. */
function builtAt(out, names) {
  try {
    return Math.min(...names.map((n) => statSync(join(out, `${n}.mjs`)).mtimeMs));
  } catch {
    return -1;
  }
}

/**
 * Makes sure `out` holds a bundle of each entry (`{ name: path from root }`) no older than the
 * sources, and returns `out`. It is built into a fresh folder, then moved into place: a run that
 * starts meanwhile (another terminal, a parallel test) sees the old bundle or the new one, never
 * half of one.
 */
export async function freshBundle(root, out, entries) {
  const names = Object.keys(entries);
  if (builtAt(out, names) >= newest(join(root, 'src'))) return out;
  const { build } = await import('esbuild');
  const tmp = `${out}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await build({
    entryPoints: names.map((n) => ({ in: join(root, entries[n]), out: n })),
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
    // Another run put its bundle in place first: use that one.
    rmSync(tmp, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
  return out;
}
