// A YAML file kept with its positions, so every problem can be reported as file:line:col.
import type { Document, LineCounter, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export type Severity = 'error' | 'warning';
export type Diagnostic = {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly severity: Severity;
  readonly code: string;
  readonly params: Readonly<Record<string, string>>;
};

export type PathPart = string | number;

/**
 * A file with its YAML tree and line table; `doc` and `lines` are null for content parsed at
 * build time (the game's bundle), whose positions were checked by the checker already.
 */
export type SourceFile = {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed | null;
  readonly lines: LineCounter | null;
};

/** A source known only by its parsed data: every position reads as 1:1. */
export function dataSource(file: string): SourceFile {
  return { file, text: '', doc: null, lines: null };
}

// Node kinds told apart by shape, not by the yaml package's helpers: the game bundle then
// carries no YAML code at all (its content is parsed at build time).
const isMap = (n: unknown): n is YAMLMap => typeof n === 'object' && n !== null && pairsByKey(n) !== null;
const isSeq = (n: unknown): n is YAMLSeq =>
  typeof n === 'object' && n !== null && Array.isArray((n as YAMLSeq).items) && !isMap(n);
const isPair = (n: unknown): n is Pair => typeof n === 'object' && n !== null && 'key' in n && 'value' in n;
const isScalar = (n: unknown): n is Scalar =>
  typeof n === 'object' && n !== null && 'value' in n && !('key' in n) && !('items' in n);

// Each map's pairs by key, built once: a diagnostic's position then costs its depth, not the
// size of the maps on its way (a file of 20,000 unknown keys stays linear).
const pairIndex = new WeakMap<object, Map<string, Pair> | null>();
function pairsByKey(n: object): Map<string, Pair> | null {
  let index = pairIndex.get(n);
  if (index !== undefined) return index;
  const items = (n as YAMLMap).items as unknown;
  index = Array.isArray(items) && items.every((i) => isPair(i)) ? new Map() : null;
  for (const p of index ? (items as Pair[]) : [])
    if (isScalar(p.key) && !index!.has(String(p.key.value))) index!.set(String(p.key.value), p);
  pairIndex.set(n, index);
  return index;
}

/** The YAML node at a path, or the deepest existing ancestor. */
export function nodeAt(source: SourceFile, path: readonly PathPart[]): { node: YamlNode | null; depth: number } {
  if (!source.doc) return { node: null, depth: 0 };
  let node: unknown = source.doc.contents;
  let depth = 0;
  for (const part of path) {
    let next: unknown = undefined;
    if (isMap(node)) {
      const pair = pairsByKey(node)!.get(String(part));
      next = pair?.value ?? undefined;
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part];
    }
    if (next === undefined || next === null) break;
    node = next;
    depth += 1;
  }
  return { node: (node as YamlNode | null) ?? null, depth };
}

/** Position of the value at `path` (or of the key named `key` inside that map). */
export function positionOf(source: SourceFile, path: readonly PathPart[], key?: string): { line: number; col: number } {
  if (!source.lines) return { line: 1, col: 1 };
  const { node } = nodeAt(source, path);
  if (key !== undefined && isMap(node)) {
    const pair = pairsByKey(node)!.get(key);
    const k = pair?.key as YamlNode | undefined;
    if (k?.range) return source.lines!.linePos(k.range[0]);
  }
  const offset = node?.range?.[0] ?? 0;
  return source.lines!.linePos(offset);
}

/** Position of a character inside a scalar's text (for errors inside a condition string). */
export function positionInScalar(
  source: SourceFile,
  path: readonly PathPart[],
  offset: number,
): { line: number; col: number } {
  if (!source.lines) return { line: 1, col: 1 };
  const { node } = nodeAt(source, path);
  if (!node?.range || !isScalar(node)) return positionOf(source, path);
  const start = node.range[0];
  const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const raw = source.text.slice(start + quoted, node.range[1]);
  const value = String(node.value);
  // Plain and quoted one-line scalars keep their characters; find where the value starts.
  const at = raw.indexOf(value.slice(0, Math.min(8, value.length)));
  // Multi-line and block (>-, |) scalars differ from their value only in blanks: count the others.
  let i = Math.max(0, at);
  for (let left = value.slice(0, offset).replace(/\s/g, '').length; left > 0 && i < raw.length; i++)
    if (!/\s/.test(raw[i]!)) left--;
  if (offset < value.length) while (i < raw.length && /\s/.test(raw[i]!)) i++;
  return source.lines!.linePos(start + quoted + i);
}

/** Builds a diagnostic at a path. */
export function diagAt(
  source: SourceFile,
  path: readonly PathPart[],
  severity: Severity,
  code: string,
  params: Record<string, string> = {},
  key?: string,
): Diagnostic {
  const { line, col } = positionOf(source, path, key);
  return { file: source.file, line, col, severity, code, params };
}
