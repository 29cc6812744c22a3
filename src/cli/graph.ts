// npm run scenarios:graph -- <id|file> [more…] [--out path] [--analyze] [--mermaid]: each call's
// map as a standalone SVG file (opens offline in any browser); --analyze also greys what the
// analyser never reaches (seconds per call); --mermaid prints the Mermaid flowchart instead.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyze } from '../analysis/analyze.ts';
import { scenarioGraph } from '../content/graph.ts';
import { checkerText } from '../content/messages.ts';
import { callMap, mapSvg } from '../studio/map.ts';
import { mapLabels } from '../studio/map-labels.ts';
import { mapPositions } from '../studio/map-source.ts';
import { cliLang, displayPath, readPlaybook, readScenario, ROOT, SCENARIO_DIR } from './repo.ts';
import { formatDiagnostics } from './format.ts';

/** Where maps go unless --out says otherwise (ignored by git, like dist-scorm/). */
const DEFAULT_DIR = join(ROOT, 'dist-maps');

function main(args: string[]): number {
  const lang = cliLang(args);
  const outAt = args.indexOf('--out');
  const out = outAt >= 0 ? args[outAt + 1] : undefined;
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang' && args[i - 1] !== '--out');
  if (!names.length || (outAt >= 0 && !out)) {
    process.stderr.write(
      'usage: npm run scenarios:graph -- <id|file.yaml>… [--out file.svg|folder] [--analyze] [--mermaid]\n',
    );
    return 2;
  }
  const pb = readPlaybook();
  if (!pb.playbook) return (process.stderr.write(formatDiagnostics(pb.diags, lang)), 1);
  const single = out?.endsWith('.svg') ?? false;
  if (single && names.length > 1) {
    process.stderr.write(checkerText(lang, 'graph.oneFile') + '\n');
    return 2;
  }
  let code = 0;
  for (const name of names) {
    const file = existsSync(name) ? resolve(name) : resolve(join(SCENARIO_DIR, `${name}.yaml`));
    const loaded = readScenario(file, pb.playbook);
    const mermaid = args.includes('--mermaid');
    // A call that does not compile is still drawn from its document (a missing `goto` target
    // shows as such), after its errors; one whose structure is broken cannot be.
    if (!loaded.model) {
      process.stderr.write(formatDiagnostics(loaded.diags, lang));
      code = 1;
      if (!loaded.doc || mermaid) continue;
    }
    if (mermaid) {
      const texts = new Map(loaded.texts.map((t) => [`${loaded.model!.ns}:${t.key}`, t.text]));
      process.stdout.write(scenarioGraph(loaded.model!, (k) => texts.get(k) ?? ''));
      continue;
    }
    const analysis = args.includes('--analyze') && loaded.model ? analyze(loaded.model) : null;
    const map = callMap(loaded.model ?? loaded.doc!, {
      texts: loaded.texts,
      unreachable: analysis?.unreachableNodes,
      neverOffered: analysis?.neverOfferedChoices,
      positions: mapPositions(loaded.file, readFileSync(file, 'utf8')),
    });
    const target = single
      ? resolve(out!)
      : join(out ? resolve(out) : DEFAULT_DIR, `${basename(file).replace(/\.ya?ml$/, '')}.svg`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, mapSvg(map, { labels: mapLabels(lang) }));
    process.stdout.write(checkerText(lang, 'graph.written', { file: displayPath(target) }) + '\n');
  }
  return code;
}

process.exitCode = main(process.argv.slice(2));
