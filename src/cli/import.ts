// npm run scenarios:import -- <file.hotliner> [--force] [--lang fr|en]: checks a call pack exactly
// as the game's menu does (src/packs/check-pack.ts), then writes its call and translations into
// scenarios/ and locales/ for review. An existing call is never overwritten without --force.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkerText } from '../content/messages.ts';
import { checkPack, formatPackMessages } from '../packs/check-pack.ts';
import { callPath, translationPath } from '../packs/pack-paths.ts';
import { LANGS } from '../i18n/lang.ts';
import { cliLang, displayPath, fileArgs, PLAYBOOK_FILE, readPlaybook, ROOT } from './repo.ts';

async function main(args: string[]): Promise<number> {
  const lang = cliLang(args);
  const say = (key: string, params: Record<string, string | number> = {}): string =>
    checkerText(lang, `pack.cli.${key}`, params);
  // --into <dir>: another repository root to write into (the tests' scratch folder).
  const files = fileArgs(args, ['--lang', '--into']);
  const intoAt = args.indexOf('--into');
  const into = intoAt >= 0 && args[intoAt + 1] ? resolve(args[intoAt + 1]!) : ROOT;
  if (files.length !== 1) {
    process.stderr.write(`${say('usage')}\n`);
    return 2;
  }
  const file = files[0]!;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`${say('unreadable', { file: displayPath(file), detail: (e as Error).message })}\n`);
    return 1;
  }
  const pb = readPlaybook();
  if (!pb.playbook) {
    process.stderr.write(`${checkerText(lang, 'playbookBroken', { playbook: displayPath(PLAYBOOK_FILE) })}\n`);
    return 1;
  }
  const playbookData: unknown = parse(readFileSync(PLAYBOOK_FILE, 'utf8'));
  const v = await checkPack(bytes, { playbook: pb.playbook, playbookData, lang });
  const warnings = formatPackMessages(v.warnings).map((l) => `  ${l}\n`);
  if (!v.ok) {
    process.stderr.write(`${say('refused', { file: displayPath(file) })}\n`);
    process.stderr.write(
      formatPackMessages(v.errors)
        .map((l) => `  ${l}\n`)
        .join('') + warnings.join(''),
    );
    return 1;
  }
  const id = v.manifest.id;
  const out: [string, string][] = [[callPath(id), v.text]];
  for (const l of LANGS) {
    const t = v.translations[l];
    if (t !== undefined && l !== v.manifest.lang) out.push([translationPath(l, id), t]);
  }
  if (!args.includes('--force')) {
    const taken = out.map(([rel]) => join(into, rel)).filter((p) => existsSync(p));
    if (taken.length) {
      for (const p of taken) process.stderr.write(`${say('exists', { file: displayPath(p) })}\n`);
      return 1;
    }
  }
  const { bestScore: best, states } = v.analysis;
  process.stdout.write(`${say('accepted', { id, best, states })}\n${warnings.join('')}`);
  for (const [rel, text] of out) {
    const path = join(into, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    process.stdout.write(`${say('wrote', { file: displayPath(path) })}\n`);
  }
  process.stdout.write(`${say('next', { file: displayPath(join(into, callPath(id))), id })}\n`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
