// What the checker refuses beyond the format (issue 11): ids JavaScript objects already carry,
// steps that must come after themselves, scores that could leave 0..100, conditions and files too
// big to check or run, and texts i18next would read as markup. Each case once passed unseen.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { loadPlaybook, loadScenario } from '../../src/content/load.ts';
import { MAX_LINES, MAX_NODES } from '../../src/content/limits.ts';
import type { Diagnostic } from '../../src/content/source.ts';
import {
  compileCondition,
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_LENGTH,
  type ConditionEnv,
} from '../../src/engine/condition.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { editDistance, suggest } from '../../src/engine/suggest.ts';
import { emptySymbols } from '../../src/content/symbols.ts';
import { bigCall } from '../support/big-call.ts';
import { fixture, mini, playbook } from '../support/load.ts';
import { marked, PLAYBOOK_FILE, PLAYBOOK_TEXT } from './checker-fixtures.ts';

const MINI = fixture('mini-call.yaml');

/** The diagnostics of mini-call edited by `patch` (no translation file: that one is left out). */
function diagsOf(patch: (y: string) => string, id = 'mini-call', en?: string): Diagnostic[] {
  const translations = en === undefined ? {} : { en: { file: `locales/en/${id}.json`, text: en } };
  const r = loadScenario({ file: `${id}.yaml`, text: patch(MINI), translations }, playbook());
  return r.diags.filter((d) => d.code !== 'translationFileMissing');
}

/** 1-based line and column of the first `needle` in `text`. */
function at(text: string, needle: string): { line: number; col: number } {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`not found: ${needle}`);
  const before = text.slice(0, i).split('\n');
  return { line: before.length, col: before[before.length - 1]!.length + 1 };
}

const codes = (ds: readonly Diagnostic[]): string[] => ds.map((d) => d.code);
const playbookDiags = (patch: (y: string) => string): Diagnostic[] =>
  loadPlaybook(PLAYBOOK_FILE, patch(PLAYBOOK_TEXT)).diags;

describe('ids: the names objects already carry are refused, at their place', () => {
  it.each([
    ['a fact named __proto__ (was dropped without a word)', '  line_fault: Défaut sur la ligne', '__proto__'],
    ['a fact named constructor', '  line_fault: Défaut sur la ligne', 'constructor'],
  ])('%s', (_, anchor, name) => {
    const patch = (y: string): string => y.replace(anchor, `${anchor}\n  ${name}: Un fait`);
    const ds = diagsOf(patch);
    expect(codes(ds)).toEqual(['reservedId']);
    expect(ds[0]).toMatchObject({ ...at(patch(MINI), `${name}:`), params: { value: name } });
  });

  it.each(['__proto__', 'prototype', 'constructor'])('a node or a variable named %s', (name) => {
    const node = (y: string): string =>
      y.replace('  gone:\n', `  ${name}:\n    customer: Hm.\n    end: lost\n  gone:\n`);
    expect(codes(diagsOf(node))).toEqual(['reservedId']);
    const vars = (y: string): string => y.replace('  name: M. Test', `  name: M. Test\n  vars: { ${name}: 1 }`);
    expect(codes(diagsOf(vars))).toEqual(['reservedId']);
  });

  it('a goto to a reserved name says why, not "unknown node"', () => {
    expect(codes(diagsOf((y) => y.replace('then: { goto: lights }', 'then: { goto: constructor }')))).toEqual([
      'reservedId',
    ]);
  });
});

describe('a step that must come after itself', () => {
  const step = (id: string, after: string): string =>
    `  - { id: ${id}, phase: middle, weight: 1, label: Étape ${id}, after: [${after}] }\n`;
  const withSteps = (steps: string) => (y: string) => y.replace('onHangUp: gone', `steps:\n${steps}onHangUp: gone`);

  it('after: its own id, in a call, at the entry', () => {
    const patch = withSteps(step('extra', 'greet, extra'));
    const ds = diagsOf(patch);
    expect(codes(ds)).toContain('stepAfterItself');
    const d = ds.find((x) => x.code === 'stepAfterItself')!;
    expect(d).toMatchObject({ ...at(patch(MINI), 'extra] }'), params: { id: 'extra' } });
  });

  it('a cycle in a call: reported once, where it closes', () => {
    const ds = diagsOf(withSteps(step('one', 'two') + step('two', 'three') + step('three', 'one')));
    const cycles = ds.filter((d) => d.code === 'stepCycle');
    expect(cycles).toHaveLength(1);
    expect(cycles[0]!.params.cycle).toBe('one → two → three → one');
  });

  it('in the playbook too', () => {
    expect(codes(playbookDiags((y) => y.replace('    after: [identify]', '    after: [identify, verify]')))).toEqual([
      'stepAfterItself',
    ]);
    const cycle = playbookDiags((y) =>
      y.replace(
        '  - id: identify\n    phase: opening\n',
        '  - id: identify\n    phase: opening\n    after: [verify]\n',
      ),
    );
    expect(codes(cycle)).toEqual(['stepCycle']);
  });
});

