// npm run bench:analysis: the analyser's search on generated calls of 1×, 2× and 4× the size of
// the library's largest call (its own lines), shaped like the library's (see `realisticCall`):
// states, situations, time and memory by size. Figures, never pass/fail (the machines are shared).
import { spawnSync } from 'node:child_process';
import { analyze } from '../../src/analysis/analyze.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { realisticCall, realisticLines } from '../support/big-call.ts';
import { compile, repoCalls } from '../support/load.ts';

const RUNS = 5;

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const ownLines = (sc: ScenarioModel): number => sc.choices.filter((c) => c.node >= 0).length;
const largest = repoCalls().reduce((a, b) => (ownLines(b) > ownLines(a) ? b : a));
const target = ownLines(largest);

/** The episodes that bring a realistic call closest to `lines` lines. */
function episodesFor(lines: number): number {
  let e = 1;
  while (realisticLines(e + 1) <= lines) e++;
  return e;
}

/**
 * The peak memory (resident set) of a process that loads the tools and analyses one call, in MB:
 * with `episodes` 0, what loading alone takes (the baseline the table subtracts).
 */
function peakMb(episodes: number, shape: { backAt?: number; evidence: readonly number[] }): number {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--one', String(episodes), JSON.stringify(shape)],
    { encoding: 'utf8' },
  );
  return Number(r.stdout.trim()) / 1024;
}

const one = process.argv.indexOf('--one');
if (one >= 0) {
  const episodes = Number(process.argv[one + 1]);
  const shape = JSON.parse(process.argv[one + 2]!) as { backAt?: number; evidence: number[] };
  if (episodes > 0) analyze(compile(realisticCall('gen', { episodes, ...shape }), 'gen'), { randomPlays: 0 });
  process.stdout.write(`${process.resourceUsage().maxRSS}\n`);
  process.exit(0);
}

/** The calls' shapes: with no "go back" line, with one closing a loop of four nodes (the default), and two facts the diagnosis reads. */
const shapes: readonly { name: string; backAt?: number; evidence: readonly number[] }[] = [
  { name: 'no "go back" line', backAt: -1, evidence: [] },
  { name: 'a loop of 4 nodes', evidence: [] },
  { name: 'loop + 2 facts read by the diagnosis', evidence: [1, 3] },
];

process.stdout.write(
  `Analyser benchmark: generated calls by size (the library's largest, ${largest.id}, has ${target} lines); ` +
    `time: median of ${RUNS} runs; memory: the analysing process's peak above loading alone; node ${process.version}\n`,
);
process.stdout.write(
  ['size', 'shape', 'lines', 'nodes', 'facts', 'states', 'situations', 'best', 'ms', 'µs/state', 'peak MB']
    .map((h, i) => (i === 1 ? h.padEnd(38) : h.padStart(i ? 8 : 4)))
    .join(' ') + '\n',
);
const baseline = peakMb(0, { evidence: [] });
for (const scale of [1, 2, 4]) {
  const episodes = episodesFor(scale * target);
  for (const shape of shapes) {
    const sc = compile(realisticCall(`gen-${scale}`, { episodes, ...shape }), `gen-${scale}`);
    let a = analyze(sc, { randomPlays: 0, explain: true });
    const times = Array.from({ length: RUNS }, () => {
      const t = performance.now();
      a = analyze(sc, { randomPlays: 0 });
      return performance.now() - t;
    });
    const ms = median(times);
    const peak = peakMb(episodes, shape) - baseline;
    const situations = analyze(sc, { randomPlays: 0, explain: true }).size?.situations ?? 0;
    const cells = [
      `${scale}×`,
      shape.name,
      ownLines(sc),
      sc.nodes.length,
      sc.facts.length,
      `${a.states}${a.stoppedBy ? ` (${a.stoppedBy})` : ''}`,
      situations,
      `${a.bestScore}${a.bestIs === 'atLeast' ? '+' : ''}`,
      ms.toFixed(0),
      ((1000 * ms) / a.states).toFixed(1),
      peak.toFixed(0),
    ];
    process.stdout.write(
      cells.map((c, i) => (i === 1 ? String(c).padEnd(38) : String(c).padStart(i ? 8 : 4))).join(' ') + '\n',
    );
  }
}
