// The shape of a call as the map needs it (nodes, their lines, where each line leads), read from
// a compiled model or, when the call does not compile (a `goto` to a node that does not exist),
// from its checked document: the map then still shows the call, the broken arrow included.
import type { Outcome, ScenarioModel } from '../engine/model.ts';
import type { ScenarioDoc } from '../content/schema.ts';

export type SkeletonLine = {
  readonly id: string;
  /** The node it leads to (maybe one that does not exist), or null: it stays in its node. */
  readonly goto: string | null;
  readonly end: Outcome | null;
};
export type SkeletonNode = {
  readonly id: string;
  readonly end: Outcome | null;
  /** The i18n key (model) or the text (document) of the customer's first line, if any. */
  readonly said: { readonly key: string } | { readonly text: string } | null;
  readonly lines: readonly SkeletonLine[];
};
export type Skeleton = {
  readonly id: string;
  readonly ns: string;
  readonly start: string;
  readonly onHangUp: string | null;
  readonly nodes: readonly SkeletonNode[];
};

/** A compiled call's or a checked document's skeleton. */
export function skeletonOf(call: ScenarioModel | ScenarioDoc): Skeleton {
  return 'index' in call ? fromModel(call) : fromDoc(call);
}

function fromModel(m: ScenarioModel): Skeleton {
  const id = (i: number): string | null => (i >= 0 ? m.nodes[i]!.id : null);
  return {
    id: m.id,
    ns: m.ns,
    start: id(m.start) ?? '',
    onHangUp: id(m.onHangUp),
    nodes: m.nodes.map((n) => ({
      id: n.id,
      end: n.end,
      said: n.customer[0] ? { key: n.customer[0].key } : null,
      lines: n.choices.map((c) => m.choices[c]!).map((c) => ({ id: c.id, goto: id(c.goto), end: c.end })),
    })),
  };
}

function fromDoc(doc: ScenarioDoc): Skeleton {
  return {
    id: doc.id,
    ns: doc.id,
    start: doc.start,
    onHangUp: doc.onHangUp ?? null,
    nodes: Object.entries(doc.nodes).map(([id, n]) => {
      const first = typeof n.customer === 'string' ? n.customer : n.customer?.[0]?.text;
      return {
        id,
        end: n.end ?? null,
        said: first === undefined ? null : { text: first },
        lines: (n.choices ?? []).map((c) => ({ id: c.id, goto: c.then?.goto ?? null, end: c.then?.end ?? null })),
      };
    }),
  };
}

/** The ids of the nodes a `goto` path reaches from the start or the hang-up node (mood can jump there). */
export function reachableIds(sk: Skeleton): Set<string> {
  const byId = new Map(sk.nodes.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const stack = [sk.start, ...(sk.onHangUp ? [sk.onHangUp] : [])].filter((id) => byId.has(id));
  for (const id of stack) seen.add(id);
  while (stack.length) {
    for (const l of byId.get(stack.pop()!)!.lines)
      if (l.goto && byId.has(l.goto) && !seen.has(l.goto)) {
        seen.add(l.goto);
        stack.push(l.goto);
      }
  }
  return seen;
}
