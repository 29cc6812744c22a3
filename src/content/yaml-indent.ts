// Which line of a YAML file is indented so that it belongs to no block around it, and what it
// should be aligned with. The parser, on such a line, reports two or three errors about "compact
// mappings" and "implicit keys", often on the line before; a trainer needs the one line and the
// key to align it with. One pass over the lines, linear in the text.

/** A line whose indentation matches none of the open blocks. */
export type Misindent = {
  /** 1-based line of the misindented key or `-`. */
  readonly line: number;
  /** Its indentation, in spaces. */
  readonly found: number;
  /** The indentation of the block it most likely belongs to. */
  readonly expected: number;
  /** The key (or `-`) of that block's last line, and that line: "align it with `text:`, line 6". */
  readonly key: string;
  readonly keyLine: number;
};

type Level = { readonly indent: number; readonly kind: 'map' | 'seq'; line: number; key: string };

const KEY = /^([\w-]+|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|$)/;
const DASH = /^-(?:[ \t]|$)/;

/**
 * Misindented lines of `lines` (a file's text split at line breaks). Only keys and list items are
 * judged; a deeper line that is neither continues a text, and block texts (`>-`, `|`), quoted texts
 * and bracketed lists spread over lines are skipped.
 */
export function misindentedLines(lines: readonly string[]): Misindent[] {
  const out: Misindent[] = [];
  const stack: Level[] = [];
  // What the previous key line left open: see `After`.
  let after: After = { opening: -1, blockText: -1, pending: null };
  lines.forEach((raw, i) => {
    const n = raw.length - raw.trimStart().length;
    const content = raw.slice(n);
    if (after.pending) {
      if (after.pending(raw)) after = { ...after, pending: null };
      return;
    }
    if (content === '' || content.startsWith('#')) return;
    if (after.blockText >= 0 && n > after.blockText) return;
    after = { ...after, blockText: -1 };
    // Tabs in an indentation are the parser's own error; document markers open no block.
    if (raw.slice(0, n).includes('\t') || content.startsWith('---') || content.startsWith('...')) return;
    const dash = DASH.test(content);
    if (!dash && !KEY.test(content)) return;
    const kind = dash ? 'seq' : 'map';
    let at = n;
    const deeper = after.opening >= 0 && (n > after.opening || (dash && n === after.opening));
    if (!deeper && !stack.some((l) => l.indent === n && l.kind === kind)) {
      const near = nearest(stack, n, kind);
      if (near) {
        out.push({ line: i + 1, found: n, expected: near.indent, key: near.key, keyLine: near.line });
        at = near.indent;
      }
    }
    closeBlocks(stack, at, dash);
    after = enterLine(stack, content, at, dash, i + 1);
  });
  return out;
}

/**
 * What a line leaves open for the next ones: `opening`, the column of the key (or dash) whose
 * value is a block on the next lines; `blockText`, the column of a key whose value is a block text
 * (`>-`, `|`: deeper lines are its text); `pending`, the test of the line that closes a quoted text
 * or a bracketed list going on over lines. -1 and null: nothing.
 */
type After = {
  readonly opening: number;
  readonly blockText: number;
  readonly pending: ((s: string) => boolean) | null;
};

/** Blocks deeper than a line at `at` are closed; a key also closes a list at its own column (a compact list). */
function closeBlocks(stack: Level[], at: number, dash: boolean): void {
  for (let top = stack.at(-1); top; top = stack.at(-1)) {
    if (top.indent > at || (!dash && top.indent === at && top.kind === 'seq')) stack.pop();
    else break;
  }
}

/** Records the blocks a key or list item line (judged to stand at column `at`) opens or goes on. */
function enterLine(stack: Level[], content: string, at: number, dash: boolean, line: number): After {
  let rest = content;
  let col = at;
  if (dash) {
    const top = stack.at(-1);
    if (top?.indent === at && top.kind === 'seq') top.line = line;
    else stack.push({ indent: at, kind: 'seq', line, key: '-' });
    // The item's first key stands after the dash and its spaces: its siblings align on it.
    const item = content.slice(1);
    rest = item.trimStart();
    col = at + 1 + item.length - rest.length;
    if (rest === '' || rest.startsWith('#')) return { opening: at, blockText: -1, pending: null };
  }
  const k = KEY.exec(rest);
  if (!k) return { opening: -1, blockText: -1, pending: continuation(rest) };
  const top = stack.at(-1);
  if (top?.indent === col && top.kind === 'map') Object.assign(top, { line, key: k[1]! });
  else stack.push({ indent: col, kind: 'map', line, key: k[1]! });
  const value = rest.slice(k[0].length).trim();
  if (/^[|>]/.test(value)) return { opening: -1, blockText: col, pending: null };
  const opens = value === '' || value.startsWith('#');
  return { opening: opens ? col : -1, blockText: -1, pending: continuation(value) };
}

/** The open block of `kind` closest to indentation `n` (the deeper of two as close), else any block. */
function nearest(stack: readonly Level[], n: number, kind: Level['kind']): Level | null {
  const pick = (levels: readonly Level[]): Level | null => {
    let best: Level | null = null;
    for (const l of levels) {
      const d = Math.abs(l.indent - n);
      if (!best || d < Math.abs(best.indent - n) || (d === Math.abs(best.indent - n) && l.indent > best.indent))
        best = l;
    }
    return best;
  };
  return pick(stack.filter((l) => l.kind === kind)) ?? pick(stack);
}

/**
 * For a value that opens a quote or a bracket without closing it on its line: the test of the
 * line that closes it. Null when the value is complete on its line.
 */
function continuation(value: string): ((s: string) => boolean) | null {
  const q = value[0];
  if (q === '"' || q === "'") {
    if (closingQuote(value, 0) >= 0) return null;
    return (s) => closingQuote(`${q}${s}`, 0) >= 0;
  }
  if (q === '[' || q === '{') {
    let depth = bracketDepth(value);
    if (depth <= 0) return null;
    return (s) => (depth += bracketDepth(s)) <= 0;
  }
  return null;
}

/** Where the quote opened at `open` closes ("…" with \ escapes, '…' with '' for a quote), or -1. */
export function closingQuote(s: string, open: number): number {
  const q = s[open];
  for (let i = open + 1; i < s.length; i++) {
    if (q === '"' && s[i] === '\\') i++;
    else if (s[i] === q) {
      if (q === "'" && s[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/** Opened minus closed brackets of a line, quoted texts left out. */
function bracketDepth(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"' || c === "'") {
      const end = closingQuote(s, i);
      if (end < 0) break;
      i = end;
    } else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === '#' && (i === 0 || /\s/.test(s[i - 1]!))) break;
  }
  return depth;
}
