// Hostile files (issue 11): each one gets diagnostics at its place, never an exception, a stack
// overflow or a wait; the good files checked beside it are still checked.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { notCheckable, playbookFromBytes, scenarioFromBytes, translationFromBytes } from '../../src/cli/repo.ts';
import { checkTranslation, flatten } from '../../src/content/texts.ts';
import { messageOf } from '../../src/content/messages.ts';
import { parseSource } from '../../src/content/parse.ts';
import { READ_LIMITS } from '../../src/content/reading.ts';
import type { Diagnostic } from '../../src/content/source.ts';
import type { PlaybookModel } from '../../src/content/playbook.ts';
import { runCli } from '../support/cli.ts';
import {
  BASE,
  EN_FILE,
  HERE,
  PLAYBOOK_FILE,
  PLAYBOOK_TEXT,
  YAML_FILE,
  applyEdits,
  expectPlaceholdersFilled,
  load,
  marked,
  playbook,
  show,
  translationJson,
  translationOf,
} from './checker-fixtures.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const codes = (diags: readonly Diagnostic[]): string[] => diags.map((d) => d.code);
const EN_JSON = translationJson(translationOf(BASE));

/** Exactly one diagnostic of `code`, at the ‸ marker of `withMarker`, with both sentences filled. */
function expectOneAt(diags: readonly Diagnostic[], withMarker: string, code: string, file = YAML_FILE): Diagnostic {
  const { line, col } = marked(withMarker);
  expect(codes(diags), show(diags)).toEqual([code]);
  const d = diags[0]!;
  expect(d).toMatchObject({ file, line, col, severity: 'error', code });
  expectPlaceholdersFilled(d);
  for (const lang of ['fr', 'en']) expect(messageOf(d, lang)).not.toContain('\n');
  return d;
}

describe('aliases and anchors (items 1 and 2)', () => {
  it('an alias to a missing anchor is a diagnostic at the alias, not a ReferenceError', () => {
    const text = applyEdits(BASE, [['title: "Appel test : box muette"', `title: ${HERE}*nope`]]);
    const d = expectOneAt(load(marked(text).text).diags, text, 'yamlAlias');
    expect(d.params).toEqual({ name: 'nope' });
    expect(messageOf(d, 'fr')).toContain('*nope');
    expect(messageOf(d, 'en')).toContain('write the value out in full');
  });

  it('an alias inside a real call (a node text pointing at an anchor that is not there)', () => {
    const text = applyEdits(BASE, [["customer: Oui, c'est ça.", `customer: ${HERE}*Important`]]);
    expectOneAt(load(marked(text).text).diags, text, 'yamlAlias');
  });

  it('an alias fan-out is refused at its first alias; the good call checked next is still clean', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [‸*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n';
    const r = scenarioFromBytes(YAML_FILE, bytes(marked(bomb).text), {}, playbook());
    expect(r.model).toBeNull();
    expect(new Set(codes(r.diags))).toEqual(new Set(['yamlAlias']));
    expect(r.diags[0]).toMatchObject({ line: marked(bomb).line, col: marked(bomb).col });
    const good = scenarioFromBytes(YAML_FILE, bytes(BASE), { en: { file: EN_FILE, text: EN_JSON } }, playbook());
    expect(good.diags).toEqual([]);
    expect(good.model).not.toBeNull();
  });

  it('a playbook with an alias fan-out gives its diagnostics; the calls say they were not checked', () => {
    const broken = PLAYBOOK_TEXT + '\nx: &x [1, 1, 1, 1]\ny: &y [*x, *x, *x, *x]\nz: [*y, *y, *y, *y]\n';
    const r = playbookFromBytes(PLAYBOOK_FILE, bytes(broken));
    expect(r.playbook).toBeNull();
    expect(r.diags.length).toBeGreaterThan(0);
    expect(new Set(codes(r.diags))).toEqual(new Set(['yamlAlias']));
    const calls = notCheckable(['scenarios/a.yaml', 'scenarios/b.yaml']);
    expect(calls.map((d) => [d.file, d.code])).toEqual([
      ['scenarios/a.yaml', 'playbookBroken'],
      ['scenarios/b.yaml', 'playbookBroken'],
    ]);
    expect(messageOf(calls[0]!, 'fr')).toContain("Corrigez d'abord le playbook");
    expect(messageOf(calls[0]!, 'en')).toContain('Fix the playbook first');
  });

  it('a checker bug on one file is a diagnostic about that file, and the next file is checked', () => {
    const r = scenarioFromBytes(YAML_FILE, bytes(BASE), {}, {} as PlaybookModel);
    expect(codes(r.diags)).toEqual(['internalError']);
    expect(r.diags[0]!.params.detail).not.toContain('\n');
    const good = scenarioFromBytes(YAML_FILE, bytes(BASE), { en: { file: EN_FILE, text: EN_JSON } }, playbook());
    expect(good.diags).toEqual([]);
  });
});

