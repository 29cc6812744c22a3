// A call's English words as the page shows them, and its golden best path: what the browser
// tests look for on screen and play.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Golden } from '../../src/analysis/golden.ts';
import { readScenario, ROOT } from '../../src/cli/repo.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { playbook } from '../support/load.ts';
import type { Texts } from './player.ts';

export function scenario(id: string): ScenarioModel {
  return readScenario(join(ROOT, 'scenarios', `${id}.yaml`), playbook()).model!;
}

export function golden(id: string): Golden {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${id}.json`), 'utf8')) as Golden;
}

export function englishTexts(id: string, sc: ScenarioModel): Texts {
  const json = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', `${id}.json`), 'utf8')) as {
    choices: Record<string, { text: string }>;
    diagnoses: Record<string, string>;
    facts: Record<string, string>;
  };
  const lines = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'playbook.json'), 'utf8')) as {
    lines: Record<string, { text: string }>;
    ticket: Record<'categories' | 'priorities', Record<string, string>>;
  };
  return {
    choice: (c: string) => json.choices[c]?.text ?? lines.lines[c]!.text,
    diagnosis: (d: string) => json.diagnoses[d]!,
    fact: (f: string) => json.facts[f]!,
    ticketClass: (part, id) => lines.ticket[part][id]!,
    factIds: (labels: readonly string[]) => Object.keys(json.facts).filter((f) => labels.includes(json.facts[f]!)),
    founded: (d: string, known: readonly string[]) => {
      const evidence = sc.diagnoses.find((x) => x.id === d)?.evidence;
      if (!evidence) return true;
      const no = (): boolean => false;
      return evidence.evaluate({
        knows: (f) => known.includes(f),
        variable: () => 0,
        elapsed: () => 0,
        onHold: no,
        done: no,
        said: no,
        visited: no,
        diagnosed: no,
        running: no,
        crashed: no,
        frozen: no,
        cause: no,
      });
    },
  };
}
