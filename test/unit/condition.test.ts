import { describe, expect, it, vi } from 'vitest';
import {
  compileCondition,
  parseDuration,
  suggest,
  type ConditionEnv,
  type ConditionError,
  type Symbols,
} from '../../src/engine/condition.ts';

const symbols: Symbols = {
  vars: new Set(['anger', 'patience', 'calls', 'colère']),
  facts: new Set(['line_fault', 'address', 'modem-reset']),
  steps: new Set(['verify', 'reboot', '2nd_check']),
  choices: new Set(['greet']),
  nodes: new Set(['intro']),
  diagnoses: new Set(['dsl_down', 'no_power']),
  tools: new Set(['crm', 'modem']),
  causes: new Set(['outage', 'unplugged']),
};

type World = {
  vars: Record<string, number>;
  elapsed: number;
  onHold: boolean;
  facts: string[];
  steps: string[];
  said: string[];
  visited: string[];
  diagnosed: string[];
  running: string[];
  crashed: string[];
  frozen: string[];
  cause: string;
};

const world: World = {
  vars: { anger: 8, patience: 3, calls: 0, colère: 4 },
  elapsed: 200_000,
  onHold: false,
  facts: ['address', 'modem-reset'],
  steps: ['verify', '2nd_check'],
  said: ['greet'],
  visited: ['intro'],
  diagnosed: ['dsl_down'],
  running: ['modem'],
  crashed: ['crm'],
  frozen: [],
  cause: 'outage',
};

function envOf(w: World): ConditionEnv {
  const tool = (list: string[]) => (t: string) => (t === 'any' ? list.length > 0 : list.includes(t));
  return {
    variable: (n) => w.vars[n] ?? Number.NaN,
    elapsed: () => w.elapsed,
    onHold: () => w.onHold,
    knows: (f) => w.facts.includes(f),
    done: (s) => w.steps.includes(s),
    said: (c) => w.said.includes(c),
    visited: (n) => w.visited.includes(n),
    diagnosed: (d) => w.diagnosed.includes(d),
    running: tool(w.running),
    crashed: tool(w.crashed),
    frozen: tool(w.frozen),
    cause: (id) => w.cause === id,
  };
}

function run(source: string, w: World = world): boolean {
  const r = compileCondition(source, symbols);
  if (!r.ok) throw new Error(`${source}: ${JSON.stringify(r.errors)}`);
  return r.value.evaluate(envOf(w));
}

function errorsOf(source: string): ConditionError[] {
  const r = compileCondition(source, symbols);
  if (r.ok) throw new Error(`${source} compiled but should not`);
  return r.errors;
}

