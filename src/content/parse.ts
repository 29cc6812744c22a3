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
