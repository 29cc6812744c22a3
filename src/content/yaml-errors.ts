// The YAML parser's errors as diagnostics a trainer understands (the French colon, the quote left
// open or closed too early, the misindented line). Each error line is looked at once, in time
// linear in its length.
import type { LineCounter, YAMLError } from 'yaml';
import type { Diagnostic } from './source.ts';
import { closingQuote, misindentedLines, type Misindent } from './yaml-indent.ts';

/**
 * One diagnostic per parser error, at its place; the common mistakes get their own sentence. A
 * misindented line gives one diagnostic, in place of the parser's errors on it and the line before.
 */
export function yamlErrorDiags(
  file: string,
  text: string,
  lines: LineCounter,
  errors: readonly YAMLError[],
): Diagnostic[] {
  const textLines = text.split('\n');
  const colonHints = new Map<number, { code: string; col: number } | null>();
  const early = new Map<number, ReturnType<typeof quoteClosedEarly>>();
  let quote: ReturnType<typeof unclosedQuote> | undefined;
  const errorLines = new Set(errors.map((e) => lines.linePos(e.pos[0]).line));
  const misindented = errors.length
    ? misindentedLines(textLines).filter((m) => errorLines.has(m.line) || errorLines.has(m.line - 1))
    : [];
  const blamed = new Map<number, Misindent>();
  for (const m of misindented) blamed.set(m.line, m).set(m.line - 1, m);
  const said = new Set<Misindent>();
  // Lines already explained in a sentence of their own: the parser's other errors there add nothing.
  const explained = new Set<number>();
  const out: Diagnostic[] = [];
  for (const e of errors) {
    const { line, col } = lines.linePos(e.pos[0]);
    if (explained.has(line)) continue;
    const m = blamed.get(line);
    if (m) {
      if (!said.has(m)) out.push(indentDiag(file, m));
      said.add(m);
      continue;
    }
    if (!early.has(line)) early.set(line, quoteClosedEarly(textLines[line - 1] ?? ''));
    const closed = early.get(line);
    if (closed) {
      out.push({ file, line, col: closed.col, severity: 'error', code: 'yamlQuoteEarly', params: closed.params });
      explained.add(line);
      continue;
    }
    if (e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'BLOCK_IN_FLOW') {
      if (!colonHints.has(line)) colonHints.set(line, colonHint(textLines[line - 1] ?? ''));
      const hint = colonHints.get(line);
      if (hint) {
        out.push({ file, line, col: hint.col || col, severity: 'error', code: hint.code, params: {} });
        explained.add(line);
        continue;
      }
    }
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) {
      // The parser notices at the end of the file; the trainer needs the quote that was opened.
      quote ??= unclosedQuote(textLines);
      if (quote) {
        out.push({ file, ...quote.at, severity: 'error', code: 'yamlUnclosedQuote', params: { quote: quote.quote } });
        continue;
      }
    }
    out.push({ file, line, col, severity: 'error', code: 'yamlSyntax', params: { detail: firstLine(e.message) } });
  }
  return out;
}

function indentDiag(file: string, m: Misindent): Diagnostic {
  const params = { found: String(m.found), expected: String(m.expected), key: m.key, line: String(m.keyLine) };
  return { file, line: m.line, col: m.found + 1, severity: 'error', code: 'yamlIndent', params };
}

/**
 * A quoted value whose quote closes before the end of its line ('l'adresse', "Il a dit "non""):
 * YAML cannot read what follows. The place of that quote, and the whole value quoted once, as the
 * trainer should write it: between "…", with a " inside written \".
 */
function quoteClosedEarly(lineText: string): { col: number; params: Record<string, string> } | null {
  const m = /^(\s*(?:-\s+)?(?:[\w-]+:\s+)?)(["'])/.exec(lineText);
  if (!m || /^\s*#/.test(lineText)) return null;
  const open = m[1]!.length;
  const close = closingQuote(lineText, open);
  const after = close < 0 ? '' : lineText.slice(close + 1).trim();
  // Nothing after it, a comment, or what may follow a quoted text in YAML (a key's colon, a bracket).
  if (close < 0 || after === '' || /^[#:,\]}]/.test(after)) return null;
  const quote = m[2]!;
  const value = lineText.slice(open).trim();
  // The text the trainer meant: the outer quotes dropped when the value ends with one.
  let meant = value.endsWith(quote) && value.length > 1 ? value.slice(1, -1) : value;
  meant = quote === "'" ? meant.replace(/''/g, "'") : meant.replace(/\\(["\\])/g, '$1');
  const fix = `${m[1]!.trimStart()}"${meant.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return { col: close + 1, params: { quote, fix } };
}

/**
 * A text written with the French spaced colon ("Box : HS") or a colon stuck to a word ("Note: ok")
 * reads as a new key: the code of the hint and the column to blame (0: the parser's own).
 */
function colonHint(lineText: string): { code: string; col: number } | null {
  if (hasSpacedColons(lineText)) {
    const colon = lineText.indexOf(' :');
    return { code: 'yamlColon', col: colon >= 0 ? colon + 2 : 0 };
  }
  const stuck = /^(\s*(?:-\s+)?[\w-]+:\s+[^'"{\s][^:]*?[^\s]):(\s|$)/.exec(lineText);
  return stuck ? { code: 'yamlColonStuck', col: stuck[1]!.length + 1 } : null;
}

/** Whether a line has a key colon (": ") and, at least one character later, a " :" (as /:\s.*\s:(\s|$)/, linearly). */
function hasSpacedColons(s: string): boolean {
  const blank = (i: number): boolean => /\s/.test(s[i] ?? '');
  let first = -1;
  for (let i = 0; i + 1 < s.length && first < 0; i++) if (s[i] === ':' && blank(i + 1)) first = i;
  if (first < 0) return false;
  for (let j = s.length - 1; j >= first + 3; j--)
    if (s[j] === ':' && blank(j - 1) && (j + 1 === s.length || blank(j + 1))) return true;
  return false;
}

/**
 * The first value that opens a quote and does not close it on its line (texts in calls are one
 * line, or written after >-), with its 1-based position.
 */
function unclosedQuote(lines: readonly string[]): { at: { line: number; col: number }; quote: string } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*(?:-\s+)?(?:[\w-]+:\s+)?)(["'])/.exec(lines[i]!);
    if (!m || /^\s*#/.test(lines[i]!)) continue;
    const quote = m[2]!;
    const rest = lines[i]!.slice(m[1]!.length + 1);
    // In "…" a quote is closed by an unescaped "; in '…' by a ' that is not doubled ('').
    const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : rest.replace(/''/g, '').includes("'");
    if (!closed) return { at: { line: i + 1, col: m[1]!.length + 1 }, quote };
  }
  return null;
}

/** The parser's message on one line, without its own position, and short (it may quote a whole text). */
function firstLine(message: string): string {
  const line = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}