describe('compileCondition values', () => {
  it.each([
    ['anger >= 7 and not knows(line_fault)', true],
    ['anger >= 7 and knows(address)', true],
    ['anger > 8', false],
    ['anger >= 8', true],
    ['anger < 8', false],
    ['anger <= 8', true],
    ['anger == 8', true],
    ['anger = 8', true],
    ['anger != 8', false],
    ['anger == patience', false],
    ['done(verify) ou crashed(crm)', true],
    ['done(reboot) ou crashed(modem)', false],
    ['said(greet) and visited(intro)', true],
    ['diagnosed(dsl_down)', true],
    ['diagnosed(no_power)', false],
    ['cause(outage)', true],
    ['cause(unplugged) or not cause(outage)', false],
    ['knows(modem-reset)', true],
    ['done(2nd_check)', true],
    ['done( verify )', true],
    ['colère == 4', true],
    // Arithmetic, including left associativity and negative literals.
    ['anger - patience == 5', true],
    ['anger + 2 > 9', true],
    ['anger - -2 == 10', true],
    ['-2 < 0', true],
    ['1 - 2 - 3 == -4', true],
    ['calls + 1 - 1 = 0', true],
    ['anger>=7', true],
    // Booleans and their comparisons.
    ['true', true],
    ['false', false],
    ['onHold', false],
    ['not onHold', true],
    ['onHold == faux', true],
    ['knows(address) == true', true],
    ['knows(address) != knows(line_fault)', true],
    // Negation spellings and nesting.
    ['!knows(line_fault)', true],
    ['non knows(address)', false],
    ['not not true', true],
    ['! ! false', false],
    ['not anger > 7', false],
    ['not (knows(address) and done(reboot))', true],
    ['(true or false) and false', false],
    ['((((true))))', true],
    // French and symbolic connectives.
    ['vrai et faux', false],
    ['faux ou vrai', true],
    ['non faux', true],
    ['true && false || true', true],
    ['false || false', false],
    // Durations against elapsed (200 s).
    ['elapsed > 3m', true],
    ['elapsed > 3m30s', false],
    ['elapsed >= 200s', true],
    ['elapsed == 200000', true],
    ['elapsed < 2h', true],
    ['elapsed > 500ms', true],
    ['elapsed - 20s == 3m', true],
    ['elapsed > 1m30s + 1m30s', true],
    // Tools, with `any`.
    ['running(any)', true],
    ['frozen(any)', false],
    ['crashed(any)', true],
    ['running(crm)', false],
    ['running(modem) and not frozen(modem)', true],
  ])('%s -> %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each([
    // `not a and b or c` is ((not a) and b) or c; each row rules out one wrong grouping.
    ['not knows(line_fault) and done(reboot) or said(greet)', true], // not whole: false
    ['not knows(address) and done(verify) or said(greet)', true], // (not a) and (b or c): false
    ['not knows(address) and done(verify) or done(reboot)', false],
    ['true or true and false', true], // left to right: false
    ['false and false or true', true], // right to left: false
    ['true or false and false', true],
    ['not false and false', false], // not (false and false): true
  ])('precedence: %s -> %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('reads the env at each evaluation, not at compile time', () => {
    const r = compileCondition('anger > 5 and elapsed < 1m', symbols);
    if (!r.ok) throw new Error('should compile');
    expect(r.value.source).toBe('anger > 5 and elapsed < 1m');
    expect(r.value.evaluate(envOf(world))).toBe(false);
    expect(r.value.evaluate(envOf({ ...world, elapsed: 59_999 }))).toBe(true);
    expect(r.value.evaluate(envOf({ ...world, elapsed: 59_999, vars: { anger: 5 } }))).toBe(false);
  });

  it('short-circuits and/or', () => {
    const env = envOf(world);
    const variable = vi.spyOn(env, 'variable');
    const knows = vi.spyOn(env, 'knows');
    expect(run2('true or anger > 0', env)).toBe(true);
    expect(run2('false and knows(address)', env)).toBe(false);
    expect(variable).not.toHaveBeenCalled();
    expect(knows).not.toHaveBeenCalled();
    expect(run2('false or knows(address)', env)).toBe(true);
    expect(knows).toHaveBeenCalledWith('address');
  });

  it('passes `any` through to the tool functions', () => {
    const env = envOf(world);
    const frozen = vi.spyOn(env, 'frozen');
    run2('frozen(any)', env);
    expect(frozen).toHaveBeenCalledWith('any');
  });
});

function run2(source: string, env: ConditionEnv): boolean {
  const r = compileCondition(source, symbols);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value.evaluate(env);
}

describe('compileCondition reads', () => {
  it('lists every name read, once, in order of appearance', () => {
    const r = compileCondition(
      'anger > patience and knows(address) or running(any) or done(verify) and said(greet) or visited(intro) ' +
        'or diagnosed(dsl_down) or crashed(crm) or anger < 3 or elapsed > 1s or onHold or knows(address) ' +
        'or cause(outage)',
      symbols,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value.reads).toEqual({
      vars: ['anger', 'patience'],
      facts: ['address'],
      steps: ['verify'],
      tools: ['any', 'crm'],
      choices: ['greet'],
      nodes: ['intro'],
      diagnoses: ['dsl_down'],
      causes: ['outage'],
    });
  });

  it('is empty for constants and built-ins', () => {
    const r = compileCondition('elapsed > 5s and not onHold or true', symbols);
    if (!r.ok) throw new Error('should compile');
    expect(r.value.reads).toEqual({
      vars: [],
      facts: [],
      steps: [],
      tools: [],
      choices: [],
      nodes: [],
      diagnoses: [],
      causes: [],
    });
  });
});

