// zod's verdict turned into diagnostics a trainer understands, placed at file:line:col.
import type { z } from 'zod';
import { suggest } from '../engine/condition.ts';
import { ID_RE, RESERVED_IDS } from './schema.ts';
import { diagAt, type Diagnostic, type PathPart, type SourceFile } from './source.ts';

type Issue = z.core.$ZodIssue;

/** Ids are checked with ID_RE; every other string pattern in the schema is a duration form. */
const isDurationFormat = (i: Issue): boolean =>
  i.code === 'invalid_format' && i.format === 'regex' && (i as { pattern?: string }).pattern !== String(ID_RE);

const isReserved = (v: unknown): boolean => (RESERVED_IDS as readonly unknown[]).includes(v);

/** Validates data with a schema; returns the parsed value or the diagnostics. */
export function validate<T>(
  schema: z.ZodType<T>,
  source: SourceFile,
  data: unknown,
): { value: T | null; diags: Diagnostic[] } {
  // zod drops a `__proto__` key without a word: refuse it before (a node or fact would vanish).
  const protoKeys = reservedKeys(source, data);
  if (protoKeys.length) return { value: null, diags: protoKeys };
  const r = schema.safeParse(data);
  if (r.success) return { value: r.data, diags: [] };
  const diags: Diagnostic[] = [];
  const seen = new Set<string>();
  const known = schemaKeys(schema);
  for (const issue of r.error.issues) {
    for (const dg of issueToDiags(source, data, issue, known)) {
      const k = `${dg.line}:${dg.col}:${dg.code}:${JSON.stringify(dg.params)}`;
      if (!seen.has(k)) (diags.push(dg), seen.add(k));
    }
  }
  return { value: null, diags };
}

/** Every `__proto__` key in the data (the YAML reader keeps it as an own key), at its place. */
function reservedKeys(source: SourceFile, data: unknown): Diagnostic[] {
  const out: Diagnostic[] = [];
  const stack: [unknown, PathPart[]][] = [[data, []]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, path] = top;
    if (v === null || typeof v !== 'object') continue;
    if (!Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, '__proto__'))
      out.push(
        diagAt(
          source,
          path,
          'error',
          'reservedId',
          { value: '__proto__', path: pathText([...path, '__proto__']) },
          '__proto__',
        ),
      );
    for (const [k, child] of Object.entries(v)) stack.push([child, [...path, Array.isArray(v) ? Number(k) : k]]);
  }
  return out;
}

function valueAt(data: unknown, path: readonly PathPart[]): unknown {
  let v: unknown = data;
  for (const p of path)
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[p] : undefined;
  return v;
}

function typeName(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'map';
  return typeof v;
}

const pathText = (path: readonly PathPart[]): string =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');

function issueToDiags(source: SourceFile, data: unknown, issue: Issue, known: readonly string[]): Diagnostic[] {
  const path = issue.path as PathPart[];
  const where = pathText(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      return issue.keys.map((key) => {
        const s = suggest(key, known);
        return diagAt(
          source,
          path,
          'error',
          s ? 'unknownKeySuggest' : 'unknownKey',
          { key, suggestion: s ?? '', path: where },
          key,
        );
      });
    }
    case 'invalid_type': {
      const value = valueAt(data, path);
      if (value === undefined) {
        const key = String(path[path.length - 1] ?? '');
        return [diagAt(source, path.slice(0, -1), 'error', 'missingKey', { key, path: where })];
      }
      return [
        diagAt(source, path, 'error', 'wrongType', { path: where, expected: issue.expected, found: typeName(value) }),
      ];
    }
    case 'invalid_value':
      return [
        diagAt(source, path, 'error', 'badValue', {
          path: where,
          value: String(valueAt(data, path)),
          options: issue.values.map(String).join(', '),
        }),
      ];
    case 'invalid_key': {
      const key = String(path[path.length - 1] ?? '');
      // A name that is not an id (a node called "Start Node"), at the name itself.
      if (issue.issues.some((i) => i.code === 'invalid_format'))
        return [
          diagAt(
            source,
            path.slice(0, -1),
            'error',
            isReserved(key) ? 'reservedId' : 'badId',
            { value: key, path: where },
            key,
          ),
        ];
      return [diagAt(source, path.slice(0, -1), 'error', 'unknownKey', { key, suggestion: '', path: where }, key)];
    }
    case 'invalid_union':
      return unionDiags(source, data, issue, known);
    case 'invalid_format':
      // zod 4 reports the only branch of a union that got the right type, so a mistyped duration lands here.
      if (isDurationFormat(issue))
        return [diagAt(source, path, 'error', 'badDuration', { path: where, value: String(valueAt(data, path)) })];
      return [
        diagAt(
          source,
          path,
          'error',
          isReserved(valueAt(data, path))
            ? 'reservedId'
            : /[A-Z_]/.test(String(valueAt(data, path))) || issue.format === 'regex'
              ? 'badId'
              : 'invalid',
          {
            path: where,
            value: String(valueAt(data, path)),
            detail: issue.message,
          },
        ),
      ];
    case 'too_small':
    case 'too_big':
      return [
        diagAt(source, path, 'error', issue.code === 'too_small' ? 'tooSmall' : 'tooBig', {
          path: where,
          limit: String(issue.code === 'too_small' ? issue.minimum : issue.maximum),
          value: JSON.stringify(valueAt(data, path)) ?? '',
        }),
      ];
    default:
      return [diagAt(source, path, 'error', 'invalid', { path: where, detail: issue.message })];
  }
}

