// The condition language trainers write in scenario YAML (`anger >= 7 and not knows(line_fault)`).
// Sources are parsed and type-checked once, then run as plain closures: the engine evaluates them
// far too often to afford re-parsing, and scenario content is never handed to JavaScript itself.
import { suggest } from './suggest.ts';

export { suggest } from './suggest.ts';

export type Symbols = {
  vars: ReadonlySet<string>;
  facts: ReadonlySet<string>;
  steps: ReadonlySet<string>;
  choices: ReadonlySet<string>;
  nodes: ReadonlySet<string>;
  diagnoses: ReadonlySet<string>;
  tools: ReadonlySet<string>;
  /** The causes of a symptom family (empty for a call with one cause). */
  causes: ReadonlySet<string>;
};

/** What evaluation reads; indices are resolved at compile time through the lookup maps below. */
export interface ConditionEnv {
  variable(name: string): number;
  elapsed(): number;
  onHold(): boolean;
  knows(fact: string): boolean;
  done(step: string): boolean;
  said(choice: string): boolean;
  visited(node: string): boolean;
  diagnosed(d: string): boolean;
  running(tool: string): boolean;
  crashed(tool: string): boolean;
  frozen(tool: string): boolean;
  /** The cause the seed drew for this call is `id`. */
  cause(id: string): boolean;
}

export type ConditionErrorCode =
  | 'syntax'
  | 'unexpectedEnd'
  | 'unknownName'
  | 'unknownFunction'
  | 'unknownArgument'
  | 'typeMismatch'
  | 'notBoolean'
  | 'badDuration'
  | 'tooLong'
  | 'tooDeep';
export type ConditionError = {
  offset: number;
  length: number;
  code: ConditionErrorCode;
  params: Record<string, string>;
};
export type ConditionReads = {
  vars: string[];
  facts: string[];
  steps: string[];
  tools: string[];
  choices: string[];
  nodes: string[];
  diagnoses: string[];
  causes: string[];
};
export type CompiledCondition = {
  source: string;
  evaluate(env: ConditionEnv): boolean;
  /** names it reads, for analysis */ reads: ConditionReads;
};
export type CompileResult = { ok: true; value: CompiledCondition } | { ok: false; errors: ConditionError[] };

type Type = 'number' | 'boolean';
type Fn = (env: ConditionEnv) => number | boolean;
type NumFn = (env: ConditionEnv) => number;
type BoolFn = (env: ConditionEnv) => boolean;
// 'error' marks a sub-expression already reported, so its parents do not pile on more errors.
type Node = { type: Type | 'error'; fn: Fn; at: number; end: number };
type Token = { kind: 'num' | 'word' | 'op' | 'end'; text: string; at: number };
type CallSpec = { set: keyof Symbols; kind: string; make: (arg: string) => BoolFn };

const CALLS = new Map<string, CallSpec>([
  ['knows', { set: 'facts', kind: 'fact', make: (a) => (e) => e.knows(a) }],
  ['done', { set: 'steps', kind: 'step', make: (a) => (e) => e.done(a) }],
  ['said', { set: 'choices', kind: 'choice', make: (a) => (e) => e.said(a) }],
  ['visited', { set: 'nodes', kind: 'node', make: (a) => (e) => e.visited(a) }],
  ['diagnosed', { set: 'diagnoses', kind: 'diagnosis', make: (a) => (e) => e.diagnosed(a) }],
  ['running', { set: 'tools', kind: 'tool', make: (a) => (e) => e.running(a) }],
  ['crashed', { set: 'tools', kind: 'tool', make: (a) => (e) => e.crashed(a) }],
  ['frozen', { set: 'tools', kind: 'tool', make: (a) => (e) => e.frozen(a) }],
  ['cause', { set: 'causes', kind: 'cause', make: (a) => (e) => e.cause(a) }],
]);
const KEYWORDS = new Set(['and', 'et', 'or', 'ou', 'not', 'non', 'true', 'false', 'vrai', 'faux']);
const BUILTINS = ['elapsed', 'onHold'];
const ORDER: Record<string, (x: NumFn, y: NumFn) => BoolFn> = {
  '<': (x, y) => (e) => x(e) < y(e),
  '<=': (x, y) => (e) => x(e) <= y(e),
  '>': (x, y) => (e) => x(e) > y(e),
  '>=': (x, y) => (e) => x(e) >= y(e),
};
/** The longest condition accepted, in characters. */
export const MAX_CONDITION_LENGTH = 2000;
/**
 * The deepest nesting of parentheses and `not` accepted: hostile or broken content yields an
 * error instead of a stack overflow. Flat chains of `and`/`or`/`+` do not nest (n-ary nodes).
 */