type Expected = [offset: number, length: number, code: ConditionError['code'], params: Record<string, string>];

describe('compileCondition errors', () => {
  it.each<[string, Expected]>([
    ['angr > 5', [0, 4, 'unknownName', { name: 'angr', kind: 'variable', suggestion: 'anger' }]],
    ['zzz > 5', [0, 3, 'unknownName', { name: 'zzz', kind: 'variable' }]],
    ['elapsd > 5', [0, 6, 'unknownName', { name: 'elapsd', kind: 'variable', suggestion: 'elapsed' }]],
    ['Anger > 5', [0, 5, 'unknownName', { name: 'Anger', kind: 'variable', suggestion: 'anger' }]],
    ['know(address)', [0, 4, 'unknownFunction', { fn: 'know', suggestion: 'knows' }]],
    ['anger(x) and true', [0, 5, 'unknownFunction', { fn: 'anger' }]],
    ['knows(adress)', [6, 6, 'unknownArgument', { fn: 'knows', arg: 'adress', kind: 'fact', suggestion: 'address' }]],
    ['knows(zzz)', [6, 3, 'unknownArgument', { fn: 'knows', arg: 'zzz', kind: 'fact' }]],
    ['running(crn)', [8, 3, 'unknownArgument', { fn: 'running', arg: 'crn', kind: 'tool', suggestion: 'crm' }]],
    ['done(any)', [5, 3, 'unknownArgument', { fn: 'done', arg: 'any', kind: 'step' }]],
    ['said(gret)', [5, 4, 'unknownArgument', { fn: 'said', arg: 'gret', kind: 'choice', suggestion: 'greet' }]],
    ['visited(lobby)', [8, 5, 'unknownArgument', { fn: 'visited', arg: 'lobby', kind: 'node' }]],
    ['visited(outro)', [8, 5, 'unknownArgument', { fn: 'visited', arg: 'outro', kind: 'node', suggestion: 'intro' }]],
    [
      'diagnosed(dsl-down)',
      [10, 8, 'unknownArgument', { fn: 'diagnosed', arg: 'dsl-down', kind: 'diagnosis', suggestion: 'dsl_down' }],
    ],
    ['anger and true', [0, 5, 'typeMismatch', { expected: 'boolean', found: 'number' }]],
    ['true or 3', [8, 1, 'typeMismatch', { expected: 'boolean', found: 'number' }]],
    ['knows(address) < 3', [0, 14, 'typeMismatch', { expected: 'number', found: 'boolean' }]],
    ['anger == true', [9, 4, 'typeMismatch', { expected: 'number', found: 'boolean' }]],
    ['(1 < 2) + 1 > 0', [0, 7, 'typeMismatch', { expected: 'number', found: 'boolean' }]],
    ['onHold + 1 > 0', [0, 6, 'typeMismatch', { expected: 'number', found: 'boolean' }]],
    ['not anger', [4, 5, 'typeMismatch', { expected: 'boolean', found: 'number' }]],
    ['anger + 2', [0, 9, 'notBoolean', { found: 'number' }]],
    ['  (anger)  ', [2, 7, 'notBoolean', { found: 'number' }]],
    ['3m', [0, 2, 'notBoolean', { found: 'number' }]],
    ['anger >= 7 and )', [15, 1, 'syntax', { token: ')' }]],
    ['anger > 7 7', [10, 1, 'syntax', { token: '7' }]],
    ['anger @ 3', [6, 1, 'syntax', { token: '@' }]],
    ['anger < 3 < 4', [10, 1, 'syntax', { token: '<' }]],
    ['knows address', [6, 7, 'syntax', { token: 'address' }]],
    ['knows()', [6, 1, 'syntax', { token: ')' }]],
    ['knows(a b)', [8, 1, 'syntax', { token: 'b' }]],
    ['and', [0, 3, 'syntax', { token: 'and' }]],
    ['true & false', [5, 1, 'syntax', { token: '&' }]],
    ['anger == not true', [9, 3, 'syntax', { token: 'not' }]],
    ['- anger < 0', [2, 5, 'syntax', { token: 'anger' }]],
    ['true)', [4, 1, 'syntax', { token: ')' }]],
    ['anger >=', [8, 0, 'unexpectedEnd', {}]],
    ['', [0, 0, 'unexpectedEnd', {}]],
    ['   ', [3, 0, 'unexpectedEnd', {}]],
    ['(true', [5, 0, 'unexpectedEnd', {}]],
    ['knows(', [6, 0, 'unexpectedEnd', {}]],
    ['true and', [8, 0, 'unexpectedEnd', {}]],
    ['elapsed > 3min', [10, 4, 'badDuration', { text: '3min' }]],
    ['elapsed > 3m30', [10, 4, 'badDuration', { text: '3m30' }]],
    ['elapsed > -30s1m', [11, 5, 'badDuration', { text: '30s1m' }]],
  ])('%s', (source, [offset, length, code, params]) => {
    expect(errorsOf(source)).toEqual([{ offset, length, code, params }]);
  });

  it('reports every semantic error, in source order, without cascading', () => {
    expect(errorsOf('angr > 5 and know(x) or knows(adress) and zzz').map((e) => [e.code, e.offset])).toEqual([
      ['unknownName', 0],
      ['unknownFunction', 13],
      ['unknownArgument', 30],
      ['unknownName', 42],
    ]);
  });

  it('orders errors by offset even when an operand is checked after its sibling is parsed', () => {
    expect(errorsOf('anger and angr > 1').map((e) => [e.code, e.offset])).toEqual([
      ['typeMismatch', 0],
      ['unknownName', 10],
    ]);
  });

  it('keeps earlier semantic errors when a syntax error stops parsing', () => {
    expect(errorsOf('angr > 5 and (').map((e) => e.code)).toEqual(['unknownName', 'unexpectedEnd']);
  });

  it('never throws, even on absurd nesting', () => {
    const deep = `${'('.repeat(5000)}true${')'.repeat(5000)}`;
    expect(compileCondition(deep, symbols).ok).toBe(false);
    expect(compileCondition('not '.repeat(5000) + 'true', symbols).ok).toBe(false);
    expect(compileCondition('('.repeat(50) + 'true' + ')'.repeat(50), symbols).ok).toBe(true);
  });
});

