// The translators' and maintainers' tools: scenarios:i18n (--add-missing, --stamp, a file it
// cannot read) and golden:update (only the calls named), tested through their functions.
import { describe, expect, it } from 'vitest';
import type { Library } from '../../src/content/bundle.ts';
import type { LoadedScenario } from '../../src/content/load.ts';
import { messageOf } from '../../src/content/messages.ts';
import {
  checkTranslation,
  flatten,
  isSourceNote,
  scenarioTexts,
  type TranslationFile,
} from '../../src/content/texts.ts';
import { createI18n } from '../../src/i18n/i18n.ts';
import { updateGoldens } from '../../src/cli/golden-update.ts';
import { namedCalls } from '../../src/cli/named-calls.ts';
import { updateTranslation } from '../../src/cli/translation-update.ts';
import { BASE, EN_FILE, YAML_FILE, docOf, load, translationJson, translationOf } from './checker-fixtures.ts';
import { mini } from '../support/load.ts';

const texts = scenarioTexts(docOf(BASE));
const file = (text: string): TranslationFile => ({ file: EN_FILE, text });
const check = (text: string) => checkTranslation(texts, 'en', file(text), () => ({ line: 1, col: 1 }), YAML_FILE);
const written = (r: ReturnType<typeof updateTranslation>): string => {
  if (!r.ok || r.text === null) throw new Error('nothing written');
  return r.text;
};

/** The base call's complete translation without two of its texts, one of them blank. */
function partial(): string {
  const tr = translationOf(BASE);
  delete tr.texts['choices.yeah.text'];
  tr.texts['customer.name'] = ' ';
  return translationJson(tr);
}

describe('scenarios:i18n --add-missing', () => {
  const out = written(updateTranslation(texts, 'fr', file(partial()), { stamp: false, addMissing: true }));
  const json = JSON.parse(out) as Record<string, Record<string, Record<string, string>>>;

  it('writes each missing text empty, with its source text beside it', () => {
    expect(json.choices!.yeah!).toEqual({ text: '', 'text (fr)': 'Ouais ?' });
    expect(json.customer).toEqual({ name: ' ', 'name (fr)': 'M. Test' });
    // Translated texts are kept as they were, with no note.
    expect(json.choices!.hello!.text).toMatch(/^EN: /);
    expect(Object.keys(json.choices!.hello!)).toEqual(['text']);
  });

  it('leaves the texts missing for the checker (the notes are no translation and no orphan)', () => {
    expect(check(out).map((d) => [d.code, d.params.key])).toEqual([
      ['translationMissing', 'customer.name'],
      ['translationMissing', 'choices.yeah.text'],
    ]);
    expect(Object.keys(flatten(JSON.parse(out))).filter(isSourceNote)).toEqual([]);
  });

  it('never shows the source text as the translation in the game', async () => {
    const call: LoadedScenario = { file: YAML_FILE, doc: docOf(BASE), model: null, texts, diags: [] };
    const lib: Library = { playbook: null, calls: [call], diags: [], locales: { en: { 'mini-call': out } } };
    const i18n = await createI18n(lib, 'en');
    expect(i18n.t('mini-call:choices.yeah.text')).not.toContain('Ouais');
    expect(i18n.t('mini-call:choices.hello.text')).toMatch(/^EN: /);
  });

  it('drops the note once the text is translated (at the next run)', () => {
    const filled = out.replace('"text": ""', '"text": "Yeah?"');
    const again = JSON.parse(written(updateTranslation(texts, 'fr', file(filled), { stamp: false, addMissing: true })));
    expect(again.choices.yeah).toEqual({ text: 'Yeah?' });
  });

  it('creates the file when there is none', () => {
    const r = updateTranslation(texts, 'fr', null, { stamp: false, addMissing: true });
    expect(r.ok && r.counts.missing).toBe(texts.length);
    expect(JSON.parse(written(r)).title).toBe('');
  });
});

describe('scenarios:i18n --stamp', () => {
  it('prints the counts after stamping and how many it stamped', () => {
    const tr = translationOf(BASE);
    delete tr.sources.title;
    delete tr.sources['choices.yeah.text'];
    tr.sources['choices.hello.text'] = '00000000';
    const before = updateTranslation(texts, 'fr', file(translationJson(tr)), { stamp: false, addMissing: false });
    expect(before.ok && before.counts).toMatchObject({ unstamped: 2, stale: 1 });
    const r = updateTranslation(texts, 'fr', file(translationJson(tr)), { stamp: true, addMissing: false });
    expect(r.ok && { ...r.counts, stamped: r.stamped }).toMatchObject({ unstamped: 0, stale: 0, stamped: 3 });
    expect(check(written(r))).toEqual([]);
    // Stamping again stamps nothing new.
    const again = updateTranslation(texts, 'fr', file(written(r)), { stamp: true, addMissing: false });
    expect(again.ok && again.stamped).toBe(0);
  });

  it('refuses a translation file it cannot read, at its line and column, instead of emptying it', () => {
    const broken = translationJson(translationOf(BASE)).replace('"title": "', '"title": ,"');
    const r = updateTranslation(texts, 'fr', file(broken), { stamp: true, addMissing: false });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem).toMatchObject({ file: EN_FILE, line: 2, code: 'translationJson' });
    expect(messageOf(r.problem, 'fr')).toContain('illisible');
    // Bytes that are not text are refused too.
    const latin1: TranslationFile = { ...file(''), problem: { ...r.problem, code: 'invalidUtf8' } };
    expect(updateTranslation(texts, 'fr', latin1, { stamp: false, addMissing: true }).ok).toBe(false);
  });
});

describe('golden:update', () => {
  const files = ['scenarios/box-no-sync.yaml', 'scenarios/mini-call.yaml', 'scenarios/wifi-far-room.yaml'];

  it('names calls by id or by file; no name is every call', () => {
    expect(namedCalls(files, ['wifi-far-room', 'scenarios/box-no-sync.yaml'])).toEqual({
      files: ['scenarios/box-no-sync.yaml', 'scenarios/wifi-far-room.yaml'],
      unknown: [],
    });
    expect(namedCalls(files, [])).toEqual({ files, unknown: [] });
    expect(namedCalls(files, ['wifi-far', 'box-no-sync']).unknown).toEqual(['wifi-far']);
  });

  it("rewrites only the golden files of the calls named, and never compiles the others'", () => {
    const writes: string[] = [];
    const loaded: string[] = [];
    const r = updateGoldens(['mini-call'], {
      files,
      dir: '/golden',
      load: (f) => (loaded.push(f), f.endsWith('/mini-call.yaml') ? mini() : null),
      write: (path, text) => writes.push(`${path} ${JSON.parse(text).scenario}`),
    });
    expect(loaded).toEqual(['scenarios/mini-call.yaml']);
    expect(writes).toEqual(['/golden/mini-call.json mini-call']);
    expect(r.written[0]!.golden.expected.won).toBe(true);
  });

  it('writes nothing at all when a name matches no call', () => {
    const writes: string[] = [];
    const r = updateGoldens(['mini-call', 'no-such-call'], {
      files,
      dir: '/golden',
      load: () => mini(),
      write: (path) => writes.push(path),
    });
    expect(r.unknown).toEqual(['no-such-call']);
    expect(writes).toEqual([]);
  });
});

it('the base call loads clean with its complete translation (the fixtures above start from it)', () => {
  expect(load(BASE).diags).toEqual([]);
});