export const MAX_CONDITION_DEPTH = 64;

// A digit run glued to letters is one token, so `3min` reads as a bad duration, not `3m` then `in`.
const NUM = /\d[\p{L}\p{N}_]*/uy;
const WORD = /[\p{L}_][\p{L}\p{N}_]*/uy;
const OP = /==|!=|<=|>=|&&|\|\||[<>=!+\-()]/y;
const ARG = /[\p{L}\p{N}_-]+/uy;
const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;

class Abort {}

class Parser {
  pos = 0;
  depth = 0;
  readonly errors: ConditionError[] = [];
  readonly reads: Record<keyof Symbols, Set<string>> = {
    vars: new Set(),
    facts: new Set(),
    steps: new Set(),
    choices: new Set(),
    nodes: new Set(),
    diagnoses: new Set(),
    tools: new Set(),
    causes: new Set(),
  };
  private ahead: Token | null = null;
  constructor(
    readonly src: string,
    readonly sym: Symbols,
  ) {}

  peek(): Token {
    return (this.ahead ??= this.lex());
  }

  take(): Token {
    const t = this.peek();
    this.ahead = null;
    this.pos = t.at + t.text.length;
    return t;
  }

  accept(...texts: string[]): Token | undefined {
    const t = this.peek();
    return t.kind !== 'num' && texts.includes(t.text) ? this.take() : undefined;
  }

  need(text: string): void {
    const t = this.take();
    if (t.kind !== 'op' || t.text !== text) this.fail(t);
  }

  /** Call arguments allow `-` and leading digits, which expression tokens cannot. */
  arg(): Token {
    const at = this.skipSpace(this.pos);
    ARG.lastIndex = at;
    const m = ARG.exec(this.src);
    if (!m) this.fail(this.peek());
    this.pos = at + m[0].length;
    return { kind: 'word', text: m[0], at };
  }

  error(at: number, end: number, code: ConditionErrorCode, params: Record<string, string> = {}): void {
    this.errors.push({ offset: at, length: end - at, code, params });
  }

  fail(t: Token): never {
    if (t.kind === 'end') this.error(this.src.length, this.src.length, 'unexpectedEnd');
    else this.error(t.at, t.at + t.text.length, 'syntax', { token: t.text });
    throw new Abort();
  }

  enter(t: Token): void {
    if (++this.depth <= MAX_CONDITION_DEPTH) return;
    this.error(t.at, t.at + t.text.length, 'tooDeep', { max: String(MAX_CONDITION_DEPTH) });
    throw new Abort();
  }

  expect(n: Node, type: Type): void {
    if (n.type !== type && n.type !== 'error')
      this.error(n.at, n.end, 'typeMismatch', { expected: type, found: n.type });
  }

  private skipSpace(at: number): number {
    while (at < this.src.length && /\s/.test(this.src[at]!)) at++;
    return at;
  }

  private lex(): Token {
    const at = this.skipSpace(this.pos);
    if (at >= this.src.length) return { kind: 'end', text: '', at };
    for (const [kind, re] of [
      ['num', NUM],
      ['word', WORD],
      ['op', OP],
    ] as const) {
      re.lastIndex = at;
      const m = re.exec(this.src);
      if (m) return { kind, text: m[0], at };
    }
    // Unknown characters become one-character tokens that no rule accepts, hence a syntax error.
    return { kind: 'op', text: String.fromCodePoint(this.src.codePointAt(at)!), at };
  }
}

