// A YAML file kept with its positions, so every problem can be reported as file:line:col.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';

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

export type SourceFile = {
  readonly file: string;
  readonly text: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
};

/** Parses YAML text; syntax problems become diagnostics (with the French colon hint). */
export function parseSource(file: string, text: string): { source: SourceFile; data: unknown; diags: Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const source: SourceFile = { file, text, doc, lines };
  const all: Diagnostic[] = doc.errors.map((e): Diagnostic => {
    const { line, col } = lines.linePos(e.pos[0]);
    const lineText = text.split('\n')[line - 1] ?? '';
    // Inside a flow map ({ label: Box : HS }) the same mistake is reported as a block in a flow.
    if ((e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'BLOCK_IN_FLOW') && /:\s.*\s:(\s|$)/.test(lineText)) {
      const colon = lineText.indexOf(' :');
      return { file, line, col: colon >= 0 ? colon + 2 : col, severity: 'error', code: 'yamlColon', params: {} };
    }
    if (e.code === 'DUPLICATE_KEY') {
      return { file, line, col, severity: 'error', code: 'duplicateKey', params: { key: keyAt(text, e.pos[0]) } };
    }
    return { file, line, col, severity: 'error', code: 'yamlSyntax', params: { detail: firstLine(e.message) } };
  });
  // A text with two " : " gives two parser errors that both point at its first colon: say it once.
  const diags = all.filter((d, i) => all.findIndex((o) => o.line === d.line && o.col === d.col && o.code === d.code) === i);
  return { source, data: diags.length ? undefined : doc.toJS(), diags };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))?.[0]?.trim() ?? '';
}

/** The YAML node at a path, or the deepest existing ancestor. */
export function nodeAt(source: SourceFile, path: readonly PathPart[]): { node: YamlNode | null; depth: number } {
  let node: unknown = source.doc.contents;
  let depth = 0;
  for (const part of path) {
    let next: unknown = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(part));
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
  const { node } = nodeAt(source, path);
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    const k = pair?.key as YamlNode | undefined;
    if (k?.range) return source.lines.linePos(k.range[0]);
  }
  const offset = node?.range?.[0] ?? 0;
  return source.lines.linePos(offset);
}

/** Position of a character inside a scalar's text (for errors inside a condition string). */
export function positionInScalar(source: SourceFile, path: readonly PathPart[], offset: number): { line: number; col: number } {
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
  for (let left = value.slice(0, offset).replace(/\s/g, '').length; left > 0 && i < raw.length; i++) if (!/\s/.test(raw[i]!)) left--;
  if (offset < value.length) while (i < raw.length && /\s/.test(raw[i]!)) i++;
  return source.lines.linePos(start + quoted + i);
}

/** Builds a diagnostic at a path. */
export function diagAt(
  source: SourceFile, path: readonly PathPart[], severity: Severity, code: string, params: Record<string, string> = {}, key?: string,
): Diagnostic {
  const { line, col } = positionOf(source, path, key);
  return { file: source.file, line, col, severity, code, params };
}
