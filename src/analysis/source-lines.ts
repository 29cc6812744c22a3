// Line numbers of a call's nodes, lines and facts in its YAML text, for the analyser's reports.
// A plain scan of the text (no YAML parser: the Studio's worker and the command line both have
// the text at hand): a node, fact, diagnosis or tool is the key that opens its entry under
// `nodes:`, `facts:`, `diagnoses:` or `tools:` (block style), a line the first `id: <id>` under
// `nodes:`, the ticket its `ticket:` key. Anything not found has no number.
import type { Ref } from './size-report.ts';

export type SourceLines = {
  /** The 1-based line where the thing is written, or undefined. */
  lineOf(kind: Ref['kind'], id: string): number | undefined;
};

const KEY = /^(\s*)([\p{L}\p{N}_-]+)\s*:/u;
const ID = /(?:^|[\s{,-])id\s*:\s*["']?([\p{L}\p{N}_-]+)/u;

/** Indexes `text` once; each look-up is then a map access. */
export function sourceLines(text: string): SourceLines {
  const nodes = new Map<string, number>();
  const facts = new Map<string, number>();
  const lines = new Map<string, number>();
  const diagnoses = new Map<string, number>();
  const tools = new Map<string, number>();
  // Top-level keys (`ticket:` is where the ticket's notes are written).
  const sections = new Map<string, number>();
  const entries = new Map([
    ['nodes', nodes],
    ['facts', facts],
    ['diagnoses', diagnoses],
    ['tools', tools],
  ]);
  let section = '';
  // The indentation of a section's own entries: the first key met inside it.
  let entryIndent = -1;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '');
    if (!line.trim() || line.trimStart().startsWith('#')) return;
    const key = KEY.exec(line);
    if (key && key[1]!.length === 0) {
      section = key[2]!;
      if (!sections.has(section)) sections.set(section, i + 1);
      entryIndent = -1;
      return;
    }
    const table = entries.get(section);
    if (key && table) {
      if (entryIndent < 0) entryIndent = key[1]!.length;
      if (key[1]!.length === entryIndent && !table.has(key[2]!)) table.set(key[2]!, i + 1);
    }
    const id = section === 'nodes' ? ID.exec(line) : null;
    if (id && !lines.has(id[1]!)) lines.set(id[1]!, i + 1);
  });
  const tables: Record<Ref['kind'], Map<string, number>> = {
    node: nodes,
    fact: facts,
    line: lines,
    diagnosis: diagnoses,
    tool: tools,
    ticket: new Map([['notes', sections.get('ticket') ?? 0]]),
  };
  return { lineOf: (kind, id) => tables[kind].get(id) || undefined };
}