describe('parseDuration', () => {
  it.each<[string, number | undefined]>([
    ['90s', 90_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['2h', 7_200_000],
    ['6m', 360_000],
    ['1h30m', 5_400_000],
    ['2m500ms', 120_500],
    ['0s', 0],
    ['', undefined],
    ['90', undefined],
    ['s', undefined],
    ['1.5s', undefined],
    ['3min', undefined],
    ['30s1m', undefined],
    ['1m1m', undefined],
    ['5 s', undefined],
    ['-5s', undefined],
    ['5S', undefined],
  ])('%j -> %s', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });
});

describe('suggest', () => {
  it.each<[string, string[], string | undefined]>([
    ['angr', ['patience', 'anger'], 'anger'],
    ['knws', ['done', 'knows'], 'knows'],
    ['ANGER', ['patience', 'anger'], 'anger'],
    ['band', ['bandit', 'bond'], 'bond'],
    ['abcdef', ['abcxyz'], undefined],
    ['xyzzy', ['anger'], undefined],
    ['x', ['y'], undefined],
    ['anger', [], undefined],
  ])('%s in %j -> %s', (name, candidates, expected) => {
    expect(suggest(name, candidates)).toBe(expected);
  });

  it('accepts any iterable', () => {
    expect(suggest('crn', new Set(['crm', 'modem']))).toBe('crm');
  });
});
