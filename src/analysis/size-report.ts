// Why the analyser's search is as large as it is: the nodes where its situations pile up, and
// the facts and lines whose being known or said splits them, measured on a sample of the
// situations the search met. What reads them (the conditions that keep them relevant) and the
// "go back" lines that keep a loop of nodes reachable come from the model. Pure.
import type { CompiledCondition } from '../engine/condition.ts';
import type { ScenarioModel } from '../engine/model.ts';
import type { CallState } from '../engine/types.ts';
import { liveFactsOf, relevance } from './relevance.ts';

/** What the search counted as it went: new situations per node, and a thinned sample of them. */
export type Census = { perNode: Uint32Array; sample: CallState[]; stride: number; seen: number };

/** A place in the call: a node, a line, a fact, a diagnosis, a tool's outcome, the ticket; `line` once located. */
export type Ref = {
  readonly kind: 'node' | 'line' | 'fact' | 'diagnosis' | 'tool' | 'ticket';
  readonly id: string;
  line?: number;
};

export type SizeItem = {
  readonly ref: Ref;
  /**
   * How many times over it multiplies the situations where it is known (or said): 2 when each of
   * them has a twin that differs only by it, 1 when none has (a node: its share of all
   * situations, in %).
   */
  readonly factor: number;
  /** Why it is kept apart (see the analyser's messages `analyze.size.why.*`). */
  readonly why: 'share' | 'read' | 'ranked' | 'loop' | 'global';
  /** The conditions (or places) that read it, or for a node the "go back" lines that loop to it. */
  readonly by: readonly Ref[];
};

export type SizeReport = {
  /** Distinct situations the search met, and the states it kept. */
  readonly situations: number;
  readonly states: number;
  readonly nodes: readonly SizeItem[];
  readonly facts: readonly SizeItem[];
  readonly lines: readonly SizeItem[];
};

/** How many of each kind the report names. */
const TOP = 5;
/** A fact or line splitting fewer situations than this is not worth naming. */
const MIN_FACTOR = 1.15;

/**
 * Names what multiplies the states. `has` says whether the search met a state's situation: a
 * sampled situation whose twin without a fact (or without a line said, and the facts it taught)
 * was met too is one the fact split in two.
 */
export function explainSize(
  sc: ScenarioModel,
  census: Census,
  has: (s: CallState) => boolean,
  states: number,
): SizeReport {
  const rel = relevance(sc);
  const situations = census.perNode.reduce((a, b) => a + b, 0);
  const factTwins = new Float64Array(sc.facts.length);
  const lineTwins = new Float64Array(sc.choices.length);
  const factSeen = new Float64Array(sc.facts.length);
  const lineSeen = new Float64Array(sc.choices.length);
  const fillers = new Set(rel.fillers);
  for (const s of census.sample) {
    const here = rel.remembered[s.node]!;
    const live = liveFactsOf(sc, s, () => {}).slice();
    for (let f = 0; f < s.facts.length; f++) {
      if (!s.facts[f] || !live[f]) continue;
      factSeen[f] = factSeen[f]! + 1;
      // The twin never learned f: nor said the remembered lines that teach it.
      const said = s.said.map((x, c) => x && !(here[c] && sc.choices[c]!.effects.learn.includes(f)));
      if (has(without(s, [f], said))) factTwins[f] = factTwins[f]! + 1;
    }
    for (let c = 0; c < s.said.length; c++) {
      if (!s.said[c] || !here[c] || fillers.has(c)) continue;
      lineSeen[c] = lineSeen[c]! + 1;
      const said = s.said.map((x, d) => x && d !== c);
      if (has(without(s, sc.choices[c]!.effects.learn, said))) lineTwins[c] = lineTwins[c]! + 1;
    }
  }
  // Where it is known (said): 2 when each such situation has its twin, 1 when none has.
  const factor = (twins: number, seen: number): number => (seen === 0 ? 1 : round(1 + twins / seen));
  const readers = whoReads(sc);
  const loops = goBackLines(sc);
  const facts = sc.facts
    .map((id, f): SizeItem => {
      const by = readers.facts[f]!;
      const global = by.some((r) => r.kind !== 'line' && r.kind !== 'node');
      return {
        ref: { kind: 'fact', id },
        factor: factor(factTwins[f]!, factSeen[f]!),
        why: global ? 'global' : 'read',
        by,
      };
    })
    .filter((x) => x.factor >= MIN_FACTOR);
  const lines = sc.choices
    .map((c, i): SizeItem => {
      const by = readers.lines[i]!;
      const why = by.length ? 'read' : c.rank > 0 ? 'ranked' : 'loop';
      const back = loops.filter((g) => inLoop(sc, c.node, g)).map(lineRef);
      return { ref: lineRef(i), factor: factor(lineTwins[i]!, lineSeen[i]!), why, by: why === 'read' ? by : back };
    })
    .filter((x) => x.factor >= MIN_FACTOR);
  const nodes = sc.nodes
    .map((node, i): SizeItem => {
      const share = situations ? round((100 * census.perNode[i]!) / situations) : 0;
      return {
        ref: { kind: 'node', id: node.id },
        factor: share,
        why: 'share',
        by: loops.filter((g) => inLoop(sc, i, g)).map(lineRef),
      };
    })
    .filter((x) => census.perNode[sc.index.nodes.get(x.ref.id)!]! > 0);
  const top = (xs: SizeItem[]): SizeItem[] => xs.sort((a, b) => b.factor - a.factor).slice(0, TOP);
  return { situations, states, nodes: top(nodes), facts: top(facts), lines: top(lines) };

  function lineRef(i: number): Ref {
    return { kind: 'line', id: sc.choices[i]!.id };
  }
}

