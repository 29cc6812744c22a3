// npm run scenarios:graph -- <id|file>: the call as a Mermaid graph on standard output.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scenarioGraph } from '../content/graph.ts';
import { cliLang, fileArgs, readPlaybook, readScenario, SCENARIO_DIR } from './repo.ts';
import { formatDiagnostics } from './format.ts';

function main(args: string[]): number {
  const lang = cliLang(args);
  const [target] = fileArgs(args);
  const raw = args.find((a) => !a.startsWith('--') && a !== lang);
  if (!target || !raw) {
    process.stderr.write('usage: npm run scenarios:graph -- <id|file.yaml>\n');
    return 2;
  }
  const file = existsSync(target) ? target : resolve(join(SCENARIO_DIR, `${raw}.yaml`));
  const pb = readPlaybook();
  if (!pb.playbook) return (process.stderr.write(formatDiagnostics(pb.diags, lang)), 1);
  const loaded = readScenario(file, pb.playbook);
  if (!loaded.model) return (process.stderr.write(formatDiagnostics(loaded.diags, lang)), 1);
  const texts = new Map(loaded.texts.map((t) => [`${loaded.model!.ns}:${t.key}`, t.text]));
  process.stdout.write(scenarioGraph(loaded.model, (k) => texts.get(k) ?? ''));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
