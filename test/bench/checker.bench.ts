// npm run bench:checker (tsx test/bench/checker.bench.ts): how long the checker takes on the whole
// library and on generated calls of growing size (clean, untranslated, every goto broken). Figures
// to compare, never pass/fail: time that grows 4x when the size doubles is a quadratic spot.
import { loadScenario } from '../../src/content/load.ts';
import { readPlaybook, readScenario, scenarioFiles } from '../../src/cli/repo.ts';
import { bigCall } from '../support/big-call.ts';

const RUNS = 3;

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function time(run: () => unknown): number {
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    run();
    out.push(performance.now() - t0);
  }
  return Math.round(median(out));
}

const pb = readPlaybook().playbook!;
console.log(
  `library (${scenarioFiles().length} calls): ${time(() => scenarioFiles().map((f) => readScenario(f, pb)))} ms`,
);
const kinds = {
  clean: { broken: false, en: undefined },
  untranslated: { broken: false, en: '{}' },
  'broken gotos': { broken: true, en: undefined },
} as const;
for (const nodes of [500, 1000, 2000]) {
  const row = Object.entries(kinds).map(([name, k]) => {
    const text = bigCall('big', { nodes, brokenGotos: k.broken });
    const translations = k.en === undefined ? {} : { en: { file: 'locales/en/big.json', text: k.en } };
    return `${name} ${time(() => loadScenario({ file: 'big.yaml', text, translations }, pb))} ms`;
  });
  console.log(`${nodes} nodes: ${row.join(', ')}`);
}
