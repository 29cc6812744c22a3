// Reading YAML text with its positions (node side and tests: the game bundle does not parse YAML).
// Hostile text costs time linear in its length: size, control characters and nesting are checked
// before the tree is built, and aliases are refused (a call is a tree; `*a` fan-outs explode).
import { Composer, Lexer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, type CST } from 'yaml';
import type { Document, YAMLError } from 'yaml';
import { capDiagnostics, lineIndex, READ_LIMITS, sizeDiag, withoutBom } from './reading.ts';
import type { Diagnostic, SourceFile } from './source.ts';
import { yamlErrorDiags } from './yaml-errors.ts';

type Parsed = { source: SourceFile; data: unknown; diags: Diagnostic[] };

/** Parses YAML text; syntax problems, aliases, duplicate keys and non-finite numbers become diagnostics. */
export function parseSource(file: string, raw: string): Parsed {
  const text = withoutBom(raw);
  const refused = (d: Diagnostic): Parsed => ({
    source: { file, text, doc: null, lines: null },
    data: undefined,
    diags: [d],
  });
  const early = sizeDiag(file, text) ?? controlChar(file, text);
  if (early) return refused(early);
  const lexed = lex(text);
  if ('offset' in lexed) {
    const { code, offset } = lexed;
    const limit = String(code === 'nestingTooDeep' ? READ_LIMITS.depth : READ_LIMITS.yamlTokens);
    return refused({ file, ...lineIndex(text)(offset), severity: 'error', code, params: { limit } });
  }
  const { lexemes } = lexed;
  const lines = lineCounter(text);
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of lexemes) for (const t of parser.next(lexeme)) tokens.push(t);
  for (const t of parser.end()) tokens.push(t);
  const deep = treeDepthOffset(tokens);
  let doc: Document.Parsed;
  try {
    doc = compose(tokens, text.length);
  } catch {
    // The composer recurses; it reports its own stack overflows, but a tree this deep is refused anyway.
    return refused(tooDeep(file, text, Math.max(0, deep)));
  }
  const source: SourceFile = { file, text, doc, lines };
  let errors = doc.errors;
  if (deep >= 0) {
    // Past the limit, only the parser's errors before that place are real (a key typed on the same
    // line as another nests the next lines); without any, the depth itself is the problem.
    errors = errors.filter((e) => e.pos[0] < deep);
    if (!errors.length) return refused(tooDeep(file, text, deep));
  }
  const found = deep >= 0 ? [] : treeDiags(source);
  const diags = capDiagnostics(sortByPlace([...yamlErrorDiags(file, text, lines, errors), ...found]));
  if (diags.length) return { source, data: undefined, diags };
  try {
    return { source, data: doc.toJS({ maxAliasCount: 0 }), diags };
  } catch (e) {
    // Unreachable with aliases refused; kept so a library surprise stays a diagnostic.
    const d: Diagnostic = {
      file,
      line: 1,
      col: 1,
      severity: 'error',
      code: 'yamlSyntax',
      params: { detail: String((e as Error).message).split('\n')[0]! },
    };
    return { source, data: undefined, diags: [d] };
  }
}

/**
 * The line table, from the text itself: the parser's own (its onNewLine) misses the line breaks
 * inside some broken multi-line scalars, which put positions past the end of their line.
 */
function lineCounter(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
  return lines;
}

function compose(tokens: readonly CST.Token[], end: number): Document.Parsed {
  const docs = [...new Composer({ uniqueKeys: false }).compose(tokens, true, end)];
  const doc = docs[0]!;
  // As parseDocument does: a second document is an error of the first.
  if (docs[1]) doc.errors.push(multipleDocs(docs[1].range));
  return doc;
}

function multipleDocs(range: readonly number[]): YAMLError {
  return {
    code: 'MULTIPLE_DOCS',
    pos: [range[0]!, range[1]!],
    message: 'Source contains multiple documents',
  } as YAMLError;
}

function sortByPlace(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  // A text with two " : " gives two parser errors that both point at its first colon: say it once.
  return diags
    .filter((d) => {
      const k = `${d.line}:${d.col}:${d.code}`;
      return seen.has(k) ? false : (seen.add(k), true);
    })
    .sort((a, b) => a.line - b.line || a.col - b.col);
}

