// Analysing several calls side by side, one worker thread per core: the search and the random
// plays of one call are independent of every other call's. Results come back in file order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { analyze, type Analysis, type AnalyzeOptions } from '../analysis/analyze.ts';
import type { Diagnostic } from '../content/source.ts';
import { lineLengths } from '../analysis/strategies.ts';
import { readPlaybook, readScenario } from './repo.ts';
import type { PlaybookModel } from '../content/playbook.ts';

/** One call's result: its analysis, or the errors that kept it from loading. */
export type FileAnalysis = {
  readonly file: string;
  readonly analysis: Analysis | null;
  readonly errors: readonly Diagnostic[];
};

let playbook: PlaybookModel | undefined;

/**
 * Loads and analyses one file (the playbook is read once per thread). With `strategies`, the
 * strategies measure lines by their source texts.
 */
export function analyzeFile(file: string, opts: AnalyzeOptions): FileAnalysis {
  const pb = (playbook ??= readPlaybook().playbook!);
  const loaded = readScenario(file, pb);
  if (!loaded.model) return { file, analysis: null, errors: loaded.diags.filter((d) => d.severity === 'error') };
  const strategies = opts.strategies && { ...opts.strategies, lineLengths: lineLengths(loaded.doc!, pb.doc) };
  return { file, analysis: analyze(loaded.model, { ...opts, strategies }), errors: [] };
}

/**
 * How many threads to use: `--jobs N` if given (`--jobs 0`: one per core), else one, never more
 * than the files. One by default: on the 2-core machines the project is measured on, a second
 * thread does not pay for its start-up (see `npm run bench:engine`); on a laptop with more
 * cores, `--jobs 0` analyses several calls at once.
 */
export function jobCount(requested: number | null, files: number): number {
  const want = requested === null ? 1 : requested === 0 ? availableParallelism() : requested;
  return Math.max(1, Math.min(files, want));
}

/**
 * Analyses `files` on `jobs` threads (1: in this thread). Each worker takes the next file as
 * soon as it is free, so one long call does not hold the others back.
 */
export async function analyzeFiles(
  files: readonly string[],
  opts: AnalyzeOptions,
  jobs: number,
): Promise<FileAnalysis[]> {
  if (jobs <= 1) return files.map((f) => analyzeFile(f, opts));
  const results: FileAnalysis[] = new Array(files.length);
  let next = 0;
  const run = (): Promise<void> =>
    new Promise((done, fail) => {
      const worker = spawn(opts);
      const feed = (): void => {
        if (next >= files.length) {
          void worker.terminate().then(() => done());
          return;
        }
        const i = next++;
        worker.once('message', (r: FileAnalysis) => {
          results[i] = r;
          feed();
        });
        worker.postMessage(files[i]);
      };
      worker.once('error', fail);
      feed();
    });
  await Promise.all(Array.from({ length: jobs }, run));
  return results;
}

/**
 * A worker running `analyze-worker`. Precompiled (`src/cli/run.mjs`), it is the bundle beside this
 * one; from source under tsx, whose loader a worker thread does not inherit for its entry file,
 * the entry is a line of JavaScript that imports it through tsx's own API.
 */
function spawn(opts: AnalyzeOptions): Worker {
  const workerData = { hotlinerAnalyze: opts };
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./analyze-worker.mjs', import.meta.url), { workerData });
  const api = import.meta.resolve('tsx/esm/api');
  const file = new URL('./analyze-worker.ts', import.meta.url).href;
  const entry = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`;
  return new Worker(entry, { eval: true, workerData });
}
