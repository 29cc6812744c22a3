// Completion and hover from the call's JSON Schema (scenarios/scenario.schema.json, generated
// from src/content/schema.ts): where the cursor stands in the YAML (a path of keys, read from
// indentation, so it works on a half-typed, broken file), which keys and values the schema
// allows there, and a key's description in the trainer's language. Pure, no CodeMirror.
import type { Lang } from '../i18n/lang.ts';

/** The part of a JSON Schema this reads (the generated one inlines everything: no `$ref`). */
export type JsonSchema = {
  readonly type?: string | readonly string[];
  readonly description?: string;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
};

/** A path into the document: keys, and `0` for any item of a list. */
export type YamlPath = readonly (string | 0)[];

/** Where the cursor is: the path of the mapping it is in, and the key on its line (if any). */
export type CursorPlace = {
  /** The mapping the cursor's line belongs to. */
  readonly parent: YamlPath;
  /** The key written on the cursor's line before a colon, or null. */
  readonly key: string | null;
  /** The cursor is where a key is typed (start of the line, after `- `, `{` or `,`). */
  readonly typingKey: boolean;
  /** The word typed so far at the cursor, and where it starts (an offset into the text). */
  readonly word: string;
  readonly wordFrom: number;
};

type Entry = { readonly col: number; readonly kind: 'dash' | 'key'; readonly key?: string };

