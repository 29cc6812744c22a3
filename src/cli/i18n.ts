// npm run scenarios:i18n [-- --stamp] [--add-missing] [calls…]: the translators' view of the calls
// (all of them and the playbook, or only those named, by id or file).
//   (no flag)      counts of missing, stale, orphan and not-yet-reviewed keys per call and language
//   --stamp        marks every translated key as reviewed against the current source text
//   --add-missing  adds each missing key, empty, with the source text beside it ("text (fr)")
// A translation file that cannot be read is left as it is, and said so: never rewritten as empty.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../i18n/lang.ts';
import { checkerText, messageOf } from '../content/messages.ts';
import { translationFromBytes } from '../content/from-bytes.ts';
import type { TextEntry } from '../content/texts.ts';
import { playbookTexts } from '../content/playbook.ts';
import { callIdOf, namedCalls } from './named-calls.ts';
import { updateTranslation } from './translation-update.ts';
import { cliLang, displayPath, readPlaybook, readScenario, ROOT, scenarioFiles } from './repo.ts';

type Unit = { readonly id: string; readonly source: string; readonly texts: readonly TextEntry[] };

const PLAYBOOK = 'playbook';

function main(args: string[]): number {
  const lang = cliLang(args);
  const mode = { stamp: args.includes('--stamp'), addMissing: args.includes('--add-missing') };
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--lang');
  const pb = readPlaybook().playbook;
  if (!pb) {
    process.stderr.write(`${checkerText(lang, 'i18n.playbookBroken')}\n`);
    return 1;
  }
  // Only the playbook named: no call; no name at all: every call and the playbook.
  const callNames = names.filter((n) => callIdOf(n) !== PLAYBOOK);
  const calls = names.length && !callNames.length ? { files: [], unknown: [] } : namedCalls(scenarioFiles(), callNames);
  for (const n of calls.unknown) process.stderr.write(`${checkerText(lang, 'i18n.unknown', { name: n })}\n`);
  if (calls.unknown.length) return 1;
  const units: Unit[] = [];
  let broken = 0;
  if (!names.length || names.length > callNames.length)
    units.push({ id: PLAYBOOK, source: pb.doc.lang, texts: playbookTexts(pb.doc) });
  for (const f of calls.files) {
    const loaded = readScenario(f, pb);
    if (loaded.doc) units.push({ id: loaded.doc.id, source: loaded.doc.lang, texts: loaded.texts });
    else {
      process.stderr.write(`${checkerText(lang, 'i18n.broken', { file: displayPath(f) })}\n`);
      broken++;
    }
  }
  let problems = 0;
  let refused = 0;
  for (const u of units)
    for (const target of LANGS) {
      if (target === u.source) continue;
      const path = join(ROOT, 'locales', target, `${u.id}.json`);
      const file = displayPath(path);
      const tr = existsSync(path) ? translationFromBytes(file, readFileSync(path)) : null;
      const r = updateTranslation(u.texts, u.source, tr, mode);
      if (!r.ok) {
        // Its line and column, as scenarios:check says it, then why nothing was written.
        const d = r.problem;
        process.stdout.write(`${d.file}:${d.line}:${d.col}  ${messageOf(d, lang)}\n`);
        process.stdout.write(`  ${checkerText(lang, 'i18n.refused', { file })}\n`);
        refused++;
        continue;
      }
      if (r.text !== null) writeFileSync(path, r.text);
      const { counts } = r;
      problems += counts.missing + counts.stale + counts.orphans;
      process.stdout.write(`${file}  ${checkerText(lang, 'i18n.counts', counts)}\n`);
      if (mode.stamp) process.stdout.write(`  ${checkerText(lang, 'i18n.stamped', { count: r.stamped })}\n`);
      for (const t of r.stale)
        process.stdout.write(`  ${checkerText(lang, 'i18n.stale', { key: t.key, text: t.text })}\n`);
    }
  return refused + broken > 0 || (problems > 0 && !mode.addMissing) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
