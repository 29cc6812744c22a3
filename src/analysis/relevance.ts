// What can still change a call's future from a given node: the analyser's situations keep only
// that (see situation.ts). Worked out once per call from the model, never from a state.
import type { CompiledCondition } from '../engine/condition.ts';
import { envOf } from '../engine/draft.ts';
import type { ChoiceModel, ScenarioModel } from '../engine/model.ts';
import type { CallState } from '../engine/types.ts';

export type Relevance = {
  /** Per node, the nodes the dialogue can reach from it (itself included), by the lines' gotos. */
  readonly reach: readonly Uint8Array[];
  /** Per node, per line: whether its "already said" mark can still matter from that node. */
  readonly remembered: readonly Uint8Array[];
  /**
   * Per node, per fact: whether knowing it can still matter from that node, whatever the state
   * (see `watched` for the rest).
   */
  readonly liveFacts: readonly Uint8Array[];
  /**
   * Per node, the one-way conditions (see `oneWay`) that can still be evaluated from there and
   * read facts not in `liveFacts`: those facts matter only while such a condition is false.
   */
  readonly watched: readonly (readonly Watched[])[];
  /** Per node, per variable: whether its value can still matter from that node (anger and patience always do). */
  readonly liveVars: readonly Uint8Array[];
  /** The ranked questions (their being asked at all decides whether the order is scored). */
  readonly ranked: readonly number[];
  readonly fillers: readonly number[];
};

/** A condition that can only turn from false to true, and the facts it reads that nothing else keeps. */
export type Watched = { readonly cond: CompiledCondition; readonly facts: readonly number[] };

const memo = new WeakMap<ScenarioModel, Relevance>();

// A one-way predicate with its argument (an id, which may hold a `-`): read as one word.
const CALL = /\b(?:knows|said|visited|done|diagnosed|cause)\s*\(\s*[\p{L}\p{N}_-]*\s*\)/gu;

/**
 * Whether a condition, once true, stays true for the rest of the call: it reads only what never
 * goes back (facts are never unlearned, lines never unsaid, nodes never unvisited, steps never
 * undone, diagnoses never unstated, the cause never changes), with no negation and no
 * comparison. Judged on its source, conservatively: any `not`, `!`, `<`, `>`, `=`, `+`, `-`, a
 * variable, a tool, `elapsed` or `onHold` makes it two-way.
 */
export function oneWay(cond: CompiledCondition): boolean {
  return (
    cond.reads.vars.length === 0 &&
    cond.reads.tools.length === 0 &&
    !/\b(?:not|non|elapsed|onHold)\b|[!<>=+-]/u.test(cond.source.replace(CALL, 'x'))
  );
}

/** Where each name is read: by conditions met at these nodes, or anywhere (`always`). */
class Readers {
  readonly always: boolean[];
  readonly at: number[][];
  constructor(n: number) {
    this.always = Array.from({ length: n }, () => false);
    this.at = Array.from({ length: n }, () => []);
  }
  add(i: number | undefined, node: number, onHangUp: number): void {
    if (i === undefined) return;
    if (node < 0 || node === onHangUp) this.always[i] = true;
    else if (!this.at[i]!.includes(node)) this.at[i]!.push(node);
  }
  /** Per node: whether name i is read there or at a node reachable from there, or anywhere. */
  live(reach: readonly Uint8Array[]): Uint8Array[] {
    return reach.map((here) =>
      Uint8Array.from(this.always, (always, i) => (always || this.at[i]!.some((n) => here[n]) ? 1 : 0)),
    );
  }
}

/**
 * What can still matter from each node. A line's "already said" mark: lines of nodes the
 * dialogue can still reach, lines read by a condition of such a node or by a condition met
 * anywhere (a tool's outcome, a diagnosis's evidence, a playbook line, the hang-up node), and
 * the playbook's once-only lines. A fact or a variable: read by a condition of a reachable node
 * or by one met anywhere; a fact also when the desk or the score reads it (ticket notes, a
 * tool's outcome bringing it). A line of a node left for good cannot be offered again, and a
 * condition of such a node is never evaluated again: keeping what only they read splits states
 * whose futures are the same.
 */
