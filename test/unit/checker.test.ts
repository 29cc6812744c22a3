// The content checker, one problem at a time: each case breaks the valid base call in one place and
// expects exactly one diagnostic, placed at the ‸ marker, with its sentence in French and English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROOT, readScenario, scenarioFiles } from '../../src/cli/repo.ts';
import { loadScenario } from '../../src/content/load.ts';
import { messageOf } from '../../src/content/messages.ts';
import { loadPlaybook } from '../../src/content/load.ts';
import type { Diagnostic, Severity } from '../../src/content/source.ts';
import { parseSource } from '../../src/content/parse.ts';
import { validate } from '../../src/content/validate.ts';
import { misindentedLines } from '../../src/content/yaml-indent.ts';
import {
  BASE,
  EN_FILE,
  EN_TABLE,
  FR_TABLE,
  HERE,
  PLAYBOOK_FILE,
  PLAYBOOK_TEXT,
  YAML_FILE,
  applyEdits,
  expectPlaceholdersFilled,
  find,
  leaves,
  load,
  marked,
  placeholders,
  playbook,
  show,
  translationJson,
  translationOf,
  type Edit,
  type Translation,
} from './checker-fixtures.ts';

type Case = {
  readonly name: string;
  /** Edits of BASE; one `to` carries the ‸ marker where the diagnostic must point. */
  readonly edits: readonly Edit[];
  readonly code: string;
  readonly severity?: Severity;
  readonly params?: Readonly<Record<string, string>>;
  /** Pieces the French and English sentences must contain (key words and the offending name). */
  readonly fr: readonly string[];
  readonly en: readonly string[];
};

/** Checks one case: exactly one diagnostic, at the marker, with the right code and both sentences. */
function expectCase(c: Case): Diagnostic {
  const { text, line, col } = marked(applyEdits(BASE, c.edits));
  const r = load(text);
  expect(
    r.diags.map((d) => d.code),
    show(r.diags),
  ).toEqual([c.code]);
  const d = r.diags[0]!;
  const severity = c.severity ?? 'error';
  expect(d).toMatchObject({ file: YAML_FILE, line, col, severity, code: c.code });
  if (c.params) expect(d.params).toMatchObject(c.params);
  expectMessages(d, c.fr, c.en);
  // An error keeps the call from being played; a warning does not.
  if (severity === 'error') expect(r.model).toBeNull();
  else expect(r.model).not.toBeNull();
  return d;
}

