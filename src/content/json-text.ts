// Translation files as JSON text: how deep they nest, where each key is written, and where a syntax
// error stands. One pass each, no recursion, so a hostile file costs no more than its length.
import { lineIndex, READ_LIMITS } from './reading.ts';
import type { Diagnostic } from './source.ts';

/** Index just past the string literal opening at `i` (or the end of the text when it never closes). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** Where brackets first nest past READ_LIMITS.depth (any text, even broken JSON); -1 when they never do. */
export function jsonDepthOffset(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') i = stringEnd(text, i) - 1;
    else if (ch === '{' || ch === '[') {
      if (++depth > READ_LIMITS.depth) return i;
    } else if (ch === '}' || ch === ']') depth = Math.max(0, depth - 1);
  }
  return -1;
}

/** Where each dotted key of a valid JSON object is written (its first occurrence; keys under arrays are not texts). */
export function jsonKeyOffsets(text: string): Map<string, number> {
  type Frame = { readonly obj: boolean; key: string; expectKey: boolean };
  const out = new Map<string, number>();
  const frames: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const top = frames[frames.length - 1];
    if (ch === '"') {
      const end = stringEnd(text, i);
      if (top?.obj && top.expectKey) {
        top.key = JSON.parse(text.slice(i, end)) as string;
        top.expectKey = false;
        if (frames.every((f) => f.obj)) {
          const path = frames.map((f) => f.key).join('.');
          if (!out.has(path)) out.set(path, i);
        }
      }
      i = end - 1;
    } else if (ch === '{' || ch === '[') frames.push({ obj: ch === '{', key: '', expectKey: ch === '{' });
    else if (ch === '}' || ch === ']') frames.pop();
    else if (ch === ',' && top?.obj) top.expectKey = true;
  }
  return out;
}

/** The diagnostic for JSON.parse's error on `text`: at its place, in one sentence of ours. */
export function jsonSyntaxDiag(file: string, text: string, error: unknown): Diagnostic {
  const m = /in JSON at position (\d+)(?: \(line \d+ column \d+\))?$/.exec(String((error as Error)?.message));
  const offset = Math.min(text.length, m ? Number(m[1]) : jsonErrorOffset(text));
  const at = lineIndex(text)(offset);
  const ch = text[offset];
  if (ch === undefined) return { file, ...at, severity: 'error', code: 'translationJsonEnd', params: {} };
  if (ch === '\n' || ch === '\r') return { file, ...at, severity: 'error', code: 'translationJsonEol', params: {} };
  const cp = text.codePointAt(offset)!;
  const char = String.fromCodePoint(cp);
  const shown = /^[\s\p{C}]$/u.test(char) ? `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` : char;
  return { file, ...at, severity: 'error', code: 'translationJson', params: { char: shown } };
}

/**
 * Where JSON.parse gives up when its message has no position (node 20's "Unexpected token"): the
 * end of the longest prefix that still reads as the start of a JSON text.
 */
function jsonErrorOffset(text: string): number {
  const startsJson = (n: number): boolean => {
    try {
      JSON.parse(text.slice(0, n));
      return true;
    } catch (e) {
      const message = String((e as Error).message);
      const at = /in JSON at position (\d+)/.exec(message);
      return /end of JSON input/.test(message) || (at !== null && Number(at[1]) >= n);
    }
  };
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (startsJson(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
