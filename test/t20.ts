import { analyze } from '../src/analysis/analyze.ts';
import { readPlaybook, readScenario, scenarioFiles } from '../src/cli/repo.ts';
const pb = readPlaybook().playbook!;
const calls = scenarioFiles().map((f) => readScenario(f, pb).model!);
for (let i = 0; i < 4; i++) for (const sc of calls) analyze(sc, { randomPlays: 0 });
