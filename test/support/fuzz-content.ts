// The content fuzzer's core: mutants of the library's calls, playbook and translation files (line
// and key edits, wrong types, absurd numbers, alias bombs, deep nesting, bad encodings, huge
// files), each checked by the checker's own loaders in this process. Run by `npm run fuzz:content`
// (test/fuzz/content.ts) and, a small fixed slice of it, by test/unit/fuzz-content.test.ts.
import { readFileSync } from 'node:fs';
import { Lexer } from 'yaml';
import { basename, join } from 'node:path';
import {
  ROOT,
  checkPlaybookTranslations,
  playbookFromBytes,
  scenarioFiles,
  scenarioFromBytes,
  translationFromBytes,
  PLAYBOOK_FILE,
} from '../../src/cli/repo.ts';
import type { PlaybookModel } from '../../src/content/playbook.ts';
import { READ_LIMITS } from '../../src/content/reading.ts';
import type { Diagnostic } from '../../src/content/source.ts';
import { floatStream } from '../../src/engine/rng.ts';

export const TARGETS = ['call', 'playbook', 'translation', 'playbookTranslation'] as const;
export type Target = (typeof TARGETS)[number];
const YAML_TARGETS: readonly Target[] = ['call', 'playbook'];
const JSON_TARGETS: readonly Target[] = ['translation', 'playbookTranslation'];

type Rng = () => number;
type Mutate = (text: string, rng: Rng, target: Target) => string | Uint8Array;

/** Each kind of mutant: where it applies, and whether it is invalid (or harmless) by construction. */
type KindSpec = {
  readonly targets: readonly Target[];
  readonly verdict?: 'invalid' | 'neutral';
  readonly mutate: Mutate;
};

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const lines = (t: string): string[] => t.split('\n');

function insertBytes(text: string, rng: Rng, insert: readonly number[], at?: number): Uint8Array {
  const b = enc(text);
  const i = at ?? int(rng, 0, b.length);
  return new Uint8Array([...b.subarray(0, i), ...insert, ...b.subarray(i)]);
}

/** A line index of the text, never the first (the schema comment or the JSON's opening brace). */
const someLine = (ls: readonly string[], rng: Rng): number => int(rng, Math.min(1, ls.length - 1), ls.length - 1);