function expectMessages(d: Diagnostic, frParts: readonly string[], enParts: readonly string[]): void {
  const fr = messageOf(d, 'fr');
  const en = messageOf(d, 'en');
  for (const part of frParts) expect(fr).toContain(part);
  for (const part of enParts) expect(en).toContain(part);
  expect(fr).not.toBe(en);
  expect(fr).not.toMatch(/\{\{|«\s+»/);
  expect(en).not.toMatch(/\{\{|""/);
  expectPlaceholdersFilled(d);
}

const names = (cases: readonly Case[]): [string, Case][] => cases.map((c) => [c.name, c]);

describe('the base call', () => {
  it('is clean: no diagnostic at all, and a model', () => {
    const r = load(BASE);
    expect(show(r.diags)).toBe('');
    expect(r.model?.id).toBe('mini-call');
  });

  it('has a complete, stamped translation built from its texts', () => {
    const tr = translationOf(BASE);
    expect(Object.keys(tr.texts)).toContain('choices.yeah.text');
    expect(Object.keys(tr.sources).sort()).toEqual(Object.keys(tr.texts).sort());
  });

  it('the ‸ marker helper counts lines and columns from 1', () => {
    expect(marked('ab\nc‸d')).toEqual({ text: 'ab\ncd', line: 2, col: 2 });
    expect(marked('‸x')).toMatchObject({ line: 1, col: 1 });
    expect(() => marked('none')).toThrow();
  });
});

const YAML_CASES: readonly Case[] = [
  {
    name: 'a tab used as indentation',
    code: 'yamlSyntax',
    edits: [['  name: M. Test', `${HERE}\tname: M. Test`]],
    fr: ['Erreur de syntaxe YAML', 'Tabs'],
    en: ['YAML syntax error', 'Tabs'],
  },
  {
    name: 'text after a quoted text (blamed at the quote that closed it, with the value quoted once)',
    code: 'yamlQuoteEarly',
    edits: [['title: "Appel test : box muette"', `title: "Appel test : box muette${HERE}" extra`]],
    params: { quote: '"', fix: 'title: "\\"Appel test : box muette\\" extra"' },
    fr: ['referme le texte', 'toute la valeur entre guillemets', 'title: "\\"Appel'],
    en: ['closes the quoted text', 'Quote the whole value', 'title: "\\"Appel'],
  },
  {
    name: "a stray apostrophe closing a text between '…' (one sentence, not the parser's three)",
    code: 'yamlQuoteEarly',
    edits: [['        text: Ouais ?', `        text: 'Vérifiez l${HERE}'adresse: "12 rue des Lilas" svp'`]],
    params: { quote: "'", fix: 'text: "Vérifiez l\'adresse: \\"12 rue des Lilas\\" svp"' },
    fr: ['referme le texte', 'apostrophe', `text: "Vérifiez l'adresse: \\"12 rue`],
    en: ['closes the quoted text', 'apostrophe', `text: "Vérifiez l'adresse: \\"12 rue`],
  },
  {
    name: "an apostrophe inside a text between '…', at the end of a line",
    code: 'yamlQuoteEarly',
    edits: [["    customer: Oui, c'est ça.", `    customer: 'Oui, c${HERE}'est ça.'`]],
    params: { quote: "'", fix: `customer: "Oui, c'est ça."` },
    fr: [`customer: "Oui, c'est ça."`],
    en: [`customer: "Oui, c'est ça."`],
  },
  {
    name: 'a key indented one space too far (one sentence, at that line, naming the key to align with)',
    code: 'yamlIndent',
    edits: [['        tone: curt\n', `         ${HERE}tone: curt\n`]],
    params: { found: '9', expected: '8', key: 'text' },
    fr: ['indentée de 9 espaces', 'de 8 espaces', '« text »'],
    en: ['indented by 9 spaces', 'by 8 spaces', '"text"'],
  },
  {
    name: 'a key indented one space short, inside a list item',
    code: 'yamlIndent',
    edits: [['        tone: curt\n', `       ${HERE}tone: curt\n`]],
    params: { found: '7', expected: '8', key: 'text' },
    fr: ['indentée de 7 espaces', '« text »'],
    en: ['indented by 7 spaces', '"text"'],
  },
  {
    name: "a key at the column of its list item's dash",
    code: 'yamlIndent',
    edits: [['        tone: curt\n', `      ${HERE}tone: curt\n`]],
    params: { found: '6', expected: '8', key: 'text' },
    fr: ['de 8 espaces'],
    en: ['by 8 spaces'],
  },
  {
    name: 'a node key between two levels',
    code: 'yamlIndent',
    edits: [
      ["  lights:\n    customer: Oui, c'est ça.\n", `  lights:\n    customer: Oui, c'est ça.\n   ${HERE}choices:\n`],
    ],
    params: { found: '3', expected: '4', key: 'customer' },
    fr: ['« customer »'],
    en: ['"customer"'],
  },
  {
    name: 'the French " : " in what the customer says',
    code: 'yamlColon',
    edits: [["    customer: Oui, c'est ça.", `    customer: Bonjour ${HERE}: vous êtes là ?`]],
    fr: ['« : »', 'entre guillemets', '>-'],
    en: ['" : "', 'in quotes', '>-'],
  },
  {
    name: 'the French " : " in a choice text',
    code: 'yamlColon',
    edits: [['        text: Ouais ?', `        text: Ouais ${HERE}: vous dites ?`]],
    fr: ['« : »', 'guillemets', '>-'],
    en: ['" : "', 'quotes', '>-'],
  },
  {
    name: 'the French " : " at the end of a line',
    code: 'yamlColon',
    edits: [["    customer: Oui, c'est ça.", `    customer: Attendez ${HERE}:`]],
    fr: ['guillemets', '>-'],
    en: ['quotes', '>-'],
  },
  {
    name: 'the French " : " inside a flow map',
    code: 'yamlColon',
    edits: [['{ label: Box en panne }', `{ label: Box ${HERE}: en panne }`]],
    fr: ['guillemets', '>-'],
    en: ['quotes', '>-'],
  },
  {
    name: 'two " : " in one text (said once, at the first)',
    code: 'yamlColon',
    edits: [["    customer: Oui, c'est ça.", `    customer: Note ${HERE}: ceci : cela`]],
    fr: ['guillemets'],
    en: ['quotes'],
  },
  {
    name: 'a colon stuck to the word before it, in what the customer says',
    code: 'yamlColonStuck',
    edits: [["    customer: Oui, c'est ça.", `    customer: Bonjour${HERE}: vous êtes là ?`]],
    fr: ['collé au mot', 'guillemets', '>-'],
    en: ['": "', 'quotes', '>-'],
  },
  {
    name: 'a colon stuck to the word before it, in a choice text',
    code: 'yamlColonStuck',
    edits: [['        text: Ouais ?', `        text: Note${HERE}: ouais ?`]],
    fr: ['guillemets'],
    en: ['quotes'],
  },
  {
    name: 'a quote never closed (blamed where it opens, not at the end of the file)',
    code: 'yamlUnclosedQuote',
    edits: [['title: "Appel test : box muette"', `title: ${HERE}"Appel test : box muette`]],
    params: { quote: '"' },
    fr: ['jamais refermé'],
    en: ['never closed'],
  },
  {
    name: 'a key given twice (the second is blamed)',
    code: 'duplicateKey',
    edits: [['difficulty: 1\n', `difficulty: 1\n${HERE}persona: confused\n`]],
    params: { key: 'persona' },
    fr: ['« persona »', 'deux fois'],
    en: ['"persona"', 'twice'],
  },
];

describe('YAML problems', () => {
  it.each(names(YAML_CASES))('%s', (_, c) => {
    expectCase(c);
  });

  it('finds no misindented line in the library (every call and the playbook)', () => {
    const files = [...scenarioFiles(), join(ROOT, PLAYBOOK_FILE)];
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) expect([f, misindentedLines(readFileSync(f, 'utf8').split('\n'))]).toEqual([f, []]);
  });
});

const SCHEMA_CASES: readonly Case[] = [
  {
    name: 'a misspelt key in a node (custmer)',
    code: 'unknownKeySuggest',
    edits: [["    customer: Oui, c'est ça.", `    ${HERE}custmer: Oui, c'est ça.`]],
    params: { key: 'custmer', suggestion: 'customer' },
    fr: ['Clé inconnue « custmer »', 'vouliez-vous dire « customer »'],
    en: ['Unknown key "custmer"', 'did you mean "customer"'],
  },
  {
    name: 'a misspelt key in a choice (tonne)',
    code: 'unknownKeySuggest',
    edits: [['        tone: curt', `        ${HERE}tonne: curt`]],
    params: { key: 'tonne', suggestion: 'tone' },
    fr: ['« tonne »', '« tone »'],
    en: ['"tonne"', 'did you mean "tone"'],
  },
  {
    name: 'a top-level key misspelt',
    code: 'unknownKeySuggest',
    edits: [['difficulty: 1\n', `difficulty: 1\n${HERE}sumary: Un appel\n`]],
    params: { key: 'sumary', suggestion: 'summary' },
    fr: ['« sumary »', '« summary »'],
    en: ['"sumary"', '"summary"'],
  },
  {
    name: 'an unknown key with nothing close',
    code: 'unknownKey',
    edits: [['        tone: curt', `        ${HERE}colour: red`]],
    params: { key: 'colour' },
    fr: ['Clé inconnue « colour »'],
    en: ['Unknown key "colour"'],
  },
  {
    name: 'an unknown tool',
    code: 'unknownKey',
    edits: [['  kb:\n', `  ${HERE}search:\n`]],
    params: { key: 'search' },
    fr: ['« search »'],
    en: ['"search"'],
  },
  {
    name: 'a misspelt tool (linetest)',
    code: 'unknownKeySuggest',
    edits: [['  line_test:\n', `  ${HERE}linetest:\n`]],
    params: { key: 'linetest', suggestion: 'line_test' },
    fr: ['« linetest »', '« line_test »'],
    en: ['"linetest"', 'did you mean "line_test"'],
  },
  {
    name: 'a missing top-level key (at the start of the call)',
    code: 'missingKey',
    edits: [
      ['par: { diagnosis: 4m }\n', ''],
      ['id: mini-call', `${HERE}id: mini-call`],
    ],
    params: { key: 'par' },
    fr: ['clé obligatoire « par »'],
    en: ['required key "par"'],
  },
  {
    name: 'a choice without its text (at the choice)',
    code: 'missingKey',
    edits: [['      - id: yeah\n        text: Ouais ?\n', `      - ${HERE}id: yeah\n`]],
    params: { key: 'text', path: 'nodes.open.choices[1].text' },
    fr: ['« text »'],
    en: ['"text"'],
  },
  {
    name: 'a word where a boolean is expected',
    code: 'wrongType',
    edits: [['        tone: curt', `        tone: curt\n        once: ${HERE}sometimes`]],
    params: { path: 'nodes.open.choices[1].once', expected: 'boolean', found: 'string' },
    fr: ['« nodes.open.choices[1].once »', 'boolean', 'string'],
    en: ['"nodes.open.choices[1].once"', 'boolean', 'string'],
  },
  {
    name: 'a word where a number is expected',
    code: 'wrongType',
    edits: [['difficulty: 1', `difficulty: ${HERE}easy`]],
    params: { path: 'difficulty', expected: 'number', found: 'string' },
    fr: ['« difficulty »', 'number'],
    en: ['"difficulty"', 'number'],
  },
  {
    name: 'an unknown persona',
    code: 'badValue',
    edits: [['persona: angry', `persona: ${HERE}furious`]],
    params: { value: 'furious', path: 'persona', options: 'angry, confused, technical' },
    fr: ['« furious »', '« persona »', 'angry, confused, technical'],
    en: ['"furious"', '"persona"', 'angry, confused, technical'],
  },
  {
    name: 'an unknown tone',
    code: 'badValue',
    edits: [['        tone: curt', `        tone: ${HERE}grumpy`]],
    params: { value: 'grumpy', path: 'nodes.open.choices[1].tone' },
    fr: ['« grumpy »', 'empathetic', 'condescending'],
    en: ['"grumpy"', 'empathetic', 'condescending'],
  },
  {
    name: 'an unknown tone in a list of tones',
    code: 'badValue',
    edits: [['        tone: curt', `        tone: [curt, ${HERE}grumpy]`]],
    params: { value: 'grumpy', path: 'nodes.open.choices[1].tone[1]' },
    fr: ['« grumpy »'],
    en: ['"grumpy"'],
  },
  {
    name: 'an id with capitals',
    code: 'badId',
    edits: [['      - id: yeah', `      - id: ${HERE}Yeah`]],
    params: { value: 'Yeah', path: 'nodes.open.choices[1].id' },
    fr: ['Identifiant non valide « Yeah »', 'minuscules'],
    en: ['Invalid id "Yeah"', 'lower case'],
  },
  {
    name: 'a goto that is not an id',
    code: 'badId',
    edits: [['        then: { goto: lights }', `        then: { goto: ${HERE}"Lights on" }`]],
    params: { value: 'Lights on' },
    fr: ['« Lights on »'],
    en: ['"Lights on"'],
  },
  {
    name: 'a fact named with capitals (names become translation keys)',
    code: 'badId',
    edits: [["  sync_lost: La box n'est plus synchronisée", `  ${HERE}SyncLost: La box n'est plus synchronisée`]],
    params: { value: 'SyncLost', path: 'facts.SyncLost' },
    fr: ['« SyncLost »'],
    en: ['"SyncLost"'],
  },
  {
    name: 'a node named with a space',
    code: 'badId',
    edits: [['  who:\n', `  ${HERE}"who is it":\n`]],
    params: { value: 'who is it', path: 'nodes.who is it' },
    fr: ['« who is it »'],
    en: ['"who is it"'],
  },
  {
    name: 'a latency in words (3 minutes)',
    code: 'badDuration',
    edits: [['    latency: 3s\n    crash', `    latency: ${HERE}3 minutes\n    crash`]],
    params: { value: '3 minutes', path: 'tools.crm.latency' },
    fr: ['Durée illisible « 3 minutes »', 'tools.crm.latency', '90s'],
    en: ['Unreadable duration "3 minutes"', 'tools.crm.latency', '90s'],
  },
  {
    name: 'a latency range in words',
    code: 'badDuration',
    edits: [['    latency: 2m', `    latency: ${HERE}"2 m..5 minutes"`]],
    params: { value: '2 m..5 minutes' },
    fr: ['« 2 m..5 minutes »'],
    en: ['"2 m..5 minutes"'],
  },
  {
    name: 'a latency range upside down',
    code: 'badDuration',
    edits: [['    latency: 2m', `    latency: ${HERE}2m..1m`]],
    params: { value: '2m..1m', path: 'tools.line_test.latency' },
    fr: ['« 2m..1m »', 'tools.line_test.latency'],
    en: ['"2m..1m"'],
  },
  {
    name: 'a freeze range upside down',
    code: 'badDuration',
    edits: [
      [
        '    crash: { onUse: 1, restart: 30s }\n',
        `    crash: { onUse: 1, restart: 30s }\n    freeze: { onUse: 2, for: ${HERE}9s..3s }\n`,
      ],
    ],
    params: { value: '9s..3s', path: 'tools.crm.freeze.for' },
    fr: ['« 9s..3s »', 'tools.crm.freeze.for'],
    en: ['"9s..3s"', 'tools.crm.freeze.for'],
  },
  {
    name: 'a par time in words',
    code: 'badDuration',
    edits: [['par: { diagnosis: 4m }', `par: { diagnosis: ${HERE}4 minutes }`]],
    params: { value: '4 minutes', path: 'par.diagnosis' },
    fr: ['« 4 minutes »', 'par.diagnosis'],
    en: ['"4 minutes"', 'par.diagnosis'],
  },
  {
    name: 'a crash restart time in words',
    code: 'badDuration',
    edits: [['crash: { onUse: 1, restart: 30s }', `crash: { onUse: 1, restart: ${HERE}soon }`]],
    params: { value: 'soon', path: 'tools.crm.crash.restart' },
    fr: ['« soon »'],
    en: ['"soon"'],
  },
  {
    name: 'a difficulty above 3',
    code: 'tooBig',
    edits: [['difficulty: 1', `difficulty: ${HERE}5`]],
    params: { path: 'difficulty', value: '5', limit: '3' },
    fr: ['« difficulty » vaut 5', 'maximum est 3'],
    en: ['"difficulty" is 5', 'maximum is 3'],
  },
  {
    // 0 is a guided call; below that is an error.
    name: 'a difficulty below 0',
    code: 'tooSmall',
    edits: [['difficulty: 1', `difficulty: ${HERE}-1`]],
    params: { path: 'difficulty', value: '-1', limit: '0' },
    fr: ['vaut -1', 'minimum est 0'],
    en: ['is -1', 'minimum is 0'],
  },
];

describe('format problems (schema)', () => {
  it.each(names(SCHEMA_CASES))('%s', (_, c) => {
    expectCase(c);
  });
});

const REFERENCE_CASES: readonly Case[] = [
  {
    name: 'a goto to no node',
    code: 'gotoMissing',
    edits: [['        then: { goto: lights }', `        then: { goto: ${HERE}nowhere }`]],
    params: { name: 'nowhere' },
    fr: ["Le nœud « nowhere » n'existe pas"],
    en: ['There is no node "nowhere"'],
  },
  {
    name: 'a goto to a misspelt node',
    code: 'gotoMissingSuggest',
    edits: [['        then: { goto: lights }', `        then: { goto: ${HERE}light }`]],
    params: { name: 'light', suggestion: 'lights' },
    fr: ['« light »', 'vouliez-vous dire « lights »'],
    en: ['"light"', 'did you mean "lights"'],
  },
  {
    name: 'a misspelt start node',
    code: 'gotoMissingSuggest',
    edits: [['start: open', `start: ${HERE}opne`]],
    params: { name: 'opne', suggestion: 'open' },
    fr: ['« opne »', '« open »'],
    en: ['"opne"', '"open"'],
  },
  {
    name: 'a misspelt hang-up node',
    code: 'gotoMissingSuggest',
    edits: [['onHangUp: gone', `onHangUp: ${HERE}gonee`]],
    params: { name: 'gonee', suggestion: 'gone' },
    fr: ['« gonee »', '« gone »'],
    en: ['"gonee"', '"gone"'],
  },
  {
    name: 'an undeclared variable in effects (at its name)',
    code: 'undeclaredVar',
    edits: [['        then: { goto: verify }', `        then: { add: { ${HERE}mood: 1 }, goto: verify }`]],
    params: { name: 'mood' },
    fr: ['La variable « mood »', 'customer.vars'],
    en: ['The variable "mood"', 'customer.vars'],
  },
  {
    name: 'a misspelt variable in effects (at its name)',
    code: 'undeclaredVarSuggest',
    edits: [['        then: { goto: verify }', `        then: { add: { ${HERE}angr: -1 }, goto: verify }`]],
    params: { name: 'angr', suggestion: 'anger' },
    fr: ['« angr »', '« anger »'],
    en: ['"angr"', 'did you mean "anger"'],
  },
  {
    name: 'an undeclared variable set on entering a node',
    code: 'undeclaredVar',
    edits: [['  verify:\n', `  verify:\n    enter: { set: { ${HERE}calls: 1 } }\n`]],
    params: { name: 'calls' },
    fr: ['« calls »'],
    en: ['"calls"'],
  },
  {
    name: 'an undeclared fact learned',
    code: 'undeclaredFact',
    edits: [['learn: [sync_lost]', `learn: [${HERE}weather]`]],
    params: { name: 'weather' },
    fr: ['Le fait « weather »', 'facts'],
    en: ['The fact "weather"', 'under facts'],
  },
  {
    name: 'a misspelt fact learned',
    code: 'undeclaredFactSuggest',
    edits: [['learn: [sync_lost]', `learn: [${HERE}sync_lots]`]],
    params: { name: 'sync_lots', suggestion: 'sync_lost' },
    fr: ['« sync_lots »', '« sync_lost »'],
    en: ['"sync_lots"', '"sync_lost"'],
  },
  {
    name: 'a misspelt fact in the ticket notes',
    code: 'undeclaredFactSuggest',
    edits: [['notes: [sync_lost, line_fault]', `notes: [sync_lost, ${HERE}line_falt]`]],
    params: { name: 'line_falt', suggestion: 'line_fault' },
    fr: ['« line_falt »'],
    en: ['"line_falt"'],
  },
  {
    name: 'an unknown step',
    code: 'undeclaredStep',
    edits: [['        step: greet', `        step: ${HERE}dance`]],
    params: { name: 'dance' },
    fr: ["L'étape « dance »", 'playbook'],
    en: ['The step "dance"', 'playbook'],
  },
  {
    name: 'a misspelt step',
    code: 'undeclaredStepSuggest',
    edits: [['        step: greet', `        step: ${HERE}gret`]],
    params: { name: 'gret', suggestion: 'greet' },
    fr: ['« gret »', '« greet »'],
    en: ['"gret"', 'did you mean "greet"'],
  },
  {
    name: 'a misspelt step in a list of steps',
    code: 'undeclaredStepSuggest',
    edits: [['step: [acknowledge, identify]', `step: [acknowledge, ${HERE}identfy]`]],
    params: { name: 'identfy', suggestion: 'identify' },
    fr: ['« identfy »'],
    en: ['"identfy"'],
  },
  {
    name: 'a misspelt step in skipSteps',
    code: 'undeclaredStepSuggest',
    edits: [['onHangUp: gone', `skipSteps: [${HERE}tiket]\nonHangUp: gone`]],
    params: { name: 'tiket', suggestion: 'ticket' },
    fr: ['« tiket »', '« ticket »'],
    en: ['"tiket"', '"ticket"'],
  },
  {
    name: 'an undeclared diagnosis',
    code: 'undeclaredDiagnosis',
    edits: [['then: { diagnose: box_fault, goto: gone }', `then: { diagnose: ${HERE}alien, goto: gone }`]],
    params: { name: 'alien' },
    fr: ['Le diagnostic « alien »', 'diagnoses'],
    en: ['The diagnosis "alien"', 'diagnoses'],
  },
  {
    name: 'a fact both expected in the notes and unconfirmed',
    code: 'unconfirmedNoted',
    edits: [
      [
        'ticket: { notes: [sync_lost, line_fault] }',
        `ticket: { notes: [sync_lost, line_fault], unconfirmed: [${HERE}line_fault] }`,
      ],
    ],
    params: { name: 'line_fault' },
    fr: ['« line_fault »', 'non confirmé'],
    en: ['"line_fault"', 'unconfirmed'],
  },
  {
    name: 'a ticket category the playbook does not list',
    code: 'undeclaredCategory',
    edits: [
      [
        'ticket: { notes: [sync_lost, line_fault] }',
        `ticket: { notes: [sync_lost, line_fault], category: ${HERE}plumbing, priority: high }`,
      ],
    ],
    params: { name: 'plumbing' },
    fr: ['« plumbing »', 'categories'],
    en: ['"plumbing"', 'categories'],
  },
  {
    name: 'a misspelt ticket category',
    code: 'undeclaredCategorySuggest',
    edits: [
      [
        'ticket: { notes: [sync_lost, line_fault] }',
        `ticket: { notes: [sync_lost, line_fault], category: ${HERE}conection, priority: high }`,
      ],
    ],
    params: { name: 'conection', suggestion: 'connection' },
    fr: ['« conection »', '« connection »'],
    en: ['"conection"', '"connection"'],
  },
  {
    name: 'a ticket priority the playbook does not list',
    code: 'undeclaredPriority',
    edits: [
      [
        'ticket: { notes: [sync_lost, line_fault] }',
        `ticket: { notes: [sync_lost, line_fault], category: connection, priority: ${HERE}someday }`,
      ],
    ],
    params: { name: 'someday' },
    fr: ['« someday »', 'priorities'],
    en: ['"someday"', 'priorities'],
  },
  {
    name: 'a misspelt ticket priority',
    code: 'undeclaredPrioritySuggest',
    edits: [
      [
        'ticket: { notes: [sync_lost, line_fault] }',
        `ticket: { notes: [sync_lost, line_fault], category: connection, priority: ${HERE}hgh }`,
      ],
    ],
    params: { name: 'hgh', suggestion: 'high' },
    fr: ['« hgh »', '« high »'],
    en: ['"hgh"', '"high"'],
  },
  {
    name: 'a ticket with a category and no priority',
    code: 'classHalf',
    edits: [
      [
        'ticket: { notes: [sync_lost, line_fault] }',
        `ticket: ${HERE}{ notes: [sync_lost, line_fault], category: connection }`,
      ],
    ],
    params: {},
    fr: ['catégorie et une priorité'],
    en: ['category and a priority'],
  },
  {
    name: 'a diagnosis for a cause the call does not declare',
    code: 'undeclaredCause',
    edits: [
      [
        '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }',
        '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }'.replace(
          'correct: true,',
          `correct: true, cause: ${HERE}flood,`,
        ),
      ],
    ],
    params: { name: 'flood' },
    fr: ['« flood »', 'causes'],
    en: ['"flood"', 'causes'],
  },
  {
    name: 'a misspelt cause',
    code: 'undeclaredCauseSuggest',
    edits: [
      ['diagnoses:\n', 'causes:\n  outage: {}\ndiagnoses:\n'],
      [
        '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }',
        '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }'.replace(
          'correct: true,',
          `correct: true, cause: ${HERE}outgae,`,
        ),
      ],
    ],
    params: { name: 'outgae', suggestion: 'outage' },
    fr: ['« outgae »', '« outage »'],
    en: ['"outgae"', '"outage"'],
  },
  {
    name: 'a cause with no right diagnosis',
    code: 'causeWithoutDiagnosis',
    edits: [
      ['diagnoses:\n', `causes:\n  line: {}\n  outage: ${HERE}{}\ndiagnoses:\n`],
      [
        '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }',
        '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }'.replace(
          'correct: true,',
          'correct: true, cause: line,',
        ),
      ],
    ],
    params: { name: 'outage' },
    fr: ['« outage »', 'cause: outage'],
    en: ['"outage"', 'cause: outage'],
  },
  {
    name: 'a critical item the playbook does not list',
    code: 'undeclaredCritical',
    edits: [['        step: restate\n', `        step: restate\n        critical: ${HERE}bribe\n`]],
    params: { name: 'bribe' },
    fr: ['« bribe »', 'fatal'],
    en: ['"bribe"', 'fatal'],
  },
  {
    name: 'a misspelt critical item',
    code: 'undeclaredCriticalSuggest',
    edits: [['        step: restate\n', `        step: restate\n        critical: ${HERE}pasword\n`]],
    params: { name: 'pasword', suggestion: 'password' },
    fr: ['« pasword »', '« password »'],
    en: ['"pasword"', '"password"'],
  },
  {
    name: 'a misspelt diagnosis',
    code: 'undeclaredDiagnosisSuggest',
    edits: [['then: { diagnose: box_fault, goto: gone }', `then: { diagnose: ${HERE}box_falt, goto: gone }`]],
    params: { name: 'box_falt', suggestion: 'box_fault' },
    fr: ['« box_falt »', '« box_fault »'],
    en: ['"box_falt"', '"box_fault"'],
  },
  {
    name: 'two choices with one id in different nodes',
    code: 'duplicateId',
    // Same text too, so the translation (keyed by choice id) stays consistent and only the id clashes.
    edits: [
      [
        '      - id: recap\n        text: Je récapitule, un technicien passe demain matin.',
        `      - id: ${HERE}restate\n        text: Donc plus aucune connexion depuis trois jours, c'est bien ça ?`,
      ],
    ],
    params: { id: 'restate', line: '71' },
    fr: ["L'identifiant « restate »", 'ligne 71'],
    en: ['The id "restate"', 'line 71'],
  },
  {
    name: 'a choice with the id of a playbook line',
    code: 'duplicateId',
    edits: [['      - id: yeah', `      - id: ${HERE}still_here`]],
    params: { id: 'still_here', line: 'playbook' },
    fr: ['« still_here »'],
    en: ['"still_here"'],
  },
  {
    name: 'two variants with one id',
    code: 'duplicateId',
    edits: [
      [
        "    customer: Oui, c'est ça.",
        [
          '    customer:',
          '      - id: calm',
          '        if: anger < 5',
          "        text: Oui, c'est ça.",
          `      - id: ${HERE}calm`,
          "        text: Oui, c'est ça.",
        ].join('\n'),
      ],
    ],
    params: { id: 'calm', line: '77' },
    fr: ['« calm »', 'ligne 77'],
    en: ['"calm"', 'line 77'],
  },
  {
    name: 'two tool outcomes with one id',
    code: 'duplicateId',
    edits: [
      [
        '      - id: saved\n        text: Ticket enregistré',
        `      - id: saved\n        text: Ticket enregistré\n      - id: ${HERE}saved\n        text: Ticket enregistré`,
      ],
    ],
    params: { id: 'saved', line: '33' },
    fr: ['« saved »', 'ligne 33'],
    en: ['"saved"', 'line 33'],
  },
  {
    name: 'a call step with the id of a playbook step',
    code: 'duplicateId',
    edits: [
      ['onHangUp: gone', `steps:\n  - { id: ${HERE}greet, phase: opening, weight: 1, label: Salut }\nonHangUp: gone`],
    ],
    params: { id: 'greet' },
    fr: ['« greet »'],
    en: ['"greet"'],
  },
  {
    name: 'an id that is not the file name',
    code: 'idMismatch',
    edits: [['id: mini-call', `id: ${HERE}mini-cal`]],
    params: { id: 'mini-cal', file: 'mini-call' },
    fr: ['« mini-cal »', '« mini-call »'],
    en: ['"mini-cal"', 'file name ("mini-call")'],
  },
  {
    name: 'no correct diagnosis',
    code: 'noCorrectDiagnosis',
    edits: [
      ['  line_fault: { label: Défaut de ligne, correct: true, ', `  ${HERE}line_fault: { label: Défaut de ligne, `],
    ],
    fr: ['Aucun diagnostic', 'correct: true'],
    en: ['No diagnosis', 'correct: true'],
  },
  {
    name: 'a crash with no trigger',
    code: 'faultNoTrigger',
    edits: [['crash: { onUse: 1, restart: 30s }', `crash: ${HERE}{ restart: 30s }`]],
    params: { tool: 'crm' },
    fr: ['outil crm', 'onUse', 'at'],
    en: ['crm fault', 'onUse', 'at'],
  },
  {
    name: 'the second crash of a list with no trigger',
    code: 'faultNoTrigger',
    edits: [['crash: { onUse: 1, restart: 30s }', `crash: [{ onUse: 1, restart: 30s }, ${HERE}{ restart: 10s }]`]],
    params: { tool: 'crm' },
    fr: ['crm'],
    en: ['crm'],
  },
  {
    name: 'a variable starting above 10',
    code: 'varOutOfRange',
    edits: [['  name: M. Test', `  name: M. Test\n  vars: { anger: ${HERE}12 }`]],
    params: { name: 'anger', value: '12', min: '0', max: '10' },
    fr: ['« anger »', '12', '0..10'],
    en: ['"anger"', '12', '0..10'],
  },
  {
    name: 'a variable starting above its own maximum',
    code: 'varOutOfRange',
    edits: [['  name: M. Test', `  name: M. Test\n  vars: { calls: ${HERE}{ init: 4, max: 3 } }`]],
    params: { name: 'calls', value: '4', max: '3' },
    fr: ['« calls »', '0..3'],
    en: ['"calls"', '0..3'],
  },
  {
    name: 'a node with neither choices nor an end (the call would stop there: an error)',
    code: 'deadEnd',
    edits: [
      ['        tone: curt\n        then: { goto: who }', '        tone: curt\n        then: { goto: limbo }'],
      ['  gone:\n', `  ${HERE}limbo:\n    customer: Allô ?\n  gone:\n`],
    ],
    params: { node: 'limbo' },
    fr: ['« limbo »', 'ni choix ni fin', "l'appel s'y arrêterait", 'end:'],
    en: ['"limbo"', 'neither choices nor an end', 'the call would stop there', 'end:'],
  },
];

describe('reference and consistency problems', () => {
  it.each(names(REFERENCE_CASES))('%s', (_, c) => {
    expectCase(c);
  });
});

/** A condition error, written with ‸ before the offending token. */
type CondCase = {
  readonly code: string;
  readonly cond: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly fr: readonly string[];
  readonly en: readonly string[];
};

const CONDITION_ERRORS: readonly CondCase[] = [
  {
    code: 'condition.syntax',
    cond: `knows(line_fault) ${HERE}anger`,
    params: { token: 'anger' },
    fr: ['Condition illisible', '« anger »'],
    en: ['Unreadable condition', '"anger"'],
  },
  { code: 'condition.syntax', cond: `anger >= 7 and ${HERE})`, params: { token: ')' }, fr: ['« ) »'], en: ['")"'] },
  { code: 'condition.unexpectedEnd', cond: `knows(line_fault) and${HERE}`, fr: ['trop tôt'], en: ['stops too early'] },
  { code: 'condition.unexpectedEnd', cond: `(anger > 3${HERE}`, fr: ['parenthèse'], en: ['parenthesis'] },
  {
    code: 'condition.unknownName',
    cond: `knows(line_fault) and ${HERE}mood > 3`,
    params: { name: 'mood' },
    fr: ['Nom inconnu « mood »'],
    en: ['Unknown name "mood"'],
  },
  {
    code: 'condition.unknownNameSuggest',
    cond: `knows(line_fault) and ${HERE}angr > 3`,
    params: { name: 'angr', suggestion: 'anger' },
    fr: ['« angr »', 'vouliez-vous dire « anger »'],
    en: ['"angr"', 'did you mean "anger"'],
  },
  {
    code: 'condition.unknownFunction',
    cond: `${HERE}guess(line_fault)`,
    params: { fn: 'guess' },
    fr: ['Fonction inconnue « guess »', 'knows'],
    en: ['Unknown function "guess"', 'knows'],
  },
  {
    code: 'condition.unknownFunctionSuggest',
    cond: `anger < 9 and ${HERE}knws(line_fault)`,
    params: { fn: 'knws', suggestion: 'knows' },
    fr: ['« knws »', '« knows »'],
    en: ['"knws"', 'did you mean "knows"'],
  },
  {
    code: 'condition.unknownArgument',
    cond: `knows(${HERE}weather)`,
    params: { fn: 'knows', arg: 'weather', kind: 'fact' },
    fr: ['knows(weather)', '« weather »', 'fact'],
    en: ['knows(weather)', '"weather"', 'fact'],
  },
  {
    code: 'condition.unknownArgumentSuggest',
    cond: `knows(${HERE}line_falt)`,
    params: { arg: 'line_falt', suggestion: 'line_fault' },
    fr: ['« line_falt »', '« line_fault »'],
    en: ['"line_falt"', 'did you mean "line_fault"'],
  },
  {
    code: 'condition.unknownArgumentSuggest',
    cond: `done(${HERE}tiket)`,
    params: { arg: 'tiket', suggestion: 'ticket' },
    fr: ['done(tiket)'],
    en: ['done(tiket)'],
  },
  {
    code: 'condition.typeMismatch',
    cond: `knows(line_fault) and ${HERE}anger`,
    params: { expected: 'boolean', found: 'number' },
    fr: ['Types incompatibles', 'il faut true ou false (boolean)', 'pas un nombre (number)'],
    en: ['Mismatched types', 'expected true or false (boolean)', 'found a number'],
  },
  {
    code: 'condition.typeMismatch',
    cond: `anger > ${HERE}knows(line_fault)`,
    params: { expected: 'number', found: 'boolean' },
    fr: ['il faut un nombre (number)'],
    en: ['expected a number'],
  },
  {
    code: 'condition.notBoolean',
    cond: `${HERE}anger + 1`,
    fr: ['vraie ou fausse', 'anger >= 5'],
    en: ['true or false', 'anger >= 5'],
  },
  {
    code: 'condition.badDuration',
    cond: `elapsed > ${HERE}3min`,
    params: { token: '3min' },
    fr: ['Durée illisible', '« 3min »'],
    en: ['Unreadable duration', '"3min"'],
  },
];

/** The condition as a plain scalar and as a double-quoted one, on the `if:` of the tell_fault choice. */
const CONDITION_CASES: readonly Case[] = CONDITION_ERRORS.flatMap((c): Case[] => [
  {
    ...c,
    name: `${c.code} (plain): if: ${c.cond}`,
    edits: [['        if: knows(line_fault)\n', `        if: ${c.cond}\n`]],
  },
  {
    ...c,
    name: `${c.code} (quoted): if: "${c.cond}"`,
    edits: [['        if: knows(line_fault)\n', `        if: "${c.cond}"\n`]],
  },
]);

const CONDITION_PLACES: readonly Case[] = [
  {
    name: 'in a diagnosis evidence inside a flow map',
    code: 'condition.unknownArgumentSuggest',
    edits: [['evidence: knows(line_fault) }', `evidence: knows(${HERE}line_falt) }`]],
    fr: ['« line_falt »'],
    en: ['"line_falt"'],
  },
  {
    name: 'in a quoted evidence, after another call',
    code: 'condition.unknownFunctionSuggest',
    edits: [['evidence: knows(line_fault) }', `evidence: "knows(sync_lost) and ${HERE}knws(line_fault)" }`]],
    fr: ['« knws »'],
    en: ['"knws"'],
  },
  {
    name: 'in a single-quoted condition',
    code: 'condition.unknownNameSuggest',
    edits: [['        if: knows(line_fault)\n', `        if: 'knows(line_fault) or ${HERE}angr > 8'\n`]],
    fr: ['« angr »'],
    en: ['"angr"'],
  },
  {
    name: 'in a customer variant',
    code: 'condition.unknownNameSuggest',
    edits: [
      [
        "    customer: Oui, c'est ça.",
        `    customer:\n      - id: calm\n        if: ${HERE}angr < 5\n        text: Oui, c'est ça.\n      - id: rough\n        text: OUI.`,
      ],
    ],
    fr: ['« angr »'],
    en: ['"angr"'],
  },
  {
    name: 'in a tool outcome',
    code: 'condition.unknownNameSuggest',
    edits: [['      - id: found\n', `      - id: found\n        if: ${HERE}angr > 5\n`]],
    fr: ['« angr »'],
    en: ['"angr"'],
  },
  {
    name: 'on the second line of a folded (>-) condition',
    code: 'condition.unknownNameSuggest',
    edits: [
      [
        '        if: knows(line_fault)\n',
        `        if: >-\n          knows(line_fault)\n          and ${HERE}angr > 3\n`,
      ],
    ],
    fr: ['« angr »'],
    en: ['"angr"'],
  },
  {
    name: 'on the second line of a plain multi-line condition',
    code: 'condition.unknownArgumentSuggest',
    edits: [
      ['        if: knows(line_fault)\n', `        if: knows(line_fault)\n          and not knows(${HERE}sync_lots)\n`],
    ],
    fr: ['« sync_lots »'],
    en: ['"sync_lots"'],
  },
];

describe('condition problems point inside the condition', () => {
  it.each(names(CONDITION_CASES))('%s', (_, c) => {
    expectCase(c);
  });
  it.each(names(CONDITION_PLACES))('%s', (_, c) => {
    expectCase(c);
  });

  it('the quoted form points one column further than the plain one', () => {
    const plain = expectCase(CONDITION_CASES[0]!);
    const quoted = expectCase(CONDITION_CASES[1]!);
    expect(plain.line).toBe(87);
    expect(quoted.line).toBe(87);
    expect(plain.col).toBe(31); // `        if: ` is 12 characters, `knows(line_fault) ` 18 more
    expect(quoted.col).toBe(32);
  });
});

const WARNING_CASES: readonly Case[] = [
  {
    name: 'a node no goto leads to',
    code: 'nodeNeverTargeted',
    edits: [['  gone:\n', `  ${HERE}orphan:\n    customer: Personne ne vient ici.\n    end: lost\n  gone:\n`]],
    params: { node: 'orphan' },
    fr: ['« orphan »', 'jamais joué'],
    en: ['"orphan"', 'never be played'],
  },
  {
    name: 'a fact never learned',
    code: 'factNeverLearned',
    edits: [
      [
        '  line_fault: Défaut sur la ligne\n',
        `  line_fault: Défaut sur la ligne\n  ${HERE}router_model: Modèle de la box\n`,
      ],
    ],
    params: { fact: 'router_model' },
    fr: ['« router_model »', 'appris nulle part'],
    en: ['"router_model"', 'never learned'],
  },
  {
    name: 'a fact learned but never used',
    code: 'factUnused',
    edits: [
      ['notes: [sync_lost, line_fault]', 'notes: [line_fault]'],
      ['  sync_lost: La box', `  ${HERE}sync_lost: La box`],
    ],
    params: { fact: 'sync_lost' },
    fr: ['« sync_lost »', 'jamais utilisé'],
    en: ['"sync_lost"', 'never used'],
  },
  {
    name: 'a last variant with a condition',
    code: 'lastVariantConditional',
    edits: [
      [
        "    customer: Oui, c'est ça.",
        `    customer:\n      - id: calm\n        text: Oui.\n      - ${HERE}id: cross\n        if: anger > 5\n        text: OUI !`,
      ],
    ],
    params: { node: 'lights' },
    fr: ['« lights »', 'condition'],
    en: ['"lights"', 'says nothing'],
  },
  {
    name: 'a last tool outcome with a condition',
    code: 'outcomeNoFallback',
    edits: [['      - id: found\n', `      - ${HERE}id: found\n        if: anger > 5\n`]],
    params: { tool: 'crm' },
    fr: ['outil crm', 'condition'],
    en: ['crm tool', 'shows nothing'],
  },
  {
    name: 'a playbook step no line performs (placed at the call id)',
    code: 'stepNeverDoable',
    edits: [
      ['        step: recap\n', ''],
      ['id: mini-call', `id: ${HERE}mini-call`],
    ],
    params: { step: 'recap' },
    fr: ['« recap »', 'skipSteps'],
    en: ['"recap"', 'skipSteps'],
  },
  {
    name: 'no winning end',
    code: 'noWinningEnd',
    edits: [
      ['then: { end: resolved }', 'then: { end: lost }'],
      ['  open:\n    choices:', `  ${HERE}open:\n    choices:`],
    ],
    fr: ['resolved', 'escalated', 'gagné'],
    en: ['resolved', 'escalated', 'cannot be won'],
  },
];

describe('warnings (the call still plays)', () => {
  it.each(names(WARNING_CASES.map((c) => ({ ...c, severity: 'warning' as const }))))('%s', (_, c) => {
    expectCase(c);
  });

  it("a fact used only in a diagnosis's evidence is used (no factUnused)", () => {
    // sync_lost, no longer noted in the ticket, is the proof of the diagnosis: that is its use.
    const text = applyEdits(BASE, [
      ['notes: [sync_lost, line_fault]', 'notes: [line_fault]'],
      ['evidence: knows(line_fault)', 'evidence: knows(sync_lost)'],
    ]);
    expect(show(load(text).diags)).toBe('');
    // Without the evidence either, it is unused: the warning is still there when it should be.
    const unused = applyEdits(text, [[', evidence: knows(sync_lost)', '']]);
    expect(load(unused).diags.map((d) => [d.code, d.params.fact])).toEqual([['factUnused', 'sync_lost']]);
  });
});

type TranslationCase = {
  readonly name: string;
  readonly code: string;
  readonly severity?: Severity;
  /** The English file's text, from the base's complete translation. */
  readonly json: (tr: Translation) => string;
  /** Where the diagnostic must point (in the call or in the translation file). */
  readonly at: (json: string) => { file: string; line: number; col: number };
  readonly params?: Readonly<Record<string, string>>;
  readonly fr: readonly string[];
  readonly en: readonly string[];
};

const edited =
  (f: (tr: Translation) => void) =>
  (tr: Translation): string => {
    f(tr);
    return translationJson(tr);
  };
const inYaml = (needle: string) => (): { file: string; line: number; col: number } => ({
  file: YAML_FILE,
  ...find(BASE, needle),
});
const inJson =
  (needle: string, after = '') =>
  (json: string): { file: string; line: number; col: number } => ({ file: EN_FILE, ...find(json, needle, after) });

const TRANSLATION_CASES: readonly TranslationCase[] = [
  {
    name: 'a missing key (placed at the French text in the call)',
    code: 'translationMissing',
    json: edited((tr) => {
      delete tr.texts['choices.yeah.text'];
    }),
    at: inYaml('Ouais ?'),
    params: { lang: 'en', key: 'choices.yeah.text', file: EN_FILE, call: 'mini-call' },
    fr: [
      'Traduction en manquante',
      '« choices.yeah.text »',
      EN_FILE,
      'npm run scenarios:i18n -- --add-missing mini-call',
    ],
    en: ['Missing en translation', '"choices.yeah.text"', EN_FILE, 'npm run scenarios:i18n -- --add-missing mini-call'],
  },
  {
    name: 'a blank translation counts as missing',
    code: 'translationMissing',
    json: edited((tr) => {
      tr.texts['customer.name'] = '  ';
    }),
    at: inYaml('M. Test'),
    params: { key: 'customer.name' },
    fr: ['« customer.name »'],
    en: ['"customer.name"'],
  },
  {
    name: 'a stale translation (the French text changed since)',
    code: 'translationStale',
    json: edited((tr) => {
      tr.sources['choices.yeah.text'] = '00000000';
    }),
    at: inJson('"text"', '"yeah"'),
    params: { lang: 'en', key: 'choices.yeah.text', line: '50', call: 'mini-call' },
    // What is wrong, and how to fix it: the command that marks it reviewed once corrected.
    fr: ['périmée', '« choices.yeah.text »', 'ligne 50', 'npm run scenarios:i18n -- --stamp mini-call'],
    en: ['Stale en translation', '"choices.yeah.text"', 'line 50', 'npm run scenarios:i18n -- --stamp mini-call'],
  },
  {
    name: 'an orphan key',
    code: 'translationOrphan',
    json: edited((tr) => {
      tr.texts['nodes.ghost.customer'] = 'Boo';
    }),
    at: inJson('"customer"', '"ghost"'),
    params: { lang: 'en', key: 'nodes.ghost.customer' },
    fr: ['« nodes.ghost.customer »', 'sans texte source'],
    en: ['"nodes.ghost.customer"', 'no source text'],
  },
  {
    name: 'invalid JSON: a value missing (position from the parser)',
    code: 'translationJson',
    json: (tr) => translationJson(tr).replace('"title": "', '"title": ,"'),
    at: inJson(',"EN: Appel'),
    fr: ['Fichier de traduction illisible', 'JSON'],
    en: ['Unreadable translation file', 'JSON'],
  },
  {
    name: 'invalid JSON: a trailing comma',
    code: 'translationJson',
    json: () => '{\n  "title": "Test call",\n}\n',
    at: () => ({ file: EN_FILE, line: 3, col: 1 }),
    fr: ['illisible'],
    en: ['Unreadable'],
  },
  {
    name: 'a translation not yet stamped',
    code: 'translationUnstamped',
    severity: 'warning',
    json: edited((tr) => {
      delete tr.sources.title;
    }),
    at: inJson('"title"'),
    params: { lang: 'en', key: 'title', call: 'mini-call' },
    fr: ['« title »', 'pas encore validée', '--stamp mini-call'],
    en: ['"title"', 'not yet reviewed', '--stamp mini-call'],
  },
];

describe('translations', () => {
  it.each(TRANSLATION_CASES.map((c): [string, TranslationCase] => [c.name, c]))('%s', (_, c) => {
    const json = c.json(translationOf(BASE));
    const r = load(BASE, { file: EN_FILE, text: json });
    expect(
      r.diags.map((d) => d.code),
      show(r.diags),
    ).toEqual([c.code]);
    const d = r.diags[0]!;
    expect(d).toMatchObject({ ...c.at(json), severity: c.severity ?? 'error', code: c.code });
    if (c.params) expect(d.params).toMatchObject(c.params);
    expectMessages(d, c.fr, c.en);
    // Translation problems fail the check but the call can still be played.
    expect(r.model).not.toBeNull();
  });

  it("a missing translation file is reported at the call's lang", () => {
    const { text, line, col } = marked(applyEdits(BASE, [['lang: fr', `lang: ${HERE}fr`]]));
    const r = load(text, null);
    expect(
      r.diags.map((d) => d.code),
      show(r.diags),
    ).toEqual(['translationFileMissing']);
    const d = r.diags[0]!;
    expect(d).toMatchObject({
      file: YAML_FILE,
      line,
      col,
      severity: 'error',
      code: 'translationFileMissing',
      params: { lang: 'en', file: EN_FILE },
    });
    expectMessages(d, ['Pas de traduction en', EN_FILE], ['No en translation', EN_FILE]);
    expect(r.model).not.toBeNull();
  });

  it('a translation built from the call itself is clean (fingerprints match the French texts)', () => {
    const json = translationJson(translationOf(BASE));
    expect(load(BASE, { file: EN_FILE, text: json }).diags).toEqual([]);
    // ...and changing one French text makes exactly that key stale.
    const changed = BASE.replace('        text: Ouais ?', '        text: Ouais, allô ?');
    const r = load(changed, { file: EN_FILE, text: json });
    expect(r.diags.map((d) => [d.code, d.params.key])).toEqual([['translationStale', 'choices.yeah.text']]);
  });
});

describe('one broken file never stops the others', () => {
  it('a broken call next to a good one: the good one still gets its model', () => {
    const broken = loadScenario(
      { file: 'scenarios/broken.yaml', text: 'id: broken\ntitle: [oops\n', translations: {} },
      playbook(),
    );
    const wrong = load(applyEdits(BASE, [['then: { goto: lights }', 'then: { goto: nowhere }']]));
    const good = load(BASE);
    expect(broken.model).toBeNull();
    expect(broken.diags.map((d) => [d.file, d.code])).toEqual([['scenarios/broken.yaml', 'yamlSyntax']]);
    expect(wrong.model).toBeNull();
    expect(wrong.diags.map((d) => d.code)).toEqual(['gotoMissing']);
    expect(good.diags).toEqual([]);
    expect(good.model?.nodes.map((n) => n.id)).toContain('lights');
  });

  it('an unreadable file is a diagnostic, not an exception', () => {
    const r = readScenario(join(ROOT, 'scenarios', 'does-not-exist.yaml'), playbook());
    expect(r.model).toBeNull();
    expect(r.diags).toHaveLength(1);
    const d = r.diags[0]!;
    expect(d).toMatchObject({ line: 1, col: 1, severity: 'error', code: 'unreadable' });
    expect(d.file).toContain('does-not-exist.yaml');
    expectMessages(d, ['Impossible de lire', 'ENOENT'], ['Cannot read', 'ENOENT']);
  });

  it('every problem of a file is reported, in line order, not just the first', () => {
    const text = applyEdits(BASE, [
      ['then: { goto: lights }', 'then: { goto: light }'],
      ['        step: greet', '        step: gret'],
      ['learn: [sync_lost]', 'learn: [sync_lots]'],
    ]);
    const r = load(text);
    expect(r.diags.map((d) => [d.line, d.code])).toEqual([
      [47, 'undeclaredStepSuggest'],
      [74, 'gotoMissingSuggest'],
      [81, 'undeclaredFactSuggest'],
    ]);
  });

  it('every schema problem of a file is reported at once', () => {
    const text = applyEdits(BASE, [
      ['persona: angry', 'persona: furious'],
      ['difficulty: 1', 'difficulty: 5'],
    ]);
    expect(load(text).diags.map((d) => [d.line, d.code])).toEqual([
      [4, 'badValue'],
      [5, 'tooBig'],
    ]);
  });
});

type PlaybookCase = {
  readonly name: string;
  readonly edits: readonly Edit[];
  readonly code: string;
  readonly params?: Readonly<Record<string, string>>;
  readonly fr: readonly string[];
  readonly en: readonly string[];
};

/** Where the playbook declares its greet step (the first place an id given twice is reported). */
const GREET_LINE =
  readFileSync(join(ROOT, 'scenarios', 'playbook.yaml'), 'utf8')
    .split('\n')
    .findIndex((l) => l === '  - id: greet') + 1;

const PLAYBOOK_CASES: readonly PlaybookCase[] = [
  {
    name: 'an after: naming an unknown step',
    code: 'undeclaredStep',
    edits: [['    after: [identify]', `    after: [${HERE}identifyy]`]],
    params: { name: 'identifyy' },
    fr: ['« identifyy »'],
    en: ['"identifyy"'],
  },
  {
    name: 'a step id given twice',
    code: 'duplicateId',
    edits: [
      [
        '  # --- Milieu : humain ---\n',
        `  - id: ${HERE}greet\n    phase: opening\n    weight: 1\n    label: Bis\n  # --- Milieu : humain ---\n`,
      ],
    ],
    params: { id: 'greet', line: String(GREET_LINE) },
    fr: ['« greet »', `ligne ${GREET_LINE}`],
    en: ['"greet"', `line ${GREET_LINE}`],
  },
  {
    name: 'a duration in words',
    code: 'badDuration',
    edits: [['  checkInEvery: 60s', `  checkInEvery: ${HERE}1 minute`]],
    params: { value: '1 minute', path: 'hold.checkInEvery' },
    fr: ['« 1 minute »'],
    en: ['"1 minute"'],
  },
  {
    name: 'a misspelt function in a line condition',
    code: 'condition.unknownFunctionSuggest',
    edits: [['    if: running(any)\n', `    if: ${HERE}runing(any)\n`]],
    params: { fn: 'runing', suggestion: 'running' },
    fr: ['« runing »', '« running »'],
    en: ['"runing"', '"running"'],
  },
  {
    name: 'an unknown persona profile key',
    code: 'unknownKeySuggest',
    edits: [
      [
        '    unexplainedWait: { after: 15s, anger: 1 }\n    tones:\n      empathetic: { anger: -1 }\n      reassuring: { anger: -1 }\n',
        `    unexplainedWait: { after: 15s, anger: 1 }\n    tones:\n      empathetic: { ${HERE}angr: -1 }\n      reassuring: { anger: -1 }\n`,
      ],
    ],
    params: { key: 'angr', suggestion: 'anger' },
    fr: ['« angr »'],
    en: ['"angr"'],
  },
  {
    name: 'a YAML colon trap in a label',
    code: 'yamlColon',
    edits: [['    label: Identifier le client', `    label: Identifier ${HERE}: le client`]],
    fr: ['guillemets'],
    en: ['quotes'],
  },
];

describe('the playbook', () => {
  it('the repository playbook loads clean', () => {
    expect(loadPlaybook(PLAYBOOK_FILE, PLAYBOOK_TEXT).diags).toEqual([]);
  });

  it.each(PLAYBOOK_CASES.map((c): [string, PlaybookCase] => [c.name, c]))('%s', (_, c) => {
    const { text, line, col } = marked(applyEdits(PLAYBOOK_TEXT, c.edits));
    const r = loadPlaybook(PLAYBOOK_FILE, text);
    expect(
      r.diags.map((d) => d.code),
      show(r.diags),
    ).toEqual([c.code]);
    const d = r.diags[0]!;
    expect(d).toMatchObject({ file: PLAYBOOK_FILE, line, col, severity: 'error', code: c.code });
    if (c.params) expect(d.params).toMatchObject(c.params);
    expectMessages(d, c.fr, c.en);
    expect(r.playbook).toBeNull();
  });
});

describe('the fallback for other schema problems', () => {
  it('an issue with no dedicated sentence becomes "invalid", placed at the value', () => {
    const text = 'count: 7\n';
    const parsed = parseSource('x.yaml', text);
    const { value, diags } = validate(
      z.object({ count: z.number().multipleOf(5) }).strict(),
      parsed.source,
      parsed.data,
    );
    expect(value).toBeNull();
    expect(diags.map((d) => d.code)).toEqual(['invalid']);
    expect(diags[0]).toMatchObject({ file: 'x.yaml', line: 1, col: 8, severity: 'error', params: { path: 'count' } });
    expectMessages(diags[0]!, ['« count »', 'pas valide'], ['"count"', 'not valid']);
  });
});

/** Diagnostic codes: every sentence but the CLI's own words. */
// `strategies.*` are the strategies' descriptions, put into the naivePasses warning; `pack.*` the
// pack reader's refusals (packs.test.ts, packs-cli.test.ts) and `gather.*` the game's content
// gathering (gather.test.ts), each exercised in its own file.
const NOT_DIAGNOSTICS =
  /^(severity\.|graph\.|analyze\.|i18n\.|golden\.|types\.|strategies\.|pack\.|gather\.|summary$|clean$)/;

describe('checker sentences (locales/*/checker.json)', () => {
  const fr = leaves(FR_TABLE);
  const en = leaves(EN_TABLE);

  it('French and English have the same keys, at every level', () => {
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    const shape = (t: unknown): unknown =>
      typeof t === 'string' ? 'text' : Object.fromEntries(Object.entries(t as object).map(([k, v]) => [k, shape(v)]));
    expect(shape(FR_TABLE)).toEqual(shape(EN_TABLE));
  });

  it.each([...fr.keys()].map((k) => [k]))('%s uses the same {{placeholders}} in both languages', (key) => {
    const frText = fr.get(key)!;
    const enText = en.get(key);
    expect(enText).toBeTypeOf('string');
    expect(frText.trim()).not.toBe('');
    for (const p of placeholders(frText)) expect(enText, `{{${p}}} of ${key}`).toContain(`{{${p}}}`);
    expect(placeholders(enText!)).toEqual(placeholders(frText));
  });

  it('every diagnostic code is exercised by a case in this file', () => {
    const covered = new Set([
      ...[
        YAML_CASES,
        SCHEMA_CASES,
        REFERENCE_CASES,
        CONDITION_CASES,
        CONDITION_PLACES,
        WARNING_CASES,
        TRANSLATION_CASES,
        PLAYBOOK_CASES,
      ]
        .flat()
        .map((c) => c.code),
      'translationFileMissing',
      'unreadable',
      'invalid',
      // Said by scenarios:check after playing the strategies: tested through the CLI in strategies.test.ts.
      'naivePasses',
      // Ids, step cycles, score bounds, limits and markup in texts: tested in checker-semantic.test.ts.
      ...['reservedId', 'stepAfterItself', 'stepCycle', 'weightsZero', 'durationTooLong', 'durationZero'],
      ...['tooManyNodes', 'tooManyLines', 'unsafeText', 'condition.tooLong', 'condition.tooDeep'],
      // Hostile files (encodings, limits, aliases, broken JSON): tested in checker-hostile.test.ts.
      ...['fileTooLarge', 'invalidUtf8', 'controlChar', 'nestingTooDeep', 'yamlAlias', 'notFinite'],
      ...['moreDiagnostics', 'playbookBroken', 'internalError', 'translationJsonEnd', 'translationJsonEol'],
      ...['translationNotObject', 'tooManyTokens'],
    ]);
    const codes = [...fr.keys()].filter((k) => !NOT_DIAGNOSTICS.test(k));
    expect(codes.filter((k) => !covered.has(k))).toEqual([]);
    expect([...covered].filter((k) => !fr.has(k))).toEqual([]);
  });
});
