// npm run bench:engine: step throughput, and where scenarios:analyze spends its time (load,
// search, random play, strategies per call; the whole command's wall time).
// Prints medians over several runs; figures, never pass/fail (the machines are shared).
import { spawnSync } from 'node:child_process';
import { jobCount } from '../../src/cli/analyze-pool.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { carelessActions } from '../../src/analysis/random-play.ts';
import { randomPlay } from '../../src/analysis/random-play.ts';
import { nextFloat, seedRng } from '../../src/engine/rng.ts';
import { initialState, seedFor, step } from '../../src/engine/step.ts';
import type { Action, CallState } from '../../src/engine/types.ts';
import { readPlaybook, readScenario, ROOT, scenarioFiles } from '../../src/cli/repo.ts';
import { lineLengths, strategyReport } from '../../src/analysis/strategies.ts';

const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Records random calls as (state, action) pairs, so timing measures `step` alone. */
function recordWorkload(sc: ScenarioModel, calls: number): [CallState, Action][] {
  const out: [CallState, Action][] = [];
  let rng = seedRng(7);
  for (let i = 0; i < calls; i++) {
    let s = initialState(sc, i, 'training');
    for (let n = 0; n < 400 && !s.ended; n++) {
      const actions = carelessActions(sc, s);
      const [f, next] = nextFloat(rng);
      rng = next;
      const a = actions[Math.floor(f * actions.length)]!;
      out.push([s, a]);
      s = step(sc, s, a).state;
    }
  }
  return out;
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

const pb = readPlaybook().playbook!;
const files = scenarioFiles();
const rows: string[] = [];
const sums = { load: 0, search: 0, random: 0, strategies: 0 };
for (const file of files) {
  let loaded = readScenario(file, pb);
  const load = median(Array.from({ length: RUNS }, () => time(() => (loaded = readScenario(file, pb)))));
  const sc = loaded.model;
  if (!sc) continue;
  const work = recordWorkload(sc, 200);
  let sink = 0;
  const stepRate = median(
    Array.from({ length: RUNS }, () => {
      const ms = time(() => {
        for (const [s, a] of work) sink += step(sc, s, a).events.length;
      });
      return work.length / (ms / 1000);
    }),
  );
  // The analyser's three parts, as scenarios:analyze runs them: the search (every cause of a
  // family), random play (adaptive, one run for a family) and the strategies (every cause).
  let states = 0;
  const search = median(
    Array.from({ length: RUNS }, () => time(() => (states = analyze(sc, { randomPlays: 0 }).states))),
  );
  let plays = 0;
  const random = median(Array.from({ length: RUNS }, () => time(() => (plays = randomPlay(sc, 2000, 1).randomPlays))));
  const lineLengthsOf = lineLengths(loaded.doc!, pb.doc);
  const seeds = sc.causes.length ? sc.causes.map((_, c) => seedFor(sc, c)) : [1];
  const strategies = median(
    Array.from({ length: RUNS }, () =>
      time(() => seeds.forEach((seed) => strategyReport(sc, { seed, lineLengths: lineLengthsOf }))),
    ),
  );
  sums.load += load;
  sums.search += search;
  sums.random += random;
  sums.strategies += strategies;
  rows.push(
    [
      sc.id.padEnd(18),
      `${Math.round(stepRate).toLocaleString('en')}`.padStart(10),
      `${load.toFixed(0)}`.padStart(6),
      `${search.toFixed(0)}`.padStart(8),
      `${states}`.padStart(7),
      `${random.toFixed(0)}`.padStart(8),
      `${plays}`.padStart(6),
      `${strategies.toFixed(0)}`.padStart(6),
      sink ? '' : '',
    ].join('  '),
  );
}
const head = ['call', 'steps/s', 'load', 'search', 'states', 'random', 'plays', 'strat.'];
const widths = [18, 10, 6, 8, 7, 8, 6, 6];
process.stdout.write(`Engine and analyser benchmark (medians of ${RUNS} runs, node ${process.version}; times in ms)\n`);
process.stdout.write(head.map((h, i) => (i ? h.padStart(widths[i]!) : h.padEnd(widths[i]!))).join('  ') + '\n');
process.stdout.write(rows.join('\n') + '\n');
const total = sums.load + sums.search + sums.random + sums.strategies;
const share = (x: number): string => `${x.toFixed(0)} ms (${((100 * x) / total).toFixed(0)}%)`;
process.stdout.write(
  `sums: load ${share(sums.load)}, search ${share(sums.search)}, random play ${share(sums.random)}, strategies ${share(sums.strategies)}\n`,
);

/** Wall time of a command, in ms. */
function wall(cmd: string, args: readonly string[]): number {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status}`);
  return performance.now() - t;
}

// What a trainer waits for: `npm run scenarios:analyze` on the whole repository, precompiled
// (node src/cli/run.mjs, its bundle already built) on one thread and on one per core, and from
// source under tsx, as the tools ran before.
const analyzeCli = ['src/cli/run.mjs', 'analyze', '--json'];
wall(process.execPath, analyzeCli);
const threads = jobCount(0, files.length);
for (const jobs of [...new Set([1, threads])]) {
  const walls = Array.from({ length: RUNS }, () => wall(process.execPath, [...analyzeCli, '--jobs', String(jobs)]));
  process.stdout.write(
    `scenarios:analyze on the whole repository, ${jobs} thread(s): ${median(walls).toFixed(0)} ms wall (median of ${RUNS}; aim < 5000)\n`,
  );
}
const tsx = Array.from({ length: 3 }, () =>
  wall(process.execPath, ['--import', 'tsx', 'src/cli/analyze.ts', '--json']),
);
process.stdout.write(`the same from source under tsx: ${median(tsx).toFixed(0)} ms wall (median of 3)\n`);