const withSuggestion = (params: Record<string, string>, s: string | undefined): Record<string, string> =>
  s === undefined ? params : { ...params, suggestion: s };
const errorNode = (at: number, end: number): Node => ({ type: 'error', fn: () => false, at, end });

// A chain `a and b and …` is one n-ary node (a loop over its terms), never a tree as deep as the
// chain is long: ten thousand terms evaluate without ten thousand nested calls.
function orExpr(p: Parser): Node {
  const terms = [andExpr(p)];
  while (p.accept('or', 'ou', '||')) terms.push(andExpr(p));
  return logic(p, terms, false);
}

function andExpr(p: Parser): Node {
  const terms = [notExpr(p)];
  while (p.accept('and', 'et', '&&')) terms.push(notExpr(p));
  return logic(p, terms, true);
}

function logic(p: Parser, terms: Node[], isAnd: boolean): Node {
  if (terms.length === 1) return terms[0]!;
  for (const t of terms) p.expect(t, 'boolean');
  const fns = terms.map((t) => t.fn as BoolFn);
  const fn: BoolFn = isAnd
    ? (e) => {
        for (const f of fns) if (!f(e)) return false;
        return true;
      }
    : (e) => {
        for (const f of fns) if (f(e)) return true;
        return false;
      };
  return { type: 'boolean', fn, at: terms[0]!.at, end: terms[terms.length - 1]!.end };
}

function notExpr(p: Parser): Node {
  const t = p.accept('not', 'non', '!');
  if (!t) return comparison(p);
  p.enter(t);
  const inner = notExpr(p);
  p.depth--;
  p.expect(inner, 'boolean');
  const f = inner.fn as BoolFn;
  return { type: 'boolean', fn: (e) => !f(e), at: t.at, end: inner.end };
}

function comparison(p: Parser): Node {
  const a = sum(p);
  const op = p.accept('==', '=', '!=', '<', '<=', '>', '>=');
  if (!op) return a;
  const b = sum(p);
  const node = { type: 'boolean' as const, at: a.at, end: b.end };
  const order = ORDER[op.text];
  if (order) {
    p.expect(a, 'number');
    p.expect(b, 'number');
    return { ...node, fn: order(a.fn as NumFn, b.fn as NumFn) };
  }
  if (a.type !== 'error') p.expect(b, a.type);
  const x = a.fn,
    y = b.fn;
  return { ...node, fn: op.text === '!=' ? (e) => x(e) !== y(e) : (e) => x(e) === y(e) };
}

/** `a + b - c …` as one node: the terms with their signs, summed in a loop. */
function sum(p: Parser): Node {
  const terms = [atom(p)];
  const signs = [1];
  for (let op = p.accept('+', '-'); op; op = p.accept('+', '-')) {
    terms.push(atom(p));
    signs.push(op.text === '+' ? 1 : -1);
  }
  if (terms.length === 1) return terms[0]!;
  for (const t of terms) p.expect(t, 'number');
  const fns = terms.map((t) => t.fn as NumFn);
  const fn: NumFn = (e) => {
    let v = 0;
    for (let i = 0; i < fns.length; i++) v += signs[i]! * fns[i]!(e);
    return v;
  };
  return { type: 'number', fn, at: terms[0]!.at, end: terms[terms.length - 1]!.end };
}

function atom(p: Parser): Node {
  const t = p.take();
  if (t.kind === 'num') return literal(p, t, 1, t.at);
  if (t.kind === 'word') return word(p, t);
  if (t.text === '-') {
    const n = p.take();
    return n.kind === 'num' ? literal(p, n, -1, t.at) : p.fail(n);
  }
  if (t.kind !== 'op' || t.text !== '(') p.fail(t);
  p.enter(t);
  const inner = orExpr(p);
  p.need(')');
  p.depth--;
  return { ...inner, at: t.at, end: p.pos };
}

