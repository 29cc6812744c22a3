// Content texts are shown as written: the checker refuses what i18next would read as its own
// markup (nesting `$t(…)`, interpolation braces), in calls, the playbook and translation files.
// No content text takes parameters (the game passes none to them), so any brace pair is refused.
import type { Diagnostic, SourceFile } from './source.ts';
import { positionInScalar } from './source.ts';
import type { TextEntry, TranslationFile } from './texts.ts';

const MARKUP = /\$t\(|\{\{|\}\}/;
/** Translation files keep the source fingerprints here; they are not texts. */
const SOURCES_KEY = '_sources';

/** Where the first piece of i18next markup stands in a text, and what it is; null for a safe text. */
export function unsafeMarkup(text: string): { offset: number; token: string } | null {
  const m = MARKUP.exec(text);
  return m ? { offset: m.index, token: m[0] } : null;
}

/** The texts of a call or of the playbook that carry i18next markup, each at the markup itself. */
export function checkTextSafety(source: SourceFile, entries: readonly TextEntry[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const e of entries) {
    const bad = unsafeMarkup(e.text);
    if (!bad) continue;
    const { line, col } = positionInScalar(source, e.path, bad.offset);
    out.push({
      file: source.file,
      line,
      col,
      severity: 'error',
      code: 'unsafeText',
      params: { token: bad.token, key: e.key },
    });
  }
  return out;
}

/** The values of a translation file that carry i18next markup, each at its key. Unreadable JSON gives none. */
export function checkTranslationSafety(tr: TranslationFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  let lines: number[] | null = null;
  for (const leaf of stringLeaves(tr.text)) {
    const bad = leaf.path[0] === SOURCES_KEY ? null : unsafeMarkup(leaf.value);
    if (!bad) continue;
    lines ??= lineStarts(tr.text);
    const params = { token: bad.token, key: leaf.path.join('.') };
    out.push({ file: tr.file, ...lineCol(lines, leaf.at), severity: 'error', code: 'unsafeText', params });
  }
  return out;
}

type Frame = { readonly obj: boolean; key: string; keyAt: number; expectKey: boolean; index: number };
type Leaf = { readonly path: readonly string[]; readonly at: number; readonly value: string };

/**
 * Every string value of a JSON text with its path and where its key stands (its own place in an
 * array): one pass, no recursion, so a deep or huge file costs no more than its length.
 */
function stringLeaves(text: string): Leaf[] {
  try {
    JSON.parse(text);
  } catch {
    return [];
  }
  const STRING = /"(?:[^"\\]|\\.)*"/y;
  const out: Leaf[] = [];
  const frames: Frame[] = [];
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    const top = frames[frames.length - 1];
    if (ch === '"') {
      STRING.lastIndex = i;
      const raw = STRING.exec(text)![0];
      const value = JSON.parse(raw) as string;
      if (top?.obj && top.expectKey) [top.key, top.keyAt, top.expectKey] = [value, i, false];
      else
        out.push({ path: frames.map((f) => (f.obj ? f.key : String(f.index))), at: top?.obj ? top.keyAt : i, value });
      i += raw.length;
      continue;
    }
    if (ch === '{' || ch === '[') frames.push({ obj: ch === '{', key: '', keyAt: i, expectKey: ch === '{', index: 0 });
    else if (ch === '}' || ch === ']') frames.pop();
    else if (ch === ',' && top) [top.expectKey, top.index] = [top.obj, top.index + 1];
    i++;
  }
  return out;
}

function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** 1-based line and column of an offset, from the offsets where lines start. */
function lineCol(starts: readonly number[], offset: number): { line: number; col: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