export function relevance(sc: ScenarioModel): Relevance {
  const cached = memo.get(sc);
  if (cached) return cached;
  const reach = reachable(sc);
  const lines = new Readers(sc.choices.length);
  const facts = new Readers(sc.facts.length);
  const vars = new Readers(sc.varNames.length);
  // Lines read by the call's own conditions (not only the playbook's): never fillers.
  const content = sc.choices.map(() => false);
  // One-way conditions reading facts, and where they are met: their facts are watched, not kept.
  const oneWays: { cond: CompiledCondition; at: number }[] = [];
  const read = (cond: CompiledCondition | null, at: number, generic = false): void => {
    if (!cond) return;
    for (const id of cond.reads.choices) {
      const i = sc.index.choices.get(id);
      if (i !== undefined && !generic) content[i] = true;
      lines.add(i, at, sc.onHangUp);
    }
    if (cond.reads.facts.length && oneWay(cond)) oneWays.push({ cond, at: at === sc.onHangUp ? -1 : at });
    else for (const id of cond.reads.facts) facts.add(sc.index.facts.get(id), at, sc.onHangUp);
    for (const id of cond.reads.vars) vars.add(sc.index.vars.get(id), at, sc.onHangUp);
  };
  for (const c of sc.choices) {
    read(c.cond, c.node, c.node < 0);
    for (const u of c.reply ?? []) read(u.cond, c.node, c.node < 0);
  }
  sc.nodes.forEach((n, i) => n.customer.forEach((u) => read(u.cond, i)));
  for (const t of sc.tools)
    for (const o of t.outcomes) {
      read(o.cond, -1);
      // The desk runs a tool again only if its outcome would bring a fact not yet known.
      for (const f of o.effects.learn) facts.add(f, -1, sc.onHangUp);
    }
  for (const d of sc.diagnoses) read(d.evidence, -1);
  // The ticket's notes are written from the facts known (and scored against them).
  const noted = [...sc.ticketNotes, ...sc.ticketNotesByCause.flat(), ...sc.ticketUnconfirmed];
  for (const f of noted) facts.add(f, -1, sc.onHangUp);
  const always = sc.choices.map((c, i) => (c.node < 0 && c.once) || lines.always[i]!);
  const ranked = sc.choices.flatMap((c, i) => (c.rank > 0 ? [i] : []));
  // A question asked without leaving the node leaves its trace in the facts and steps it
  // brings; remembering that it was said as well would only split otherwise equal states. A
  // ranked one decides whether a later one comes in order, and is remembered while its node can be.
  const question = (c: ChoiceModel, i: number): boolean =>
    c.node >= 0 && c.once && c.goto < 0 && !c.end && c.rank === 0 && !always[i] && lines.at[i]!.length === 0;
  const fillers = sc.choices.flatMap((c, i) => (c.node < 0 && c.once && !content[i] ? [i] : []));
  const filler = new Set(fillers);
  const remembered = reach.map((here) =>
    Uint8Array.from(sc.choices, (c, i) =>
      !filler.has(i) &&
      (always[i] || (!question(c, i) && c.node >= 0 && here[c.node]) || lines.at[i]!.some((n) => here[n]))
        ? 1
        : 0,
    ),
  );
  const liveVars = vars.live(reach);
  // Anger and patience drive the customer whatever the conditions say.
  for (const l of liveVars) l.fill(1, 0, Math.min(2, l.length));
  const liveFacts = facts.live(reach);
  const watched = reach.map((here, n) => {
    const out: Watched[] = [];
    for (const { cond, at } of oneWays) {
      if (at >= 0 && !here[at]) continue;
      const ids = cond.reads.facts.map((f) => sc.index.facts.get(f)!).filter((f) => !liveFacts[n]![f]);
      if (ids.length && !out.some((w) => w.cond === cond)) out.push({ cond, facts: ids });
    }
    return out;
  });
  const r: Relevance = { reach, remembered, liveFacts, watched, liveVars, ranked, fillers };
  memo.set(sc, r);
  return r;
}

/** Per node, the nodes reachable from it through the lines' gotos (the hang-up node is met anywhere). */
function reachable(sc: ScenarioModel): Uint8Array[] {
  const next = sc.nodes.map((n) => [...new Set(n.choices.map((c) => sc.choices[c]!.goto).filter((g) => g >= 0))]);
  return sc.nodes.map((_, from) => {
    const seen = new Uint8Array(sc.nodes.length);
    const todo = [from];
    while (todo.length) {
      const n = todo.pop()!;
      if (seen[n]) continue;
      seen[n] = 1;
      for (const m of next[n]!) if (!seen[m]) todo.push(m);
    }
    return seen;
  });
}

let scratch = new Uint8Array(0);

/**
 * The facts that can still matter in state `s` (a scratch array, overwritten by the next call):
 * those its node keeps whatever the state, and those of a watched condition that is still false
 * (a true one stays true: what it reads no longer changes anything). `flag` is given each watched
 * condition's value, in a fixed order for the node: the situation's key records them, so that
 * two states with the same key keep the same facts.
 */
export function liveFactsOf(sc: ScenarioModel, s: CallState, flag: (v: boolean) => void): Uint8Array {
  const rel = relevance(sc);
  if (scratch.length !== sc.facts.length) scratch = new Uint8Array(sc.facts.length);
  scratch.set(rel.liveFacts[s.node]!);
  const env = rel.watched[s.node]!.length || s.queue.length ? envOf(sc, s) : null;
  const watch = (n: number): void => {
    for (const w of rel.watched[n]!) {
      const v = w.cond.evaluate(env!);
      flag(v);
      if (!v) for (const f of w.facts) scratch[f] = 1;
    }
  };
  watch(s.node);
  // A node already queued (by a line's goto) is reachable: what it reads counts as well.
  for (const q of s.queue)
    if (q.kind === 'enter' && q.node !== s.node) {
      const more = rel.liveFacts[q.node]!;
      for (let f = 0; f < more.length; f++) scratch[f] ||= more[f]!;
      watch(q.node);
    }
  return scratch;
}