const keyCache = new WeakMap<object, string[]>();

/** Every key any object in the schema accepts: the vocabulary for did-you-mean hints. */
export function schemaKeys(schema: z.ZodType): string[] {
  const cached = keyCache.get(schema);
  if (cached) return cached;
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown): void => {
    if (!s || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) (keys.add(k), walk(v));
    }
    // A map whose keys are a fixed list (the tools): those names are keys too.
    const keyDef =
      def.type === 'record'
        ? (def.keyType as { _zod?: { def?: { type?: string; entries?: Record<string, string> } } })._zod?.def
        : undefined;
    if (keyDef?.type === 'enum' && keyDef.entries) for (const k of Object.values(keyDef.entries)) keys.add(k);
    for (const f of ['innerType', 'element', 'valueType', 'in', 'out']) walk(def[f]);
    if (Array.isArray(def.options)) def.options.forEach(walk);
  };
  walk(schema);
  const list = [...keys];
  keyCache.set(schema, list);
  return list;
}

/** A union failed: blame the branch that got furthest, or report a bad duration/type plainly. */
function unionDiags(
  source: SourceFile,
  data: unknown,
  issue: Extract<Issue, { code: 'invalid_union' }>,
  known: readonly string[],
): Diagnostic[] {
  const path = issue.path as PathPart[];
  const value = valueAt(data, path);
  const branches = (issue.errors ?? []) as Issue[][];
  const looksLikeDuration =
    (branches.some((b) => b.some((i) => i.code === 'invalid_format' || i.code === 'custom')) &&
      branches.some((b) => b.some((i) => i.code === 'invalid_type' && i.expected === 'number'))) ||
    branches.some((b) => b.some(isDurationFormat));
  if (typeof value === 'string' && looksLikeDuration) {
    return [diagAt(source, path, 'error', 'badDuration', { path: pathText(path), value })];
  }
  // Prefer a branch whose problems are deeper than the union itself: its shape matched.
  const deeper = branches
    .map((b) => b.map((i) => ({ ...i, path: [...path, ...i.path] }) as Issue))
    .filter((b) => b.every((i) => i.path.length > path.length));
  const best = deeper.sort((a, b) => a.length - b.length)[0];
  if (best) return best.flatMap((i) => issueToDiags(source, data, i, known));
  // A value of the right kind that is just not allowed (tone: grumpy, where a tone or a list of tones fits).
  const notAllowed = branches.flat().find((i) => i.code === 'invalid_value' && i.path.length === 0);
  if (notAllowed) return issueToDiags(source, data, { ...notAllowed, path } as Issue, known);
  const expected = branches.flatMap((b) =>
    b.filter((i) => i.code === 'invalid_type').map((i) => (i as { expected: string }).expected),
  );
  return [
    diagAt(source, path, 'error', 'wrongType', {
      path: pathText(path),
      expected: [...new Set(expected)].join(' | ') || 'other',
      found: typeName(value),
    }),
  ];
}
