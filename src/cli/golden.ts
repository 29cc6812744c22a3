// npm run golden:update: records each call's best path and its scorecard as a golden replay.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../analysis/analyze.ts';
import { replayToEnd } from '../engine/replay.ts';
import { goldenCard, GOLDEN_SEED, type Golden } from '../analysis/golden.ts';
import { ROOT, displayPath, readPlaybook, readScenario, scenarioFiles } from './repo.ts';

const pb = readPlaybook().playbook;
if (!pb) throw new Error('the playbook does not load: run npm run scenarios:check');
const dir = join(ROOT, 'test', 'golden');
mkdirSync(dir, { recursive: true });
// GOLDEN_ONLY=<id>: rewrite one call's golden file and leave the others alone.
const only = process.env.GOLDEN_ONLY;
for (const f of scenarioFiles().filter((p) => !only || p.endsWith(`/${only}.yaml`))) {
  const sc = readScenario(f, pb).model;
  if (!sc) continue;
  // A symptom family's golden path is the one of the cause its seed draws.
  const a = analyze(sc, { seed: GOLDEN_SEED, randomPlays: 0, oneCause: true });
  const log = a.bestLog.map((e) => ({ at: e.at, action: e.action }));
  const golden: Golden = {
    scenario: sc.id,
    seed: GOLDEN_SEED,
    mode: 'exam',
    log,
    expected: goldenCard(replayToEnd(sc, GOLDEN_SEED, log, 'exam').state, sc),
  };
  const file = join(dir, `${sc.id}.json`);
  writeFileSync(file, JSON.stringify(golden, null, 1) + '\n');
  process.stdout.write(`${displayPath(file)}  total ${golden.expected.total}, ${log.length} actions\n`);
}
