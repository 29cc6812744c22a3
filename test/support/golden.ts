// Test helpers: one real call and its golden best path, to change a person's way through it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Golden } from '../../src/analysis/golden.ts';
import { readScenario, ROOT, SCENARIO_DIR } from '../../src/cli/repo.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { playbook } from './load.ts';

/** One call of the repository, compiled; throws if it does not compile. */
export function repoCall(id: string): ScenarioModel {
  const loaded = readScenario(join(SCENARIO_DIR, `${id}.yaml`), playbook());
  if (!loaded.model) throw new Error(`${id} does not compile: ${JSON.stringify(loaded.diags)}`);
  return loaded.model;
}

/** The golden replay of a call (test/golden/<id>.json). */
export function golden(id: string): Golden {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${id}.json`), 'utf8')) as Golden;
}
