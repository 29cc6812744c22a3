// What the checker agrees to read, and how: bytes → text with the first bad byte placed, and a
// cap on what one file may report. Past a limit a file gets one diagnostic, never a long wait.
import type { Diagnostic } from './source.ts';

/** The checker's input limits (stated in the README and in docs/authoring.*.md). */
export const READ_LIMITS = {
  /** A file's size in bytes: the library's longest call is under 50 KB. */
  fileBytes: 256 * 1024,
  /**
   * YAML tokens (keys, values, punctuation) in a file: the library's longest call has about 6,000.
   * The parser takes some 5 µs a token, so a file full of brackets stays well under 2 s.
   */
  yamlTokens: 120_000,
  /** Collections inside collections (YAML and JSON): a call needs about 8, a translation 4. */
  depth: 32,
  /** Problems shown per file; the rest are counted in one last diagnostic. */
  diagnosticsPerFile: 100,
} as const;

/** Line and column (1-based, in UTF-16 units as editors count) of each offset of a text. */
export function lineIndex(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - starts[lo]! + 1 };
  };
}

/** A text without its byte order mark (editors do not show it, so positions ignore it). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The diagnostic for a text longer than the limit, at the place where it goes past it. */
export function sizeDiag(file: string, text: string): Diagnostic | null {
  if (text.length <= READ_LIMITS.fileBytes) return null;
  const at = lineIndex(text.slice(0, READ_LIMITS.fileBytes + 1))(READ_LIMITS.fileBytes);
  return tooLarge(file, at, text.length);
}

function tooLarge(file: string, at: { line: number; col: number }, size: number): Diagnostic {
  const params = { size: String(Math.ceil(size / 1024)), limit: String(READ_LIMITS.fileBytes / 1024) };
  return { file, ...at, severity: 'error', code: 'fileTooLarge', params };
}

/** A file's bytes as text (its BOM dropped), or one diagnostic: too large, or not UTF-8. */
export function decodeContent(
  file: string,
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; diag: Diagnostic } {
  if (bytes.length > READ_LIMITS.fileBytes)
    return { ok: false, diag: tooLarge(file, bytePosition(bytes, READ_LIMITS.fileBytes), bytes.length) };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    const byte = `0x${bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? '??'}`;
    return {
      ok: false,
      diag: { file, ...bytePosition(bytes, at), severity: 'error', code: 'invalidUtf8', params: { byte } },
    };
  }
}

/** Line and column of a byte, counted as in the decoded text (a leading BOM is not a column). */
function bytePosition(bytes: Uint8Array, at: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < bytes.length; i++)
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(start, at));
  return { line, col: before.length + 1 };
}

/** Offset of the first byte that starts no valid UTF-8 sequence (-1 when all are valid). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const cont = (i: number, lo = 0x80, hi = 0xbf): boolean => i < bytes.length && bytes[i]! >= lo && bytes[i]! <= hi;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let n = 0;
    if (b < 0x80) n = 1;
    else if (b >= 0xc2 && b <= 0xdf) n = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      const [lo, hi] = b === 0xe0 ? [0xa0, 0xbf] : b === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
      n = cont(i + 1, lo, hi) && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const [lo, hi] = b === 0xf0 ? [0x90, 0xbf] : b === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
      n = cont(i + 1, lo, hi) && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (n === 0) return i;
    i += n;
  }
  return -1;
}

/**
 * At most READ_LIMITS.diagnosticsPerFile diagnostics per file, in reading order, then one that
 * says how many more there are (an error when any of them is). Capping twice counts the same.
 */
export function capDiagnostics(diags: readonly Diagnostic[]): Diagnostic[] {
  const max = READ_LIMITS.diagnosticsPerFile;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  const out: Diagnostic[] = [];
  for (const [file, all] of byFile) {
    const earlier = all.filter((d) => d.code === MORE);
    const list = all.filter((d) => d.code !== MORE);
    if (list.length <= max && !earlier.length) {
      out.push(...list);
      continue;
    }
    const sorted = [...list].sort((a, b) => a.line - b.line || a.col - b.col);
    const rest = sorted.slice(max);
    const count = rest.length + earlier.reduce((n, d) => n + Number(d.params.count ?? 0), 0);
    const severity = [...rest, ...earlier].some((d) => d.severity === 'error') ? 'error' : 'warning';
    const { line, col } = rest[0] ?? earlier[0]!;
    out.push(...sorted.slice(0, max));
    if (count > 0) out.push({ file, line, col, severity, code: MORE, params: { count: String(count) } });
  }
  return out;
}

const MORE = 'moreDiagnostics';
