// "Did you mean …?": the declared name a misspelt one most likely meant, found without comparing
// it with every name when there are many (a call with thousands of broken references stays linear).

/** How far a suggestion may be from the name (edits), exclusive. */
const LIMIT = 3;
/** Below this many candidates a plain scan is cheaper than building an index. */
const INDEX_FROM = 64;
/** Longer names are compared one by one: their deletion variants would be too many to index. */
const INDEXED_LENGTH = 24;

type Index = {
  readonly list: readonly string[];
  readonly lower: ReadonlyMap<string, number>;
  /** Each indexed candidate under every string made by deleting up to two of its characters. */
  readonly deletes: ReadonlyMap<string, readonly number[]>;
  readonly long: readonly number[];
};

const indexes = new WeakMap<object, Index>();

/** The candidate a mistyped name most likely meant: same name ignoring case, else within 2 edits. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  const cached = indexes.get(candidates);
  if (cached) return fromIndex(name, cached);
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  if (list.length < INDEX_FROM) return scan(name, list, list.keys());
  const index = buildIndex(list);
  // Only collections that stay as they are (sets, arrays of declared names) are worth keeping.
  if (candidates instanceof Set || Array.isArray(candidates)) indexes.set(candidates, index);
  return fromIndex(name, index);
}

/** The best of the candidates at `order` (indices into list, ascending): the first at the least distance. */
function scan(name: string, list: readonly string[], order: Iterable<number>): string | undefined {
  let best: string | undefined;
  let bestDist = LIMIT;
  const lower = name.toLowerCase();
  for (const i of order) {
    const c = list[i]!;
    if (c.toLowerCase() === lower) return c;
    const d = editDistance(name, c, bestDist);
    // Below the name's own length, so `x` does not "suggest" every other one-letter name.
    if (d < bestDist && d < name.length) [best, bestDist] = [c, d];
  }
  return best;
}

function fromIndex(name: string, index: Index): string | undefined {
  const same = index.lower.get(name.toLowerCase());
  if (same !== undefined) return index.list[same];
  const found = new Set<number>(index.long);
  for (const v of deletions(name)) for (const i of index.deletes.get(v) ?? []) found.add(i);
  return scan(
    name,
    index.list,
    [...found].sort((a, b) => a - b),
  );
}

function buildIndex(list: readonly string[]): Index {
  const lower = new Map<string, number>();
  const deletes = new Map<string, number[]>();
  const long: number[] = [];
  list.forEach((c, i) => {
    const l = c.toLowerCase();
    if (!lower.has(l)) lower.set(l, i);
    if (c.length > INDEXED_LENGTH) return void long.push(i);
    for (const v of deletions(c)) {
      const at = deletes.get(v);
      if (!at) deletes.set(v, [i]);
      else if (at[at.length - 1] !== i) at.push(i);
    }
  });
  return { list, lower, deletes, long };
}

/**
 * The strings made by deleting up to two characters (the word itself included). Two words within
 * two edits always share one: a substitution is a deletion on each side.
 */
function deletions(word: string): Set<string> {
  const out = new Set<string>([word]);
  for (let i = 0; i < word.length; i++) {
    const one = word.slice(0, i) + word.slice(i + 1);
    out.add(one);
    for (let j = i; j < one.length; j++) out.add(one.slice(0, j) + one.slice(j + 1));
  }
  return out;
}

/** Levenshtein distance, giving up early (returning `limit`) once it cannot get below `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost));
    }
    if (Math.min(...row) >= limit) return limit;
    prev = row;
  }
  return prev[b.length]!;
}