describe('content whose score could leave 0..100 is refused', () => {
  it.each([
    [
      'all weights 0',
      /weights: \{[^}]*\}/,
      'weights: { process: 0, diagnosis: 0, calmness: 0, resolution: 0 }',
      'weightsZero',
    ],
    ['weights summing to 0', /weights: \{[^}]*\}/, 'weights: { process: 50, diagnosis: -50, calmness: 0 }', 'tooSmall'],
    ['a negative calmness weight', '  rageClicks: 5', '  rageClicks: -40', 'tooSmall'],
    [
      'a persona reaction past the scale',
      'rude: { anger: 3, patience: -2 }',
      'rude: { anger: 300, patience: -2 }',
      'tooBig',
    ],
    ['a duration of 10^20 hours', 'checkInEvery: 60s', 'checkInEvery: 100000000000000000000h', 'durationTooLong'],
  ])('playbook: %s', (_, from, to, code) => {
    expect(codes(playbookDiags((y) => y.replace(from, to)))).toEqual([code]);
  });

  it.each([
    ['par 0', 'par: { diagnosis: 4m }', 'par: { diagnosis: ‸0 }', 'durationZero'],
    ['maxDuration 0', 'start: open', 'maxDuration: ‸0\nstart: open', 'durationZero'],
    ['a maxDuration of 1e308 seconds', 'start: open', 'maxDuration: ‸1e308\nstart: open', 'durationTooLong'],
    ['a latency of 10^20 hours', 'latency: 2m', 'latency: ‸100000000000000000000h', 'durationTooLong'],
    [
      'a freeze range past 4h',
      'latency: 2m',
      'latency: 2m\n    freeze: { onUse: 1, for: ‸"1s..5h" }',
      'durationTooLong',
    ],
  ])('call: %s, at the value', (_, from, to, code) => {
    const { text, line, col } = marked(MINI.replace(from, to));
    const ds = diagsOf(() => text);
    expect(codes(ds)).toEqual([code]);
    expect(ds[0]).toMatchObject({ line, col });
  });

  it('4h is still a duration', () => {
    expect(codes(diagsOf((y) => y.replace('start: open', 'maxDuration: 4h\nstart: open')))).toEqual([]);
  });
});