/** Lines holding a key, in YAML (`  key: value`) or JSON (`  "key": value`). */
function keyLines(ls: readonly string[]): number[] {
  return ls.flatMap((l, i) => (/^\s*(?:- )?(?:"[^"]+"|[\w-]+):/.test(l) ? [i] : []));
}

function onKeyLine(text: string, rng: Rng, edit: (line: string) => string): string {
  const ls = lines(text);
  const candidates = keyLines(ls);
  if (!candidates.length) return text + '\n';
  const i = pick(rng, candidates);
  ls[i] = edit(ls[i]!);
  return ls.join('\n');
}

const ALIAS_BOMB = [
  'zz_a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]',
  'zz_b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'zz_c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'zz_d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'zz_e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'zz_f: [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
].join('\n');

const BAD_UTF8: readonly (readonly number[])[] = [
  [0xff],
  [0xc3],
  [0xe9, 0x20],
  [0xed, 0xa0, 0x80],
  [0xc0, 0xaf],
  [0xe2, 0x82],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
];
const ABSURD = [
  '1e308',
  '-40',
  '0',
  '.inf',
  '-.inf',
  '.nan',
  '1e999',
  '99999999999999999999',
  '-0',
  '0x7fffffff',
  '1_000',
];
const WRONG_YAML = [
  '[]',
  '{}',
  'true',
  'null',
  '~',
  '"text"',
  '42',
  '[a, [b, {c: d}]]',
  '|\n  block',
  '!!binary AAAA',
  '!custom x',
];
const WRONG_JSON = ['42', '[]', '{}', 'null', 'true', '"{{x}}"', '[["x"]]', '{"a": {"b": "c"}}'];

const KINDS = {
  deleteLine: {
    targets: TARGETS,
    mutate: (t, rng) => {
      const ls = lines(t);
      ls.splice(someLine(ls, rng), 1);
      return ls.join('\n');
    },
  },
  duplicateLine: {
    targets: TARGETS,
    mutate: (t, rng) => {
      const ls = lines(t);
      const i = someLine(ls, rng);
      ls.splice(i, 0, ls[i]!);
      return ls.join('\n');
    },
  },
  swapLines: {
    targets: TARGETS,
    mutate: (t, rng) => {
      const ls = lines(t);
      const i = someLine(ls, rng);
      const j = rng() < 0.5 ? Math.min(ls.length - 1, i + 1) : someLine(ls, rng);
      [ls[i], ls[j]] = [ls[j]!, ls[i]!];
      return ls.join('\n');
    },
  },
  reindent: {
    targets: TARGETS,
    mutate: (t, rng) => {
      const ls = lines(t);
      const i = someLine(ls, rng);
      const how = int(rng, 0, 2);
      ls[i] = how === 0 ? '\t' + ls[i] : how === 1 ? ' '.repeat(int(rng, 1, 3)) + ls[i] : ls[i]!.replace(/^ {1,3}/, '');
      return ls.join('\n');
    },
  },
  renameKey: {
    targets: TARGETS,
    mutate: (t, rng) =>
      onKeyLine(t, rng, (l) =>
        l.replace(
          /(^\s*(?:- )?"?)([\w-]+)/,
          (_, pre: string, key: string) =>
            pre +
            pick(rng, [key.slice(1), key.toUpperCase(), key + 'x', 'constructor', '__proto__', 'é', key.slice(0, -1)]),
        ),
      ),
  },
  wrongType: {
    targets: TARGETS,
    mutate: (t, rng, target) =>
      onKeyLine(t, rng, (l) =>
        YAML_TARGETS.includes(target)
          ? l.replace(/:( .*)?$/, `: ${pick(rng, WRONG_YAML)}`)
          : l.replace(/:\s*"(?:[^"\\]|\\.)*"/, `: ${pick(rng, WRONG_JSON)}`),
      ),
  },
  absurdNumber: {
    targets: YAML_TARGETS,
    mutate: (t, rng) => {
      const ls = lines(t);
      const nums = ls.flatMap((l, i) => (/:\s*-?\d/.test(l) || /\b\d+(\.\d+)?\b/.test(l) ? [i] : []));
      const i = nums.length ? pick(rng, nums) : someLine(ls, rng);
      ls[i] = ls[i]!.replace(/-?\d+(\.\d+)?/, pick(rng, ABSURD));
      return ls.join('\n');
    },
  },
  truncate: {
    targets: TARGETS,
    mutate: (t, rng) => t.slice(0, int(rng, 0, t.length - 1)),
  },
  aliasBomb: {
    targets: YAML_TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => (rng() < 0.5 ? t + '\n' + ALIAS_BOMB + '\n' : ALIAS_BOMB + '\n' + t),
  },
  missingAnchor: {
    targets: YAML_TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => {
      const ls = lines(t);
      const values = ls.flatMap((l, i) => (/^\s*(?:- )?[\w-]+: \S/.test(l) ? [i] : []));
      const i = pick(rng, values);
      ls[i] = ls[i]!.replace(/: .*$/, `: *${pick(rng, ['nope', 'Important', 'a'])}`);
      return ls.join('\n');
    },
  },
  deepYaml: {
    targets: YAML_TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => {
      const n = pick(rng, [READ_LIMITS.depth + 1, 4000, 40_000, 100_000]);
      const deep = pick(rng, [
        () => `zz: ${'['.repeat(n)}${']'.repeat(n)}`,
        () => `zz: ${'{a: '.repeat(Math.min(n, 20_000))}1${'}'.repeat(Math.min(n, 20_000))}`,
        () => `zz:\n  ${'- '.repeat(n)}x`,
        () => Array.from({ length: Math.min(n, 300) }, (_, i) => `${' '.repeat(i)}zz${i}:`).join('\n'),
      ])();
      return rng() < 0.5 ? t + '\n' + deep + '\n' : deep + '\n' + t;
    },
  },
  deepJson: {
    targets: JSON_TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => {
      const n = pick(rng, [READ_LIMITS.depth + 1, 4000, 40_000, 100_000]);
      const open = pick(rng, ['{"a":', '[']);
      const close = open === '[' ? ']' : '}';
      return t.replace(/^\{/, `{"zz": ${open.repeat(n)}"x"${close.repeat(n)},`);
    },
  },
  invalidUtf8: {
    targets: TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => insertBytes(t, rng, pick(rng, BAD_UTF8)),
  },
  bomJson: {
    // A BOM anywhere but at the start is not JSON whitespace.
    targets: JSON_TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => {
      const ls = lines(t);
      const i = int(rng, 1, ls.length - 2);
      ls[i] = '\uFEFF' + ls[i];
      return ls.join('\n');
    },
  },
  nul: {
    targets: TARGETS,
    verdict: 'invalid',
    mutate: (t, rng) => {
      const i = int(rng, 0, t.length);
      return t.slice(0, i) + '\u0000' + t.slice(i);
    },
  },
  bomLead: { targets: TARGETS, verdict: 'neutral', mutate: (t) => new Uint8Array([0xef, 0xbb, 0xbf, ...enc(t)]) },
  crlf: { targets: TARGETS, verdict: 'neutral', mutate: (t) => t.replace(/\n/g, '\r\n') },
  huge: {
    targets: TARGETS,
    verdict: 'invalid',
    mutate: (t, rng, target) => {
      const filler = YAML_TARGETS.includes(target) ? `# ${'x'.repeat(70)}\n` : ' '.repeat(int(rng, 1, 80)) + '\n';
      return t + filler.repeat(Math.ceil((READ_LIMITS.fileBytes + 1 - t.length) / filler.length) + int(rng, 0, 1000));
    },
  },
  large: {
    // Just under the size limit, full of content the checker has to read: the time it takes.
    targets: TARGETS,
    mutate: (t, rng, target) => {
      const room = READ_LIMITS.fileBytes - enc(t).length - 64;
      if (!YAML_TARGETS.includes(target)) {
        const keys = Array.from({ length: Math.floor(room / 24) }, (_, i) => `"k${i}": "xxxxxxxxx"`).join(',');
        return t.replace(/^\{/, `{${keys},`);
      }
      const block = pick(rng, [
        (i: number) => `zz${i}: [[[1, 2]], {a: b}]\n`,
        (i: number) => `zz${i}: a b c d e f g\n`,
        (i: number) => `zz${i}:\n  - x\n  - y\n`,
        (i: number) => `zz${i}: Box : HS\n`,
      ]);
      // Under both the size and the token limits, so the whole file is read.
      const tokens = (y: string): number => [...new Lexer().lex(y)].length;
      const most = Math.floor((READ_LIMITS.yamlTokens * 0.95 - tokens(t)) / (tokens(block(10_000)) + 1));
      let out = '';
      for (let i = 0; out.length < room - 40 && i < most; i++) out += block(i);
      return t + '\n' + out;
    },
  },
} satisfies Record<string, KindSpec>;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];
export const INVALID_KINDS = KIND_NAMES.filter((k) => (KINDS[k] as KindSpec).verdict === 'invalid');
export const NEUTRAL_KINDS = KIND_NAMES.filter((k) => (KINDS[k] as KindSpec).verdict === 'neutral');

/** A mulberry32 stream: mutant i of seed s is the same whatever the count. */
function rngFor(seed: number, index: number): Rng {
  return floatStream(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35));
}

/** The library as the fuzzer starts from it: every call with its English translation, the playbook and its own. */
export type Library = {
  readonly calls: readonly {
    readonly file: string;
    readonly text: string;
    readonly enFile: string;
    readonly en: string;
  }[];
  readonly playbook: { readonly file: string; readonly text: string; readonly enFile: string; readonly en: string };
  readonly model: PlaybookModel;
};

export function loadLibrary(): Library {
  const rel = (p: string): string => p.slice(ROOT.length + 1);
  const read = (p: string): string => readFileSync(p, 'utf8');
  const enOf = (id: string): string => join(ROOT, 'locales', 'en', `${id}.json`);
  const calls = scenarioFiles().map((p) => {
    const id = basename(p).replace(/\.ya?ml$/, '');
    return { file: rel(p), text: read(p), enFile: rel(enOf(id)), en: read(enOf(id)) };
  });
  const playbook = {
    file: rel(PLAYBOOK_FILE),
    text: read(PLAYBOOK_FILE),
    enFile: rel(enOf('playbook')),
    en: read(enOf('playbook')),
  };
  const model = playbookFromBytes(playbook.file, enc(playbook.text)).playbook;
  if (!model) throw new Error('the repository playbook does not load');
  return { calls, playbook, model };
}

export type Mutant = {
  readonly index: number;
  readonly kind: Kind;
  readonly target: Target;
  /** The call it comes from (or the playbook). */
  readonly base: string;
  /** The mutated file's name, and its bytes. */
  readonly file: string;
  readonly bytes: Uint8Array;
};

/** Mutant `index` of `seed`: its kind cycles through every kind, the rest is drawn. */
export function makeMutant(lib: Library, seed: number, index: number): Mutant {
  const rng = rngFor(seed, index);
  const kind = KIND_NAMES[index % KIND_NAMES.length]!;
  const spec: KindSpec = KINDS[kind];
  const target = pick(rng, spec.targets);
  const call = pick(rng, lib.calls);
  const [file, text, base] =
    target === 'call'
      ? [call.file, call.text, call.file]
      : target === 'translation'
        ? [call.enFile, call.en, call.file]
        : target === 'playbook'
          ? [lib.playbook.file, lib.playbook.text, lib.playbook.file]
          : [lib.playbook.enFile, lib.playbook.en, lib.playbook.file];
  const out = spec.mutate(text, rng, target);
  return { index, kind, target, base, file, bytes: typeof out === 'string' ? enc(out) : out };
}

function originalOf(lib: Library, m: Mutant): string {
  const files = [...lib.calls, lib.playbook].flatMap(
    (c) =>
      [
        [c.file, c.text],
        [c.enFile, c.en],
      ] as const,
  );
  return files.find(([f]) => f === m.file)![1];
}

/** The checker on one mutant, as scenarios:check would run it: its diagnostics, and the texts they point into. */
export function checkMutant(lib: Library, m: Mutant): { diags: readonly Diagnostic[]; texts: Map<string, Uint8Array> } {
  const call = lib.calls.find((c) => c.file === m.base);
  const texts = new Map<string, Uint8Array>([[m.file, m.bytes]]);
  const en = (file: string, text: string): Uint8Array => (m.file === file ? m.bytes : enc(text));
  if (m.target === 'call' || m.target === 'translation') {
    texts.set(call!.file, en(call!.file, call!.text));
    texts.set(call!.enFile, en(call!.enFile, call!.en));
    const tr = translationFromBytes(call!.enFile, texts.get(call!.enFile)!);
    return { diags: scenarioFromBytes(call!.file, texts.get(call!.file)!, { en: tr }, lib.model).diags, texts };
  }
  const pb = lib.playbook;
  texts.set(pb.file, en(pb.file, pb.text));
  texts.set(pb.enFile, en(pb.enFile, pb.en));
  const loaded = playbookFromBytes(pb.file, texts.get(pb.file)!);
  const model = loaded.playbook ?? (m.target === 'playbookTranslation' ? lib.model : null);
  const tr = translationFromBytes(pb.enFile, texts.get(pb.enFile)!);
  return { diags: [...loaded.diags, ...(model ? checkPlaybookTranslations(model, { en: tr }) : [])], texts };
}

/** Whether a diagnostic points at a character of its file (or just past the end of a line). */
export function positionValid(d: Diagnostic, texts: ReadonlyMap<string, Uint8Array>): boolean {
  const bytes = texts.get(d.file);
  if (!bytes || !Number.isInteger(d.line) || !Number.isInteger(d.col) || d.line < 1 || d.col < 1) return false;
  // Decoded as the checker reads it (BOM dropped; each bad byte sequence one character).
  const line = new TextDecoder('utf-8').decode(bytes).split('\n')[d.line - 1];
  return line !== undefined && d.col <= line.length + 1;
}

export type Finding = {
  readonly mutant: Mutant;
  readonly problem: 'crash' | 'overBudget' | 'badPosition' | 'uncapped' | 'invalidAccepted' | 'neutralChanged';
  readonly detail: string;
};

export type FuzzReport = {
  readonly files: number;
  readonly byKind: Readonly<Record<string, number>>;
  readonly ms: readonly number[];
  readonly findings: readonly Finding[];
};

/** Fuzzes `count` mutants of `seed`; `budgetMs` is the time one file may take. */
export function fuzzContent(lib: Library, seed: number, count: number, budgetMs = 2000): FuzzReport {
  const findings: Finding[] = [];
  const byKind: Record<string, number> = {};
  const ms: number[] = [];
  const errorsOf = (diags: readonly Diagnostic[]): string =>
    diags
      .filter((d) => d.severity === 'error')
      .map((d) => `${d.file} ${d.code}`)
      .sort()
      .join(', ');
  const baseErrors = new Map<string, string>();
  for (let index = 0; index < count; index++) {
    const m = makeMutant(lib, seed, index);
    byKind[m.kind] = (byKind[m.kind] ?? 0) + 1;
    const t0 = performance.now();
    let result: ReturnType<typeof checkMutant>;
    try {
      result = checkMutant(lib, m);
    } catch (e) {
      findings.push({
        mutant: m,
        problem: 'crash',
        detail: String((e as Error)?.stack ?? e)
          .split('\n')
          .slice(0, 3)
          .join(' | '),
      });
      continue;
    } finally {
      ms.push(performance.now() - t0);
    }
    const took = ms[ms.length - 1]!;
    const { diags, texts } = result;
    if (took > budgetMs) findings.push({ mutant: m, problem: 'overBudget', detail: `${Math.round(took)} ms` });
    for (const d of diags.filter((x) => x.code === 'internalError'))
      findings.push({ mutant: m, problem: 'crash', detail: d.params.detail ?? '' });
    const perFile = new Map<string, number>();
    for (const d of diags) perFile.set(d.file, (perFile.get(d.file) ?? 0) + 1);
    const flooded = [...perFile].find(([, n]) => n > READ_LIMITS.diagnosticsPerFile + 1);
    if (flooded) findings.push({ mutant: m, problem: 'uncapped', detail: `${flooded[0]}: ${flooded[1]} diagnostics` });
    const bad = diags.find((d) => !positionValid(d, texts));
    if (bad)
      findings.push({ mutant: m, problem: 'badPosition', detail: `${bad.file}:${bad.line}:${bad.col} ${bad.code}` });
    const verdict = (KINDS[m.kind] as KindSpec).verdict;
    if (verdict === 'invalid' && !diags.some((d) => d.severity === 'error'))
      findings.push({ mutant: m, problem: 'invalidAccepted', detail: 'no error diagnostic' });
    if (verdict === 'neutral') {
      const key = `${m.target} ${m.base}`;
      if (!baseErrors.has(key)) {
        baseErrors.set(key, errorsOf(checkMutant(lib, { ...m, bytes: enc(originalOf(lib, m)) }).diags));
      }
      if (errorsOf(diags) !== baseErrors.get(key))
        findings.push({ mutant: m, problem: 'neutralChanged', detail: `${errorsOf(diags)} ≠ ${baseErrors.get(key)}` });
    }
  }
  return { files: count, byKind, ms, findings };
}

/** The median and the largest of some durations. */
export function figures(ms: readonly number[]): { median: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}