/** A state as it would be had it never learned `facts` (nor written them in the ticket), with these lines said. */
function without(s: CallState, facts: readonly number[], said: readonly boolean[]): CallState {
  const keep = (f: number): boolean => !facts.includes(f);
  return {
    ...s,
    said,
    facts: s.facts.map((x, f) => x && keep(f)),
    notes: s.notes.filter(keep),
    ticketSaved: s.ticketSaved && s.ticketSaved.filter(keep),
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

/** The lines whose goto leads back to a node from which their own node can be reached again. */
function goBackLines(sc: ScenarioModel): number[] {
  const { reach } = relevance(sc);
  return sc.choices.flatMap((c, i) =>
    c.node >= 0 && c.goto >= 0 && c.goto !== c.node && reach[c.goto]![c.node] && c.goto < c.node ? [i] : [],
  );
}

/** Whether node `n` lies on the loop the go-back line `g` closes. */
function inLoop(sc: ScenarioModel, n: number, g: number): boolean {
  const { reach } = relevance(sc);
  const c = sc.choices[g]!;
  return n >= 0 && reach[c.goto]![n] === 1 && reach[n]![c.node] === 1;
}

/** Per fact and per line, the places whose conditions read it (or, for a fact, the ticket that notes it). */
function whoReads(sc: ScenarioModel): { facts: Ref[][]; lines: Ref[][] } {
  const facts = sc.facts.map((): Ref[] => []);
  const lines = sc.choices.map((): Ref[] => []);
  const add = (list: Ref[] | undefined, r: Ref): void => {
    if (list && !list.some((x) => x.kind === r.kind && x.id === r.id)) list.push(r);
  };
  const read = (cond: CompiledCondition | null, r: Ref): void => {
    for (const id of cond?.reads.facts ?? []) add(facts[sc.index.facts.get(id) ?? -1], r);
    for (const id of cond?.reads.choices ?? []) add(lines[sc.index.choices.get(id) ?? -1], r);
  };
  for (const c of sc.choices) {
    const r: Ref = { kind: 'line', id: c.id };
    read(c.cond, r);
    for (const u of c.reply ?? []) read(u.cond, r);
  }
  for (const n of sc.nodes) for (const u of n.customer) read(u.cond, { kind: 'node', id: n.id });
  for (const t of sc.tools) for (const o of t.outcomes) read(o.cond, { kind: 'tool', id: t.id });
  for (const d of sc.diagnoses) read(d.evidence, { kind: 'diagnosis', id: d.id });
  for (const f of sc.ticketNotes) add(facts[f], { kind: 'ticket', id: 'notes' });
  return { facts, lines };
}
