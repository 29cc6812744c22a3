// Compiler-style printing of diagnostics for the trainer's terminal.
import { checkerText, messageOf } from '../content/messages.ts';
import type { Diagnostic } from '../content/source.ts';

/** Formats diagnostics grouped per file, like a compiler. */
export function formatDiagnostics(diags: readonly Diagnostic[], lang: string): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diags) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push(file);
    for (const d of list) {
      const sev = checkerText(lang, `severity.${d.severity}`).padEnd(9);
      out.push(`  ${d.file}:${d.line}:${d.col}  ${sev}  ${messageOf(d, lang)}`);
    }
    out.push('');
  }
  return out.join('\n');
}