describe('nesting (item 3 and the depth limit)', () => {
  it('a translation nested 4,000 levels deep is a diagnostic where it passes the limit', () => {
    const json = '{"a":'.repeat(4000) + '"x"' + '}'.repeat(4000);
    const diags = checkTranslation([], 'en', { file: EN_FILE, text: json }, () => ({ line: 1, col: 1 }), YAML_FILE);
    const limitAt = '{"a":'.repeat(READ_LIMITS.depth) + '‸';
    expectOneAt(diags, limitAt, 'nestingTooDeep', EN_FILE);
  });

  it('flatten does not recurse (an object 100,000 deep)', () => {
    let o: unknown = 'x';
    for (let i = 0; i < 100_000; i++) o = { a: o };
    const flat = flatten(o);
    expect(Object.keys(flat)).toHaveLength(1);
    expect(Object.values(flat)).toEqual(['x']);
  });

  it('flatten keeps a key named __proto__ as a key', () => {
    const flat = flatten(JSON.parse('{"__proto__": {"title": "x"}, "b": "y"}'));
    expect(Object.keys(flat)).toEqual(['__proto__.title', 'b']);
    expect((flat as Record<string, unknown>).title).toBeUndefined();
  });

  it.each([
    ['flow brackets', 'title: ' + '['.repeat(READ_LIMITS.depth) + '‸' + '['.repeat(50_000) + ']'.repeat(50_032)],
    ['compact sequences', '- '.repeat(READ_LIMITS.depth) + '‸' + '- '.repeat(50_000) + 'x'],
    [
      'indented blocks',
      Array.from({ length: 300 }, (_, i) => ' '.repeat(i) + (i === READ_LIMITS.depth ? '‸' : '') + 'k:').join('\n'),
    ],
  ])('YAML nested past the limit (%s) is one diagnostic at the place', (_, text) => {
    const clean = marked(text.replace('‸', HERE)).text;
    const r = parseSource(YAML_FILE, clean);
    expect(r.data).toBeUndefined();
    expectOneAt(r.diags, text.replace('‸', HERE), 'nestingTooDeep');
  });
});

describe('translation JSON (item 4)', () => {
  it('a translation file that starts with a UTF-8 BOM is read (bytes and text)', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(EN_JSON)]);
    const tr = translationFromBytes(EN_FILE, withBom);
    expect(load(BASE, tr).diags).toEqual([]);
    expect(load(BASE, { file: EN_FILE, text: '\uFEFF' + EN_JSON }).diags).toEqual([]);
  });

  it.each([
    ['a missing comma between two keys', '{\n  "title": "x"\n  ‸"summary": "y"\n}\n', 'translationJson'],
    ['a text not closed before the end of its line', '{\n  "title": "x‸\n}\n', 'translationJsonEol'],
    ['a file that stops too early', '{\n  "title": "x"‸', 'translationJsonEnd'],
    ['a list instead of a block of keys', '\n  ‸["title"]\n', 'translationNotObject'],
  ])('%s: one line, at its place', (_, withMarker, code) => {
    const text = marked(withMarker.replace('‸', HERE)).text;
    const d = expectOneAt(
      checkTranslation([], 'en', { file: EN_FILE, text }, () => ({ line: 1, col: 1 }), YAML_FILE),
      withMarker.replace('‸', HERE),
      code,
      EN_FILE,
    );
    if (code === 'translationJson') expect(d.params.char).toBe('"');
  });
});

