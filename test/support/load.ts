// Test helpers: the real playbook and calls, compiled as the game compiles them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlaybookModel } from '../../src/content/playbook.ts';
import { loadPlaybook } from '../../src/content/load.ts';
import { loadScenario } from '../../src/content/load.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { ROOT, readPlaybook, readScenario, scenarioFiles } from '../../src/cli/repo.ts';

let cached: PlaybookModel | null = null;

export function playbook(): PlaybookModel {
  cached ??= readPlaybook().playbook!;
  return cached;
}

/** Compiles YAML text as a call; throws with the diagnostics if it has structural errors. */
export function compile(yaml: string, id = 'test-call', pb: PlaybookModel = playbook()): ScenarioModel {
  const loaded = loadScenario({ file: `${id}.yaml`, text: yaml, translations: {} }, pb);
  if (!loaded.model)
    throw new Error(loaded.diags.map((d) => `${d.line}:${d.col} ${d.code} ${JSON.stringify(d.params)}`).join('\n'));
  return loaded.model;
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}

/** The small call used by the rule tests (see test/fixtures/mini-call.yaml). */
export function mini(patch: (yaml: string) => string = (y) => y): ScenarioModel {
  return compile(patch(fixture('mini-call.yaml')), 'mini-call');
}

/** Every call of the repository, compiled. */
export function repoCalls(): ScenarioModel[] {
  return scenarioFiles()
    .map((f) => readScenario(f, playbook()).model!)
    .filter(Boolean);
}

export function playbookWith(patch: (yaml: string) => string): PlaybookModel {
  const text = patch(readFileSync(join(ROOT, 'scenarios', 'playbook.yaml'), 'utf8'));
  const r = loadPlaybook('playbook.yaml', text);
  if (!r.playbook) throw new Error(JSON.stringify(r.diags));
  return r.playbook;
}

/**
 * Replaces the tools block of mini-call with `tools` (YAML, indented two spaces), with a
 * customer patient enough to sit through long silences while the tools are tested.
 */
export const withTools =
  (tools: string) =>
  (y: string): string =>
    y
      .replace(/tools:\n[\s\S]*?\ndiagnoses:/, `tools:\n${tools}\ndiagnoses:`)
      .replace(
        '  name: M. Test',
        '  name: M. Test\n  vars: { anger: { init: 0, max: 100 }, patience: { init: 100, max: 100 } }',
      );