function literal(p: Parser, t: Token, sign: number, at: number): Node {
  const end = t.at + t.text.length;
  const ms = /^\d+$/.test(t.text) ? Number(t.text) : parseDuration(t.text);
  if (ms === undefined) {
    p.error(t.at, end, 'badDuration', { text: t.text });
    return errorNode(at, end);
  }
  const v = sign * ms;
  return { type: 'number', fn: () => v, at, end };
}

function word(p: Parser, t: Token): Node {
  const name = t.text,
    at = t.at,
    end = t.at + name.length;
  if (name === 'true' || name === 'vrai') return { type: 'boolean', fn: () => true, at, end };
  if (name === 'false' || name === 'faux') return { type: 'boolean', fn: () => false, at, end };
  if (KEYWORDS.has(name)) p.fail(t);
  const next = p.peek();
  if (next.kind === 'op' && next.text === '(') return call(p, t);
  if (name === 'elapsed') return { type: 'number', fn: (e) => e.elapsed(), at, end };
  if (name === 'onHold') return { type: 'boolean', fn: (e) => e.onHold(), at, end };
  if (CALLS.has(name)) p.fail(next);
  if (p.sym.vars.has(name)) {
    p.reads.vars.add(name);
    return { type: 'number', fn: (e) => e.variable(name), at, end };
  }
  p.error(
    at,
    end,
    'unknownName',
    withSuggestion({ name, kind: 'variable' }, suggest(name, [...p.sym.vars, ...BUILTINS])),
  );
  return errorNode(at, end);
}

function call(p: Parser, nameTok: Token): Node {
  const fn = nameTok.text,
    at = nameTok.at;
  p.take();
  const argTok = p.arg();
  p.need(')');
  const spec = CALLS.get(fn);
  if (!spec) {
    p.error(at, at + fn.length, 'unknownFunction', withSuggestion({ fn }, suggest(fn, CALLS.keys())));
    return errorNode(at, p.pos);
  }
  const arg = argTok.text;
  const isKnown = p.sym[spec.set].has(arg) || (spec.set === 'tools' && arg === 'any');
  if (!isKnown) {
    const known = spec.set === 'tools' ? [...p.sym.tools, 'any'] : p.sym[spec.set];
    const params = withSuggestion({ fn, arg, kind: spec.kind }, suggest(arg, known));
    p.error(argTok.at, argTok.at + arg.length, 'unknownArgument', params);
    return errorNode(at, p.pos);
  }
  p.reads[spec.set].add(arg);
  return { type: 'boolean', fn: spec.make(arg), at, end: p.pos };
}

/** Parses, checks and compiles a condition; every problem comes back as a located error, never a throw. */
export function compileCondition(source: string, symbols: Symbols): CompileResult {
  if (source.length > MAX_CONDITION_LENGTH)
    return failed([
      {
        offset: 0,
        length: source.length,
        code: 'tooLong',
        params: { length: String(source.length), max: String(MAX_CONDITION_LENGTH) },
      },
    ]);
  const p = new Parser(source, symbols);
  let root: Node;
  try {
    root = orExpr(p);
    const rest = p.take();
    if (rest.kind !== 'end') p.fail(rest);
  } catch (e) {
    if (e instanceof Abort) return failed(p.errors);
    throw e;
  }
  if (root.type === 'number') p.error(root.at, root.end, 'notBoolean', { found: 'number' });
  if (p.errors.length > 0) return failed(p.errors);
  const reads = Object.fromEntries(Object.entries(p.reads).map(([k, v]) => [k, [...v]])) as ConditionReads;
  return { ok: true, value: { source, evaluate: root.fn as BoolFn, reads } };
}

// Operands are checked after both sides are parsed, so errors are put back in reading order.
const failed = (errors: ConditionError[]): CompileResult => ({
  ok: false,
  errors: errors.sort((x, y) => x.offset - y.offset),
});

/** Milliseconds for a compact duration such as `90s`, `1m30s`, `500ms` or `2h`; undefined otherwise. */
export function parseDuration(text: string): number | undefined {
  const m = DURATION.exec(text);
  if (!m || text === '') return undefined;
  const [h, min, s, ms] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0)) as [number, number, number, number];
  return ((h * 60 + min) * 60 + s) * 1000 + ms;
}