// C0 controls but tab, newline and carriage return, and DEL: never typed, they come from a bad copy or encoding.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

function controlChar(file: string, text: string): Diagnostic | null {
  const m = CONTROL.exec(text);
  if (!m) return null;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  return { file, ...lineIndex(text)(m.index), severity: 'error', code: 'controlChar', params: { code } };
}

function tooDeep(file: string, text: string, offset: number): Diagnostic {
  const params = { limit: String(READ_LIMITS.depth) };
  return { file, ...lineIndex(text)(offset), severity: 'error', code: 'nestingTooDeep', params };
}

// Lexer marks that stand for no character of the text.
const MARKS = new Set(['\x02', '\x18', '\x1f']);

/**
 * The lexer's tokens, or where they first pass a limit, before the parser spends time on them:
 * their count, or brackets (and `- ` / `? ` opening on one line) nested too deep. That depth is a
 * lower bound of the real one: the tree's own walk below sees the rest.
 */
function lex(text: string): { lexemes: string[] } | { code: 'nestingTooDeep' | 'tooManyTokens'; offset: number } {
  const lexemes: string[] = [];
  let offset = 0;
  let flow = 0;
  let onLine = 0;
  let scalarNext = false;
  for (const t of new Lexer().lex(text)) {
    if (lexemes.push(t) > READ_LIMITS.yamlTokens) return { code: 'tooManyTokens', offset };
    // After the scalar mark comes a scalar's text: none of its characters is an indicator.
    if (scalarNext) scalarNext = false;
    else if (t === '\x1f') scalarNext = true;
    else if (t === '[' || t === '{') flow++;
    else if (t === ']' || t === '}') flow = Math.max(0, flow - 1);
    else if (flow === 0 && (t === '-' || t === '?')) onLine++;
    else if (t === '\n' || t === '\r\n') onLine = 0;
    if (flow + onLine > READ_LIMITS.depth) return { code: 'nestingTooDeep', offset };
    if (!MARKS.has(t)) offset += t.length;
  }
  return { lexemes };
}

/** The first place where the parsed tree's collections nest past the limit; -1 when they never do. */
function treeDepthOffset(tokens: readonly CST.Token[]): number {
  const stack: [CST.Token | undefined, number][] = tokens.map((t) => [t, 0]);
  let first = -1;
  while (stack.length) {
    const [t, depth] = stack.pop()!;
    if (!t) continue;
    if (t.type === 'document') stack.push([t.value, depth]);
    else if (t.type === 'block-map' || t.type === 'block-seq' || t.type === 'flow-collection') {
      if (depth + 1 > READ_LIMITS.depth) {
        if (first < 0 || t.offset < first) first = t.offset;
        continue;
      }
      for (const item of t.items) {
        if ('key' in item) stack.push([item.key ?? undefined, depth + 1]);
        stack.push([item.value, depth + 1]);
      }
    }
  }
  return first;
}

/**
 * What the tree says that the parser does not: aliases (refused), keys given twice in one block
 * (named, at the second), numbers YAML reads as infinite or not-a-number.
 */
function treeDiags(source: SourceFile): Diagnostic[] {
  const { file, doc, lines } = source;
  const out: Diagnostic[] = [];
  const at = (offset: number): { line: number; col: number } => lines!.linePos(offset);
  const stack: unknown[] = [doc!.contents];
  while (stack.length) {
    const node = stack.pop();
    if (isAlias(node)) {
      const name = node.source;
      out.push({ file, ...at(node.range?.[0] ?? 0), severity: 'error', code: 'yamlAlias', params: { name } });
    } else if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key) && pair.key.range) {
          const key = String(pair.key.value);
          if (keys.has(key))
            out.push({ file, ...at(pair.key.range[0]), severity: 'error', code: 'duplicateKey', params: { key } });
          keys.add(key);
        }
        stack.push(pair.value, pair.key);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(...(isPair(item) ? [item.value, item.key] : [item]));
    } else if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value) && node.range) {
      const value = source.text.slice(node.range[0], node.range[1]).trim();
      out.push({ file, ...at(node.range[0]), severity: 'error', code: 'notFinite', params: { value } });
    }
  }
  return out;
}