const KEY = /^([A-Za-z_$][\w$-]*|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

/** The dashes and the key that open a line, each with its column (comments and blank lines: none). */
function entriesOf(line: string): Entry[] {
  const out: Entry[] = [];
  let i = line.length - line.trimStart().length;
  if (line[i] === '#' || i === line.length) return out;
  while (line[i] === '-' && (line[i + 1] === ' ' || i + 1 === line.length)) {
    out.push({ col: i, kind: 'dash' });
    i += 1;
    while (line[i] === ' ') i++;
  }
  const m = KEY.exec(line.slice(i));
  if (m) out.push({ col: i, kind: 'key', key: m[1]!.replace(/^["']|["']$/g, '') });
  return out;
}

/**
 * The path of the block mapping that holds column `col` of line `row`, read upwards through the
 * lines above by indentation: each line that opens at a smaller column is a parent.
 */
function blockParent(lines: readonly string[], row: number, col: number): (string | 0)[] {
  const path: (string | 0)[] = [];
  let limit = col;
  // After a list item's dash, its parent key may sit at the dash's own column (`key:\n- item`).
  let afterDash = false;
  const take = (entries: readonly Entry[]): void => {
    for (let j = entries.length - 1; j >= 0; j--) {
      const e = entries[j]!;
      const above = e.col < limit || (afterDash && e.kind === 'key' && e.col <= limit);
      if (!above) continue;
      path.unshift(e.kind === 'dash' ? 0 : e.key!);
      afterDash = e.kind === 'dash';
      limit = e.col;
    }
  };
  const own = entriesOf(lines[row] ?? '').filter((e) => e.col < col);
  take(own);
  // A key at column 0 may hold a list whose dashes are at column 0 too.
  for (let r = row - 1; r >= 0 && (limit > 0 || afterDash); r--) {
    const entries = entriesOf(lines[r]!);
    if (entries.length) take(entries);
  }
  return path;
}

/** Where the cursor at `offset` stands in the YAML `text`. */
export function cursorPlace(text: string, offset: number): CursorPlace {
  const before = text.slice(0, offset);
  const row = before.split('\n').length - 1;
  const lineStart = before.lastIndexOf('\n') + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const col = offset - lineStart;
  const head = line.slice(0, col);
  const wordMatch = /[\w$-]*$/.exec(head)!;
  const word = wordMatch[0];
  const wordFrom = offset - word.length;
  const lines = text.split('\n');
  // Inside a flow mapping `{ a: 1, b` on this line: the keys of the mapping its key opens.
  const flow = flowPlace(head);
  if (flow) {
    const base = blockParent(lines, row, flow.keyCol);
    return { parent: [...base, flow.owner], key: flow.key, typingKey: flow.typingKey, word, wordFrom };
  }
  const entries = entriesOf(line);
  const last = entries[entries.length - 1];
  const keyHere = last?.kind === 'key' && last.col < col ? last : undefined;
  const typingKey = /^\s*(?:-\s+)*[\w$-]*$/.test(head);
  // The column the line's own content starts at (past any dashes): its mapping is found from there.
  const contentCol = keyHere ? keyHere.col : typingKey ? col - word.length : (entries[entries.length - 1]?.col ?? col);
  const parent = blockParent(lines, row, contentCol + (keyHere || typingKey ? 0 : 1));
  return { parent, key: keyHere?.key ?? null, typingKey, word, wordFrom };
}

/** The innermost unclosed `{` on the line before the cursor, with the key that owns it. */
function flowPlace(head: string): { owner: string; keyCol: number; key: string | null; typingKey: boolean } | null {
  let depth = 0;
  let open = -1;
  for (let i = head.length - 1; i >= 0; i--) {
    const ch = head[i]!;
    if (ch === '}' || ch === ']') depth++;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) {
        if (ch === '[') return null;
        open = i;
        break;
      }
      depth--;
    }
  }
  if (open < 0) return null;
  const owner = /([A-Za-z_$][\w$-]*)\s*:\s*$/.exec(head.slice(0, open));
  if (!owner) return null;
  const inside = head.slice(open + 1);
  const segment = inside.slice(Math.max(inside.lastIndexOf(','), -1) + 1);
  const keyed = /^\s*([\w$-]+)\s*:/.exec(segment);
  return {
    owner: owner[1]!,
    keyCol: owner.index,
    key: keyed ? keyed[1]! : null,
    typingKey: /^\s*[\w$-]*$/.test(segment),
  };
}

/** The schemas a value at `path` may match (every branch of a union). */
export function schemasAt(root: JsonSchema, path: YamlPath): JsonSchema[] {
  let here: JsonSchema[] = [root];
  for (const part of path) {
    const next: JsonSchema[] = [];
    for (const s of here.flatMap(branches)) {
      if (part === 0) {
        if (s.items) next.push(s.items);
      } else if (s.properties && Object.hasOwn(s.properties, part)) next.push(s.properties[part]!);
      else if (typeof s.additionalProperties === 'object') next.push(s.additionalProperties);
    }
    here = next;
  }
  return here.flatMap(branches);
}

/** A schema and the branches of its unions, flattened. */
function branches(s: JsonSchema): JsonSchema[] {
  const alts = [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])];
  return alts.length ? [s, ...alts.flatMap(branches)] : [s];
}

/** One language's part of a bilingual description (French first, then English, a blank line between). */
export function describeIn(description: string | undefined, lang: Lang): string | null {
  if (!description) return null;
  const parts = description.split('\n\n');
  if (parts.length < 2) return description;
  return (lang === 'fr' ? parts[0] : parts.slice(1).join('\n\n'))!.trim();
}

/** The first description among a value's schemas. */
function descriptionOf(schemas: readonly JsonSchema[], lang: Lang): string | null {
  for (const s of schemas) {
    const d = describeIn(s.description, lang);
    if (d) return d;
  }
  return null;
}

export type KeyOption = { readonly key: string; readonly info: string | null };

/** The keys the schema names for the mapping at `parent`, each with its description. */
export function keysAt(root: JsonSchema, parent: YamlPath, lang: Lang): KeyOption[] {
  const seen = new Map<string, KeyOption>();
  for (const s of schemasAt(root, parent))
    for (const [key, sub] of Object.entries(s.properties ?? {}))
      if (key !== '$schema' && !seen.has(key)) seen.set(key, { key, info: descriptionOf(branches(sub), lang) });
  return [...seen.values()];
}

/** The keys that name a node: `goto:` anywhere, `start:` and `onHangUp:` at the top. */
export function wantsNodeId(parent: YamlPath, key: string): boolean {
  return key === 'goto' || (parent.length === 0 && (key === 'start' || key === 'onHangUp'));
}

/**
 * The node ids a call's YAML `text` declares: the keys of its top-level `nodes:` mapping, in
 * order (read from the text, so they are offered while the file does not parse yet).
 */
export function nodeIdsOf(text: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => /^nodes:\s*(#.*)?$/.test(l));
  if (at < 0) return [];
  const ids: string[] = [];
  let indent = -1;
  for (const line of lines.slice(at + 1)) {
    if (/^\S/.test(line) && !line.startsWith('#')) break;
    const m = /^( +)([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (!m) continue;
    if (indent < 0) indent = m[1]!.length;
    if (m[1]!.length === indent) ids.push(m[2]!);
  }
  return ids;
}

/** The values the schema allows for `key` in the mapping at `parent`, when it lists them (enums, booleans). */
export function valuesAt(root: JsonSchema, parent: YamlPath, key: string): string[] {
  const out = new Set<string>();
  for (const s of schemasAt(root, [...parent, key])) {
    for (const v of s.enum ?? []) out.add(String(v));
    if (s.const !== undefined) out.add(String(s.const));
    if (s.type === 'boolean') ['true', 'false'].forEach((v) => out.add(v));
  }
  return [...out];
}

/** The description of `key` in the mapping at `parent`, in `lang`, or null. */
export function hoverText(root: JsonSchema, parent: YamlPath, key: string, lang: Lang): string | null {
  return descriptionOf(schemasAt(root, [...parent, key]), lang);
}
