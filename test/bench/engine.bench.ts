// npm run bench:engine: step throughput, analysis time and states, random plays per second.
// Prints medians over several runs; figures, never pass/fail (the machines are shared).
import { analyzeFiles, jobCount } from '../../src/cli/analyze-pool.ts';
import { analyze } from '../../src/analysis/analyze.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { carelessActions } from '../../src/analysis/random-play.ts';
import { randomPlay } from '../../src/analysis/random-play.ts';
import { nextFloat, seedRng } from '../../src/engine/rng.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { Action, CallState } from '../../src/engine/types.ts';
import { readPlaybook, readScenario, scenarioFiles } from '../../src/cli/repo.ts';

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
const calls = scenarioFiles()
  .map((f) => readScenario(f, pb).model)
  .filter((m): m is ScenarioModel => m !== null);
const rows: string[] = [];
let totalAnalysis = 0;
for (const sc of calls) {
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
  let states = 0;
  const analysisMs = median(
    Array.from({ length: RUNS }, () =>
      time(() => {
        states = analyze(sc, { randomPlays: 0 }).states;
      }),
    ),
  );
  totalAnalysis += analysisMs;
  const playsRate = median(Array.from({ length: 3 }, () => 500 / (time(() => randomPlay(sc, 500, 1, false)) / 1000)));
  rows.push(
    [
      sc.id.padEnd(18),
      `${Math.round(stepRate).toLocaleString('en')}`.padStart(12),
      `${analysisMs.toFixed(0)} ms`.padStart(10),
      `${states}`.padStart(8),
      `${Math.round(playsRate)}`.padStart(10),
      sink ? '' : '',
    ].join('  '),
  );
}
process.stdout.write(`Engine benchmark (median of ${RUNS} runs, node ${process.version})\n`);
process.stdout.write(
  `${'call'.padEnd(18)}  ${'steps/s'.padStart(12)}  ${'analysis'.padStart(10)}  ${'states'.padStart(8)}  ${'plays/s'.padStart(10)}\n`,
);
process.stdout.write(rows.join('\n') + '\n');
process.stdout.write(`whole repository analysed in ${totalAnalysis.toFixed(0)} ms (sum of medians; aim < 2000 ms)\n`);
// What a trainer waits for: scenarios:analyze on the whole repository (search and 500 random
// plays per call), on one thread and on one thread per core (thread start-up included).
const threads = jobCount(0, calls.length);
for (const jobs of [...new Set([1, threads])]) {
  const walls: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await analyzeFiles(scenarioFiles(), { randomPlays: 500 }, jobs);
    walls.push(performance.now() - t);
  }
  process.stdout.write(
    `scenarios:analyze --plays 500 on the whole repository, ${jobs} thread(s): ${median(walls).toFixed(0)} ms (median of 3)\n`,
  );
}
