// Sizes for the browser benchmark: the built JavaScript and the first load, gzip and brotli
// (best settings), and the bytes the server actually sent.
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { files } from './pages.ts';

type Fetched = { readonly path: string; readonly encoded: number; readonly decoded: number };

const kb = (b: number): string => `${(b / 1024).toFixed(0)} kB`;
const gz = (f: string): number => gzipSync(readFileSync(f), { level: 9 }).length;
const br = (f: string): number =>
  brotliCompressSync(readFileSync(f), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

function sum(list: readonly string[], size: (f: string) => number): number {
  return list.reduce((a, f) => a + size(f), 0);
}

/** The files of `dir` a page fetched (the document as index.html). */
function fetchedFiles(dir: string, fetched: readonly Fetched[]): string[] {
  return fetched
    .map((r) => join(dir, r.path.endsWith('/') ? 'index.html' : r.path))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
}

function triple(list: readonly string[]): string {
  return `${kb(sum(list, (f) => statSync(f).size))} raw, ${kb(sum(list, gz))} gz, ${kb(sum(list, br))} br`;
}

/** Lines for the report: JS, the call's first load, Phaser, the content file, and what went over the wire. */
export function sizes(
  dir: string,
  fetched: readonly Fetched[],
  bareDir: string,
  bareFetched: readonly Fetched[],
): string[] {
  const js = files(dir).filter((f) => f.endsWith('.js'));
  const first = fetchedFiles(dir, fetched);
  const content = files(dir).filter((f) => /content-[\w-]+\.json$/.test(f));
  const bareFirst = fetchedFiles(bareDir, bareFetched);
  const wire = (list: readonly Fetched[]): number => list.reduce((a, r) => a + r.encoded, 0);
  const biggest = [...js].sort((a, b) => statSync(b).size - statSync(a).size).slice(0, 4);
  return [
    `  JS, all chunks: ${triple(js)}`,
    ...biggest.map((f) => `    ${basename(f)}: ${triple([f])}`),
    `  the call's first load (deep link): ${first.length} files, ${triple(first)}; sent by the server: ${kb(wire(fetched))}`,
    `  content (calls, playbook, translations): ${triple(content)}`,
    `  bare Canvas page: ${bareFirst.length} files, ${triple(bareFirst)}; sent: ${kb(wire(bareFetched))}`,
  ];
}