describe('many problems (item 5)', () => {
  it('a line with 3,000 unquoted " : " gets the colon hint at its first " :"', () => {
    const text = `title: Box ${HERE}:` + ' x :'.repeat(3000) + '\n';
    const { text: clean } = marked(text);
    const r = parseSource(YAML_FILE, clean);
    expect(r.diags.length).toBeGreaterThan(0);
    expect(r.diags.length).toBeLessThanOrEqual(READ_LIMITS.diagnosticsPerFile + 1);
    expect(r.diags[0]).toMatchObject({ code: 'yamlColon', ...{ line: marked(text).line, col: marked(text).col } });
  });

  it('at most 100 diagnostics per file, then one that counts the others', () => {
    const text = Array.from({ length: 151 }, () => 'k: 1').join('\n');
    const r = parseSource(YAML_FILE, text);
    expect(r.diags).toHaveLength(READ_LIMITS.diagnosticsPerFile + 1);
    expect(codes(r.diags.slice(0, -1))).toEqual(Array(100).fill('duplicateKey'));
    const more = r.diags[100]!;
    expect(more).toMatchObject({
      line: 102,
      col: 1,
      severity: 'error',
      code: 'moreDiagnostics',
      params: { count: '50' },
    });
    expect(messageOf(more, 'fr')).toContain('50 autre(s) problème(s)');
    expect(messageOf(more, 'en')).toContain('50 more problem(s)');
    // The loader caps again (with the other checks' diagnostics): the count stays the same.
    const loaded = scenarioFromBytes(YAML_FILE, new TextEncoder().encode(text), {}, playbook());
    expect(loaded.diags).toHaveLength(READ_LIMITS.diagnosticsPerFile + 1);
    expect(loaded.diags[100]).toMatchObject({ code: 'moreDiagnostics', params: { count: '50' } });
  });

  it('20,000 broken lines give a bounded list of diagnostics', () => {
    const r = parseSource(YAML_FILE, Array.from({ length: 20_000 }, () => 'a: b: c').join('\n'));
    expect(r.diags.length).toBeGreaterThan(0);
    expect(r.diags.length).toBeLessThanOrEqual(READ_LIMITS.diagnosticsPerFile + 1);
  });
});

describe('duplicate keys (item 6)', () => {
  it.each([
    ['a block key given twice with no value', 'nodes:\n  start:\n  ‸start:\n', 'start'],
    ['a key given twice with values', 'a: 1\nb:\n  x: 1\n  y: 2\n  ‸x: 3\n', 'x'],
    ['a key given twice in a flow map', 'a: { k: 1, ‸k: 2 }\n', 'k'],
  ])('%s: named, at the second', (_, withMarker, key) => {
    const text = withMarker.replace('‸', HERE);
    const d = expectOneAt(parseSource(YAML_FILE, marked(text).text).diags, text, 'duplicateKey');
    expect(d.params).toEqual({ key });
  });
});

describe('encodings (item 7)', () => {
  it('a Latin-1 byte inside a note: the call is reported at that byte, not "All clean"', () => {
    const text = applyEdits(BASE, [["customer: Oui, c'est ça.", `customer: Oui, c'est ${HERE}ça.`]]);
    const { text: clean, line, col } = marked(text);
    const at = clean.indexOf("c'est ça.") + "c'est ".length;
    // The file is UTF-8 but for this one ç, saved as Latin-1 (0xE7).
    const mixed = new Uint8Array([...bytes(clean.slice(0, at)), 0xe7, ...bytes(clean.slice(at + 1))]);
    const r = scenarioFromBytes(YAML_FILE, mixed, {}, playbook());
    expect(codes(r.diags)).toEqual(['invalidUtf8']);
    expect(r.diags[0]).toMatchObject({ line, col, params: { byte: '0xE7' } });
    expect(messageOf(r.diags[0]!, 'fr')).toContain('UTF-8');
  });

  it('the column counts characters, not bytes, before the bad byte', () => {
    const text = new Uint8Array([...bytes('id: x\ntitle: éé '), 0xff, ...bytes('\n')]);
    const r = scenarioFromBytes(YAML_FILE, text, {}, playbook());
    expect(r.diags).toMatchObject([{ code: 'invalidUtf8', line: 2, col: 11, params: { byte: '0xFF' } }]);
  });

  it('the playbook and a translation file with a bad byte are reported the same way', () => {
    const pb = playbookFromBytes(PLAYBOOK_FILE, new Uint8Array([...bytes('lang: fr\n# caf'), 0xe9, 0x0a]));
    expect(pb.diags).toMatchObject([{ file: PLAYBOOK_FILE, code: 'invalidUtf8', line: 2, col: 6 }]);
    const tr = translationFromBytes(EN_FILE, new Uint8Array([...bytes('{\n  "title": "caf'), 0xe9, ...bytes('"\n}')]));
    const diags = load(BASE, tr).diags;
    expect(diags).toMatchObject([{ file: EN_FILE, code: 'invalidUtf8', line: 2, col: 16 }]);
  });

  it('an invisible control character (NUL) is reported where it stands', () => {
    const text = applyEdits(BASE, [["customer: Oui, c'est ça.", `customer: Oui${HERE}\u0000, c'est ça.`]]);
    const d = expectOneAt(load(marked(text).text).diags, text, 'controlChar');
    expect(d.params).toEqual({ code: 'U+0000' });
  });

  it('CRLF line endings read like LF', () => {
    const crlf = BASE.replace(/\n/g, '\r\n');
    expect(load(crlf).diags).toEqual([]);
  });
});

