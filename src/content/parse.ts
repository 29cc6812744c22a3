// Reading YAML text with its positions (node side and tests: the game bundle does not parse YAML).
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic, SourceFile } from './source.ts';

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
    // The same with the colon stuck to the word before it ("Note: ok" inside a text).
    const stuck = /^(\s*(?:-\s+)?[\w-]+:\s+[^'"{\s][^:]*?[^\s]):(\s|$)/.exec(lineText);
    if ((e.code === 'BLOCK_AS_IMPLICIT_KEY' || e.code === 'BLOCK_IN_FLOW') && stuck) {
      return { file, line, col: stuck[1]!.length + 1, severity: 'error', code: 'yamlColonStuck', params: {} };
    }
    if (e.code === 'MISSING_CHAR' && /quote/i.test(e.message)) {
      // The parser notices at the end of the file; the trainer needs the quote that was opened.
      const open = unclosedQuote(text);
      if (open)
        return {
          file,
          line: open.line,
          col: open.col,
          severity: 'error',
          code: 'yamlUnclosedQuote',
          params: { quote: open.quote },
        };
    }
    if (e.code === 'DUPLICATE_KEY') {
      return { file, line, col, severity: 'error', code: 'duplicateKey', params: { key: keyAt(text, e.pos[0]) } };
    }
    return { file, line, col, severity: 'error', code: 'yamlSyntax', params: { detail: firstLine(e.message) } };
  });
  // A text with two " : " gives two parser errors that both point at its first colon: say it once.
  const diags = all.filter(
    (d, i) => all.findIndex((o) => o.line === d.line && o.col === d.col && o.code === d.code) === i,
  );
  return { source, data: diags.length ? undefined : doc.toJS(), diags };
}

/**
 * The first value that opens a quote and does not close it on its line (texts in calls are one
 * line, or written after >-), with its 1-based position.
 */
function unclosedQuote(text: string): { line: number; col: number; quote: string } | null {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*(?:-\s+)?(?:[\w-]+:\s+)?)(["'])/.exec(lines[i]!);
    if (!m || /^\s*#/.test(lines[i]!)) continue;
    const quote = m[2]!;
    const rest = lines[i]!.slice(m[1]!.length + 1);
    // In "…" a quote is closed by an unescaped "; in '…' by a ' that is not doubled ('').
    const closed = quote === '"' ? /(^|[^\\])(\\\\)*"/.test(rest) : rest.replace(/''/g, '').includes("'");
    if (!closed) return { line: i + 1, col: m[1]!.length + 1, quote };
  }
  return null;
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}

function keyAt(text: string, offset: number): string {
  return /^[^:\n]*/.exec(text.slice(offset))?.[0]?.trim() ?? '';
}
