// npm run golden:update [-- <call>…]: records the best path and scorecard of the calls named (by
// id or file), or of every call when none is named, as golden replays in test/golden/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkerText } from '../content/messages.ts';
import { updateGoldens } from './golden-update.ts';
import { ROOT, cliLang, displayPath, readPlaybook, readScenario, scenarioFiles } from './repo.ts';

function main(args: string[]): number {
  const lang = cliLang(args);
  const pb = readPlaybook().playbook;
  if (!pb) {
    process.stderr.write(`${checkerText(lang, 'golden.playbookBroken')}\n`);
    return 1;
  }
  const dir = join(ROOT, 'test', 'golden');
  mkdirSync(dir, { recursive: true });
  // Names as typed: an id (box-no-sync) or a path (scenarios/box-no-sync.yaml).
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang');
  const r = updateGoldens(names, {
    files: scenarioFiles(),
    load: (f) => readScenario(f, pb).model,
    write: (path, text) => writeFileSync(path, text),
    dir,
  });
  // Every call's file is rewritten when none is named: said first, so it is never a surprise.
  if (!names.length) process.stdout.write(`${checkerText(lang, 'golden.all', { count: r.written.length })}\n`);
  for (const n of r.unknown) process.stderr.write(`${checkerText(lang, 'golden.unknown', { name: n })}\n`);
  for (const f of r.broken) process.stderr.write(`${checkerText(lang, 'golden.broken', { file: displayPath(f) })}\n`);
  for (const { path, golden } of r.written)
    process.stdout.write(
      `${displayPath(path)}  ${checkerText(lang, 'golden.written', { total: golden.expected.total, actions: golden.log.length })}\n`,
    );
  return r.unknown.length || r.broken.length ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