describe('non-finite numbers (item 10)', () => {
  it.each(['.inf', '-.inf', '.nan', '.NaN', '1e999'])('%s: "must be a finite number", at the value', (value) => {
    const text = applyEdits(BASE, [['difficulty: 1', `difficulty: ${HERE}${value}`]]);
    const d = expectOneAt(load(marked(text).text).diags, text, 'notFinite');
    expect(d.params).toEqual({ value });
    expect(messageOf(d, 'en')).toContain('is not a finite number');
    expect(messageOf(d, 'fr')).toContain("n'est pas un nombre fini");
    expect(messageOf(d, 'en')).not.toContain('not a number, not');
  });
});

describe('file size (the size limit)', () => {
  const big = 'id: x\n' + '# ' + 'x'.repeat(READ_LIMITS.fileBytes) + '\n';

  it('bytes past the limit: one diagnostic where the limit is passed', () => {
    const r = scenarioFromBytes(YAML_FILE, bytes(big), {}, playbook());
    expect(codes(r.diags)).toEqual(['fileTooLarge']);
    expect(r.diags[0]).toMatchObject({ line: 2, col: READ_LIMITS.fileBytes - 6 + 1 });
    expect(r.diags[0]!.params).toEqual({ size: String(Math.ceil(big.length / 1024)), limit: '256' });
    expect(messageOf(r.diags[0]!, 'fr')).toContain('256 Ko');
  });

  it('YAML past the token limit (a file of brackets under the size limit): one diagnostic where it is passed', () => {
    const pairs = READ_LIMITS.yamlTokens / 2;
    const text = 'zz: [' + '[],'.repeat(pairs) + ']\n';
    expect(text.length).toBeLessThan(READ_LIMITS.fileBytes);
    const r = parseSource(YAML_FILE, text);
    expect(codes(r.diags)).toEqual(['tooManyTokens']);
    expect(r.diags[0]!.line).toBe(1);
    expect(r.diags[0]!.col).toBeGreaterThan(1);
    expect(r.diags[0]!.col).toBeLessThan(text.length);
    expectPlaceholdersFilled(r.diags[0]!);
  });

  it('a text past the limit (calls, translations) gets the same diagnostic', () => {
    expect(codes(parseSource(YAML_FILE, big).diags)).toEqual(['fileTooLarge']);
    const json = JSON.stringify({ title: 'x'.repeat(READ_LIMITS.fileBytes) });
    const diags = checkTranslation([], 'en', { file: EN_FILE, text: json }, () => ({ line: 1, col: 1 }), YAML_FILE);
    expect(codes(diags)).toEqual(['fileTooLarge']);
  });
});

describe('scenarios:check on hostile files next to a good one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotliner-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each hostile file at its place and still checks the good one', () => {
    const alias = join(dir, 'alias.yaml');
    const latin = join(dir, 'latin.yaml');
    writeFileSync(alias, 'id: alias\ntitle: *nope\n');
    writeFileSync(latin, Buffer.from([...bytes('id: latin\ntitle: caf'), 0xe9, 0x0a]));
    const good = join('scenarios', 'first-call.yaml');
    const r = runCli('check.ts', alias, latin, good, '--lang', 'en');
    expect(r.err).not.toMatch(/Error|at .*:\d+:\d+\)/);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/alias\.yaml:2:8 {2}error {6}YAML references \(\*nope/);
    expect(r.out).toMatch(/latin\.yaml:2:11 {2}error {6}The file is not valid UTF-8: the byte 0xE9/);
    expect(r.out).toContain('4 file(s) checked');
    expect(r.out).not.toMatch(/first-call\.yaml:\d+:\d+ {2}error/);
  });
});
