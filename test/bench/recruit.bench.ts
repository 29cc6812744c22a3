// npm run bench:recruit: how a careful recruit (reads 7 s before each answer, at real-time pace)
// fares on every call along its golden path (every cause of a symptom family), and how one who
// never speaks fares.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAREFUL, playAsRecruit, recruitRuns } from '../../src/analysis/recruit.ts';
import type { Golden } from '../../src/analysis/golden.ts';
import { ROOT, readPlaybook, readScenario, scenarioFiles } from '../../src/cli/repo.ts';
import { scoreCall } from '../../src/engine/scoring.ts';

const pb = readPlaybook().playbook!;
const readMs = Number(process.env.READ_MS ?? CAREFUL.readMs);
for (const file of scenarioFiles()) {
  const sc = readScenario(file, pb).model!;
  const golden = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${sc.id}.json`), 'utf8')) as Golden;
  const row = [sc.id.padEnd(20), `d${sc.difficulty}`];
  for (const { seed, plan } of recruitRuns(sc, golden)) {
    const r = playAsRecruit(sc, plan, seed, 'training', { ...CAREFUL, readMs });
    const c = scoreCall(sc, r.state);
    const e = r.state.ended;
    row.push(
      `${c.outcome.padEnd(9)} ${String(c.total).padStart(3)}${c.won ? '✓' : ' '} ${e ? `${e.by}@${Math.round(e.at / 1000)}s` : ''}`.padEnd(
        28,
      ),
    );
  }
  console.log(row.join(' '));
}