describe('the engine scores within 0..100 whatever gets through', () => {
  const sc = mini();
  const log = analyze(sc, { randomPlays: 0 }).bestLog.map((e) => ({ at: e.at, action: e.action }));
  const state = replayToEnd(sc, 1, log, 'exam').state;
  const withScoring = (patch: Partial<ScenarioModel['scoring']>, more: Partial<ScenarioModel> = {}): ScenarioModel => ({
    ...sc,
    ...more,
    scoring: { ...sc.scoring, ...patch },
  });
  const zero = { process: 0, diagnosis: 0, calmness: 0, resolution: 0 };

  it.each([
    ['all weights 0 (0/0: total 0)', withScoring({ weights: zero })],
    ['weights summing to 0', withScoring({ weights: { ...zero, process: 50, diagnosis: -50 } })],
    ['a negative calmness weight', withScoring({ calm: { ...sc.scoring.calm, anger: -40 } })],
    ['par 0', withScoring({}, { parDiagnosis: 0 })],
    ['huge weights', withScoring({ weights: { ...zero, process: 1e308, calmness: 1e308 } })],
  ])('%s', (_, model) => {
    const c = scoreCall(model, state);
    for (const v of [c.total, c.process, c.calmness, c.diagnosis.score, c.resolution]) {
      expect(Number.isFinite(v), String(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
  });

  it('the real playbook scores as before (the guards change no valid score)', () => {
    const c = scoreCall(sc, state);
    expect(c.total).toBe(Math.round(c.total));
    expect(c.won).toBe(true);
  });
});

describe('conditions: stated limits, and flat chains without deep recursion', () => {
  const sym = { ...emptySymbols(), facts: new Set(['a', 'b']), vars: new Set(['anger']) };
  const env: ConditionEnv = {
    variable: () => 1,
    elapsed: () => 0,
    onHold: () => false,
    knows: (f) => f === 'a',
    done: () => false,
    said: () => false,
    visited: () => false,
    diagnosed: () => false,
    running: () => false,
    crashed: () => false,
    frozen: () => false,
    cause: () => false,
  };

  it('10,000 and-terms are refused (they passed, then overflowed the stack at analysis)', () => {
    const long = Array.from({ length: 10_000 }, () => 'knows(line_fault)').join(' and ');
    const patch = (y: string): string => y.replace('evidence: knows(line_fault)', `evidence: ${long}`);
    const ds = diagsOf(patch);
    expect(codes(ds)).toEqual(['condition.tooLong']);
    expect(ds[0]).toMatchObject({ ...at(patch(MINI), long), params: { max: String(MAX_CONDITION_LENGTH) } });
  });

  it('the longest flat chains compile and run: and, or, +', () => {
    const and = Array.from({ length: 150 }, () => 'knows(a)').join(' and ');
    const or = Array.from({ length: 150 }, () => 'knows(b)').join(' or ') + ' or knows(a)';
    const plus = Array.from({ length: 990 }, () => '1').join('+') + ' == 990';
    const minus = '10 - 1 - 2 + 3 == 10';
    for (const src of [and, or, plus, minus]) {
      expect(src.length).toBeLessThanOrEqual(MAX_CONDITION_LENGTH);
      const r = compileCondition(src, sym);
      expect(r.ok, src.slice(0, 40)).toBe(true);
      if (r.ok) expect(r.value.evaluate(env)).toBe(true);
    }
    const mixed = compileCondition('knows(b) or knows(a) and not knows(b)', sym);
    expect(mixed.ok && mixed.value.evaluate(env)).toBe(true);
  });

  it(`nesting deeper than ${MAX_CONDITION_DEPTH} is refused at the parenthesis that goes too deep`, () => {
    const nest = (n: number): string => '('.repeat(n) + 'knows(a)' + ')'.repeat(n);
    const ok = compileCondition(nest(MAX_CONDITION_DEPTH), sym);
    expect(ok.ok && ok.value.evaluate(env)).toBe(true);
    const deep = compileCondition(nest(MAX_CONDITION_DEPTH + 1), sym);
    expect(deep.ok ? [] : deep.errors).toEqual([
      { offset: MAX_CONDITION_DEPTH, length: 1, code: 'tooDeep', params: { max: String(MAX_CONDITION_DEPTH) } },
    ]);
    const nots = compileCondition('not '.repeat(MAX_CONDITION_DEPTH + 1) + 'knows(a)', sym);
    expect(nots.ok ? [] : nots.errors.map((e) => e.code)).toEqual(['tooDeep']);
  });
});

describe('texts i18next would read as markup', () => {
  it('a customer line with $t(…), at the markup', () => {
    const patch = (y: string): string =>
      y.replace("customer: Oui, c'est ça.", "customer: Oui, c'est $t(ui:app.title).");
    const ds = diagsOf(patch);
    expect(codes(ds)).toEqual(['unsafeText']);
    expect(ds[0]).toMatchObject({ ...at(patch(MINI), '$t('), params: { token: '$t(', key: 'nodes.lights.customer' } });
  });

  it('interpolation braces in a line: no content text takes parameters', () => {
    const patch = (y: string): string => y.replace('text: Ouais ?', 'text: Ouais {{name}} ?');
    expect(diagsOf(patch).map((d) => [d.code, d.params.token])).toEqual([['unsafeText', '{{']]);
  });

  it('in a translation file, at the key', () => {
    const en = JSON.stringify({ title: 'Test', nodes: { lights: { customer: 'Yes, $t(ui:app.title)' } } }, null, 2);
    const ds = diagsOf((y) => y, 'mini-call', en).filter((d) => d.code === 'unsafeText');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ file: 'locales/en/mini-call.json', ...at(en, '"customer"') });
    expect(ds[0]!.params).toMatchObject({ key: 'nodes.lights.customer', token: '$t(' });
  });

  it('in the playbook', () => {
    const ds = playbookDiags((y) => y.replace('label: Identifier le client', 'label: Identifier {{client}}'));
    expect(codes(ds)).toEqual(['unsafeText']);
  });

  it('plain braces and dollars stay allowed', () => {
    const patch = (y: string): string => y.replace('text: Ouais ?', 'text: "Ouais {x} $5 (t) ?"');
    expect(codes(diagsOf(patch))).toEqual([]);
  });
});

describe('big files: limits, and suggestions that stay linear', () => {
  const load = (text: string, id: string): Diagnostic[] =>
    loadScenario({ file: `${id}.yaml`, text, translations: {} }, playbook()).diags.filter(
      (d) => d.code !== 'translationFileMissing',
    );

  it(`more than ${MAX_NODES} nodes is refused at nodes:`, () => {
    const ds = load(bigCall('huge', { nodes: MAX_NODES + 1 }), 'huge');
    expect(codes(ds)).toEqual(['tooManyNodes']);
    expect(ds[0]!.params).toEqual({ count: String(MAX_NODES + 1), max: String(MAX_NODES) });
  });

  it(`more than ${MAX_LINES} lines is refused before reading`, () => {
    const ds = load(MINI + '#\n'.repeat(MAX_LINES), 'mini-call');
    expect(ds.map((d) => [d.code, d.line])).toEqual([['tooManyLines', MAX_LINES + 1]]);
  });

  it(`${MAX_NODES} nodes with every goto broken: each one said, with its suggestion`, () => {
    const ds = load(bigCall('broken', { nodes: MAX_NODES, brokenGotos: true }), 'broken');
    const gotos = ds.filter((d) => d.code.startsWith('gotoMissing'));
    expect(gotos).toHaveLength(MAX_NODES - 1);
    expect(gotos[5]!.params).toMatchObject({ name: 'x5', suggestion: 'n5' });
  });

  it('the suggestion index finds what a scan finds', () => {
    const names = Array.from({ length: 300 }, (_, i) => `node_${(i * 7919) % 1000}`).concat(['Alpha', 'beta_gamma']);
    const scan = (name: string): string | undefined => {
      let best: string | undefined;
      let bestDist = 3;
      for (const c of names) {
        if (c.toLowerCase() === name.toLowerCase()) return c;
        const d = editDistance(name, c, bestDist);
        if (d < bestDist && d < name.length) [best, bestDist] = [c, d];
      }
      return best;
    };
    for (const q of ['node_12', 'nod_12', 'node_1234', 'xode_99', 'alpha', 'ALPHA', 'beta_gama', 'zzz', 'n', 'node__7'])
      expect(suggest(q, names), q).toBe(scan(q));
  });
});

describe('labels and lines have a length the screens can show', () => {
  it('refuses a title, a diagnosis label or a customer name too long to show on one line, at its place', () => {
    const long = 'x'.repeat(3_000);
    const diags = diagsOf((y) =>
      y
        .replace('title: "Appel test : box muette"', `title: ${long}`)
        .replace('name: M. Test', `name: ${'M'.repeat(61)}`)
        .replace('label: Box en panne', `label: ${'B'.repeat(121)}`),
    );
    const tooBig = diags.filter((d) => d.code === 'tooBig').map((d) => [d.line, d.params.limit]);
    expect(tooBig).toEqual([
      [3, '120'],
      [8, '60'],
      [at(MINI, 'box_fault:').line, '120'],
    ]);
  });

  it('refuses a line longer than 2,000 characters and keeps one of 1,500', () => {
    const line = (n: number): Diagnostic[] =>
      diagsOf((y) => y.replace('text: Quels voyants sont allumés sur la box ?', `text: ${'v'.repeat(n)}`));
    expect(line(2_001).filter((d) => d.code === 'tooBig')).toHaveLength(1);
    expect(line(1_500).filter((d) => d.severity === 'error')).toEqual([]);
  });
});
