// The Studio's linter says what `npm run scenarios:check` says: its checking function (run in the
// Studio's worker) against the command line's `checkScenarioFile`, on every library call and on
// broken files, in both languages.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkScenarioFile, ROOT, scenarioFiles } from '../../src/cli/repo.ts';
import { messageOf } from '../../src/content/messages.ts';
import type { Diagnostic } from '../../src/content/source.ts';
import { checkDraft, draftFiles } from '../../src/studio/check.ts';
import { TEMPLATE_NAME, TEMPLATE_YAML, templateTranslation } from '../../src/studio/template.ts';
import { playbook } from '../support/load.ts';

const read = (path: string): string | null => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** A diagnostic without its file name (a temporary file's path differs from the Studio's). */
const shape = (d: Diagnostic) => ({ line: d.line, col: d.col, severity: d.severity, code: d.code, params: d.params });

describe('the Studio checks a library call as scenarios:check does', () => {
  for (const path of scenarioFiles()) {
    const name = basename(path, '.yaml');
    it.each(['fr', 'en'] as const)(`${name} (%s)`, (lang) => {
      const cli = checkScenarioFile(path, playbook(), lang);
      const draft = {
        name,
        yaml: readFileSync(path, 'utf8'),
        translation: read(join(ROOT, 'locales', 'en', `${name}.json`)),
      };
      const studio = checkDraft(draft, playbook(), lang);
      expect(studio.map(({ message, target, ...d }) => d)).toEqual(cli);
      expect(studio.map((d) => d.message)).toEqual(cli.map((d) => messageOf(d, lang)));
      const files = draftFiles(draft);
      for (const d of studio) expect(d.target).toBe(d.file === files.yaml ? 'yaml' : 'translation');
    });
  }
});

/** Broken versions of a library call and the checker's own broken fixture, each as a file of its own. */
const base = readFileSync(join(ROOT, 'scenarios', 'first-call.yaml'), 'utf8');
const BROKEN: Readonly<Record<string, string>> = {
  'broken-call': readFileSync(join(ROOT, 'test', 'fixtures', 'broken', 'broken-call.yaml'), 'utf8'),
  'french-colon': base
    .replace('id: first-call', 'id: french-colon')
    .replace(/^( {4}note:).*$/m, '$1 Bonjour : comment allez-vous ?'),
  'bad-goto': base.replace('id: first-call', 'id: bad-goto').replace('goto: describe', 'goto: nowhere'),
  'bad-indent': base
    .replace('id: first-call', 'id: bad-indent')
    .replace('\n  name: "Odette Lambert"', '\n name: "Odette Lambert"'),
  'stray-apostrophe': base
    .replace('id: first-call', 'id: stray-apostrophe')
    .replace('persona: confused', "persona: 'confused"),
  'unknown-key': base
    .replace('id: first-call', 'id: unknown-key')
    .replace('persona: confused', 'persona: confused\npersonna: angry'),
  'id-mismatch': base,
  'tab-indent': base
    .replace('id: first-call', 'id: tab-indent')
    .replace('\n  name: "Odette Lambert"', '\n\tname: "Odette Lambert"'),
  empty: '',
  'not-a-mapping': '- just\n- a list\n',
  'bad-condition': base
    .replace('id: first-call', 'id: bad-condition')
    .replace('if: "said(greet_curt)"', 'if: "said(greet_curt) and"'),
};

describe('the Studio checks broken files as scenarios:check does', () => {
  const dir = mkdtempSync(join(tmpdir(), 'studio-broken-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const [name, yaml] of Object.entries(BROKEN)) {
    it.each(['fr', 'en'] as const)(`${name} (%s)`, (lang) => {
      const path = join(dir, `${name}.yaml`);
      writeFileSync(path, yaml);
      const cli = checkScenarioFile(path, playbook(), lang);
      const studio = checkDraft({ name, yaml, translation: null }, playbook(), lang);
      expect(cli.some((d) => d.severity === 'error')).toBe(true);
      expect(studio.map(shape)).toEqual(cli.map(shape));
      expect(studio.map((d) => d.message)).toEqual(cli.map((d) => messageOf(d, lang)));
    });
  }
});

describe('the blank template', () => {
  it('passes the checker (warnings only) in both languages', () => {
    for (const lang of ['fr', 'en'] as const) {
      const diags = checkDraft(
        { name: TEMPLATE_NAME, yaml: TEMPLATE_YAML, translation: templateTranslation() },
        playbook(),
        lang,
      );
      expect(diags.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('an error in the English texts is shown in the translation editor', () => {
    const translation = templateTranslation().replace(
      '"New call: the box does not answer"',
      '"New call: the box does not answer",\n  "stray": "x"',
    );
    const diags = checkDraft({ name: TEMPLATE_NAME, yaml: TEMPLATE_YAML, translation }, playbook(), 'en');
    const orphan = diags.find((d) => d.code === 'translationOrphan');
    expect(orphan?.target).toBe('translation');
    expect(orphan?.file).toBe(`locales/en/${TEMPLATE_NAME}.json`);
  });
});
