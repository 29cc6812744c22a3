// npm run build:scorm -- --call <id> | --session <file or id,id,…> [--mode exam|training]
// [--seed N] [--lang fr|en] [--pace real|turns] [--out file.zip]: a SCORM 1.2 package (zip) of
// the game built for an LMS (`vite build --mode scorm`: the adapter in, no service worker), with
// one SCO per call, each launched through the game's deep link.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { build } from 'vite';
import type { Mode } from '../engine/types.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import { SCORM_MODE } from '../lms/build-mode.ts';
import { launchHref, scormManifest, type ScoSpec } from '../lms/manifest.ts';
import type { Pace } from '../ports/storage.ts';
import { displayPath, readPlaybook, readScenario, ROOT, SCENARIO_DIR } from './repo.ts';

const USAGE =
  'usage: npm run build:scorm -- --call <id> | --session <file or id,id,…> ' +
  '[--mode exam|training] [--seed N] [--lang fr|en] [--pace real|turns] [--out file.zip]';

type Options = {
  readonly calls: readonly string[];
  readonly name: string;
  readonly mode: Mode;
  readonly seed: number;
  readonly lang: Lang | null;
  readonly pace: Pace | null;
  readonly out: string;
};

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** A session: a JSON file (`{ "calls": [...], "seed", "mode" }` or a list), a text file (ids), or `id,id,…`. */
function readSession(arg: string): { calls: string[]; seed?: unknown; mode?: unknown; name: string } {
  if (!existsSync(arg)) return { calls: arg.split(',').map((s) => s.trim()), name: 'session' };
  const text = readFileSync(arg, 'utf8');
  const name = arg.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  if (/^\s*[[{]/.test(text)) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      fail(`${displayPath(arg)}: ${(e as Error).message}`);
    }
    const o = (Array.isArray(data) ? { calls: data } : data) as { calls?: unknown; seed?: unknown; mode?: unknown };
    if (!Array.isArray(o?.calls) || !o.calls.every((c) => typeof c === 'string'))
      fail(`${displayPath(arg)}: expected a list of call ids, or { "calls": [ids…] }`);
    return { calls: o.calls as string[], seed: o.seed, mode: o.mode, name };
  }
  const calls = text.split('\n').flatMap((l) => l.replace(/#.*/, '').split(/[\s,]+/));
  return { calls: calls.filter(Boolean), name };
}

function parseArgs(args: readonly string[]): Options {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (!['--call', '--session', '--mode', '--seed', '--lang', '--pace', '--out'].includes(a))
      fail(`unknown argument ${a}`);
    const v = args[++i];
    if (v === undefined) fail(`${a} needs a value`);
    flags.set(a, v);
  }
  const call = flags.get('--call');
  const sessionArg = flags.get('--session');
  if (!call === !sessionArg) fail('give either --call or --session');
  const session = sessionArg ? readSession(sessionArg) : null;
  const calls = call ? [call] : session!.calls.filter(Boolean);
  if (!calls.length) fail('the session lists no call');
  const mode = flags.get('--mode') ?? session?.mode ?? 'exam';
  if (mode !== 'exam' && mode !== 'training') fail(`--mode is exam or training, not ${String(mode)}`);
  const seed = Number(flags.get('--seed') ?? session?.seed ?? 1);
  if (!Number.isSafeInteger(seed) || seed < 1) fail('--seed is a whole number from 1');
  const lang = flags.get('--lang') ?? null;
  if (lang !== null && !isLang(lang)) fail(`--lang is fr or en, not ${lang}`);
  const pace = flags.get('--pace') ?? null;
  if (pace !== null && pace !== 'real' && pace !== 'turns') fail(`--pace is real or turns, not ${pace}`);
  const name = call ?? session!.name;
  const out = resolve(flags.get('--out') ?? join('dist-scorm', `hotliner-${name}-${mode}-scorm12.zip`));
  return { calls, name, mode, seed, lang, pace, out };
}

/** Each call's title in the package's language (the call's own language without --lang). */
function scos(o: Options): ScoSpec[] {
  const pb = readPlaybook().playbook;
  if (!pb) fail('the playbook does not load: run npm run scenarios:check');
  if (new Set(o.calls).size !== o.calls.length) fail('a call is listed twice');
  return o.calls.map((call) => {
    const file = join(SCENARIO_DIR, `${call}.yaml`);
    if (!/^[\w-]+$/.test(call) || !existsSync(file)) fail(`no call ${call} in ${displayPath(SCENARIO_DIR)}`);
    const loaded = readScenario(file, pb);
    const model = loaded.model;
    if (!model) fail(`${call} does not compile: run npm run scenarios:check`);
    // The call's own words (its YAML) unless a translation in the package's language exists.
    const translated = o.lang && join(ROOT, 'locales', o.lang, `${call}.json`);
    const title =
      (translated &&
        existsSync(translated) &&
        (JSON.parse(readFileSync(translated, 'utf8')) as { title?: string }).title) ||
      loaded.doc?.title ||
      call;
    return {
      call,
      title,
      href: launchHref(call, o),
      masteryScore: o.mode === 'exam' ? model.scoring.passScore : null,
    };
  });
}

/** Every file under `dir`, relative, with `/` separators. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => f.split('\\').join('/'))
    .sort();
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const list = scos(o);
  const outDir = mkdtempSync(join(tmpdir(), 'hotliner-scorm-'));
  try {
    await build({ root: ROOT, mode: SCORM_MODE, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    // The brotli twins (vite.plugins.ts) are for servers that send them; an LMS serves the files as they are.
    const files = filesUnder(outDir).filter((f) => !f.endsWith('.br'));
    // A service worker would outlive the course in the LMS's origin (see vite.config.ts).
    const worker = files.find((f) => /(^|\/)(sw|service-worker|registerSW)\.js$|(^|\/)workbox-[^/]*\.js$/.test(f));
    if (worker)
      fail(`${worker}: the SCORM build must not carry a service worker (vite.config.ts, --mode ${SCORM_MODE})`);
    const title = list.length === 1 ? `Hotliner — ${list[0]!.title}` : `Hotliner — ${o.name}`;
    const manifest = scormManifest({ id: `hotliner-${o.name}-${o.mode}-${o.seed}`, title, scos: list, files });
    const zip: Zippable = { 'imsmanifest.xml': new TextEncoder().encode(manifest) };
    for (const f of files) zip[f] = readFileSync(join(outDir, f));
    mkdirSync(dirname(o.out), { recursive: true });
    writeFileSync(o.out, zipSync(zip, { level: 9 }));
    const size = Math.round(statSync(o.out).size / 1024);
    process.stdout.write(
      `${relative(process.cwd(), o.out) || o.out}  SCORM 1.2, ${list.length} SCO${list.length > 1 ? 's' : ''}, ${files.length} files, ${size} kB\n` +
        list.map((s) => `  ${s.title}: ${s.href}\n`).join(''),
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

await main();
