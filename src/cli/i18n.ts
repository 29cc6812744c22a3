// npm run scenarios:i18n [-- --stamp] [--add-missing] [files…]: the translators' view of the calls.
//   (no flag)      counts of missing, stale, orphan and not-yet-reviewed keys per call and language
//   --stamp        marks every translated key as reviewed against the current source text
//   --add-missing  adds each missing key with an empty text, ready to be translated
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LANGS } from '../i18n/lang.ts';
import { checkerText } from '../content/messages.ts';
import { fingerprint, flatten, SOURCES_KEY, unflatten, type TextEntry } from '../content/texts.ts';
import { playbookTexts } from '../content/playbook.ts';
import { cliLang, displayPath, fileArgs, readPlaybook, readScenario, ROOT, scenarioFiles } from './repo.ts';
import { withoutBom } from '../content/reading.ts';

type Unit = { readonly id: string; readonly source: string; readonly texts: readonly TextEntry[] };

function units(files: readonly string[]): Unit[] {
  const pb = readPlaybook().playbook;
  if (!pb) return [];
  const out: Unit[] = [{ id: 'playbook', source: pb.doc.lang, texts: playbookTexts(pb.doc) }];
  for (const f of files) {
    const loaded = readScenario(f, pb);
    if (loaded.doc) out.push({ id: loaded.doc.id, source: loaded.doc.lang, texts: loaded.texts });
  }
  return out;
}

function readJson(file: string): Record<string, unknown> {
  try {
    return JSON.parse(withoutBom(readFileSync(file, 'utf8'))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function main(args: string[]): number {
  const lang = cliLang(args);
  const files = fileArgs(args);
  let problems = 0;
  for (const u of units(files.length ? files : scenarioFiles())) {
    for (const target of LANGS) {
      if (target === u.source) continue;
      const file = join(ROOT, 'locales', target, `${u.id}.json`);
      const json = readJson(file);
      const flat = flatten(json);
      const sources = (json[SOURCES_KEY] ?? {}) as Record<string, string>;
      const known = new Set(u.texts.map((t) => t.key));
      const missing = u.texts.filter((t) => typeof flat[t.key] !== 'string' || (flat[t.key] as string).trim() === '');
      const stale = u.texts.filter((t) => sources[t.key] && sources[t.key] !== fingerprint(t.text));
      const unstamped = u.texts.filter((t) => !sources[t.key] && !missing.includes(t));
      const orphans = Object.keys(flat).filter((k) => !known.has(k));
      if (args.includes('--add-missing') || args.includes('--stamp')) {
        const next: Record<string, string> = {};
        for (const t of u.texts) next[t.key] = typeof flat[t.key] === 'string' ? (flat[t.key] as string) : '';
        for (const k of orphans) if (typeof flat[k] === 'string') next[k] = flat[k] as string;
        const stamps: Record<string, string> = { ...sources };
        if (args.includes('--stamp')) for (const t of u.texts) if (next[t.key]) stamps[t.key] = fingerprint(t.text);
        writeFileSync(file, JSON.stringify({ ...unflatten(next), [SOURCES_KEY]: stamps }, null, 2) + '\n');
      }
      problems += missing.length + stale.length + orphans.length;
      process.stdout.write(
        `${displayPath(file)}  ${checkerText(lang, 'i18n.counts', {
          total: u.texts.length,
          missing: missing.length,
          stale: stale.length,
          orphans: orphans.length,
          unstamped: unstamped.length,
        })}\n`,
      );
      for (const t of stale)
        process.stdout.write(`  ${checkerText(lang, 'i18n.stale', { key: t.key, text: t.text })}\n`);
    }
  }
  return problems > 0 && !args.includes('--add-missing') ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
