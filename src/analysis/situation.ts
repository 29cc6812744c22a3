// The analyser's situations: what a state's key keeps (everything discrete that can still shape
// the call's future) and how states in the same situation are compared (time and cost, by
// dominance). Two states with the same key must have the same futures: see relevance.ts.
import { ANGER, PATIENCE, type ScenarioModel } from '../engine/model.ts';
import { warmLines } from '../engine/scoring.ts';
import type { CallState, ToolStatus } from '../engine/types.ts';
import { liveFactsOf, relevance } from './relevance.ts';

export type Mark = readonly number[];

/**
 * What makes one state worse than another in the same situation: later, or costlier (anger,
 * impatience, dead air, unexplained waits, rage clicks...).
 */
export function measure(sc: ScenarioModel, s: CallState): Mark {
  let unexplained = 0;
  for (const t of s.troubles) if (t.explainedAt < 0 && t.perceived) unexplained++;
  let early = 0;
  for (const st of s.steps) if (st && !st.inOrder) early++;
  let wrong = 0;
  for (const x of s.stated) if (!x.correct) wrong++;
  const cost =
    s.angerIntegral / 1000 +
    s.deadAirMs / 100 +
    s.pokes.length * 50 +
    s.tones.length * 10 +
    unexplained * 30 +
    s.vars[ANGER]! * 20 -
    s.vars[PATIENCE]! * 20 +
    s.holds.length * 5 +
    s.prompts * 10 +
    early * 100 +
    wrong * 100 +
    s.misordered.length * 100;
  // More warm lines (up to the empathy credit's cap) is better: a third measure, compared by dominance.
  const m = [s.time, cost, -Math.min(warmLines(s).length, sc.scoring.calm.empathyLines)];
  for (const f of relevance(sc).fillers) m.push(s.said[f] ? 1 : 0);
  return m;
}

const STATUS_CODE: Record<ToolStatus, number> = { idle: 0, running: 1, frozen: 2, crashed: 3, restarting: 4 };
const SEGMENT_CODE = { enter: 0, reply: 1, end: 2 } as const;
const OUTCOME_CODE: Record<string, number> = { resolved: 1, escalated: 2, lost: 3, left: 4, needless: 5 };

/** Builds a situation key: 16-bit codes turned into one flat string (short, and quick to hash). */
class KeyBuilder {
  private readonly codes: number[] = [];
  private bits = 0;
  private nbits = 0;

  code(n: number): void {
    this.codes.push(n & 0xffff);
  }

  flag(b: boolean): void {
    if (b) this.bits |= 1 << this.nbits;
    if (++this.nbits === 16) this.flush();
  }

  /** Ends a run of flags (so the next field never shares a code with them). */
  flush(): void {
    if (this.nbits === 0) return;
    this.codes.push(this.bits);
    this.bits = 0;
    this.nbits = 0;
  }

  done(): string {
    this.flush();
    const k = String.fromCharCode.apply(null, this.codes);
    this.codes.length = 0;
    return k;
  }
}
const keys = new KeyBuilder();
const flagValue = (v: boolean): void => keys.flag(v);

/**
 * Everything discrete that shapes the future of a call. Times, anger and patience are left
 * out: they are compared by dominance (calmer and sooner is better), which keeps this small.
 * Facts and variables nothing reachable reads any more are left out too (relevance.ts);
 * `keepAll` keeps them, to check that leaving them out changes no result.
 */
export function situation(sc: ScenarioModel, s: CallState, keepAll = false): string {
  // Built code by code: this runs for every state met, and it is the search's hottest function.
  // Every variable-length part is preceded by its length, so two situations never share a key.
  const k = keys;
  k.code(s.node);
  k.code(s.speech ? (s.speech.who === 'agent' ? 1 : 2) : 0);
  k.code(s.queue.length);
  for (const q of s.queue) {
    k.code(SEGMENT_CODE[q.kind]);
    k.code(q.kind === 'enter' ? q.node : q.kind === 'reply' ? q.choice : OUTCOME_CODE[q.outcome]!);
  }
  // A call with a critical fault can no longer be won (its total is 0): only where it goes in the
  // dialogue still matters (the nodes and endings it reaches), so its situations are few.
  if (s.fatal.length > 0) {
    k.code(0xfffe);
    k.code(s.ended ? OUTCOME_CODE[s.ended.outcome]! : 0);
    return k.done();
  }
  // Only the facts and variables something reachable from here still reads (relevance.ts): the
  // rest can no longer change what happens. A queued node counts as reachable (it is, by its goto).
  const { remembered, ranked, liveVars } = relevance(sc);
  let vars = liveVars[s.node]!;
  for (const q of s.queue)
    if (q.kind === 'enter' && q.node !== s.node && !keepAll) vars = union(vars, liveVars[q.node]!);
  for (let i = 2; i < s.vars.length; i++) k.code(keepAll || vars[i] ? s.vars[i]! + 0x8000 : 0xffff);
  if (keepAll) for (const f of s.facts) k.flag(f);
  else {
    // The watched conditions' values first (their number is fixed by the node and the queue),
    // then the facts they and the node keep.
    const facts = liveFactsOf(sc, s, flagValue);
    k.flush();
    for (let f = 0; f < s.facts.length; f++) if (facts[f]) k.flag(s.facts[f]!);
  }
  k.flush();
  const here = remembered[s.node]!;
  for (let i = 0; i < s.said.length; i++) if (here[i]) k.flag(s.said[i]!);
  let rankedSaid = false;
  for (const i of ranked) rankedSaid ||= s.said[i]!;
  k.flag(rankedSaid);
  k.flush();
  for (const st of s.steps) k.flag(st !== null);
  k.flush();
  for (const t of s.tools) {
    k.code(STATUS_CODE[t.status]);
    k.code(t.uses);
    k.code(t.lastOutcome + 1);
    k.code(t.timedFired);
  }
  k.code((s.onHold ? 1 : 0) | (s.diagnosedAt >= 0 ? 2 : 0));
  k.code(s.notes.length);
  for (const n of s.notes) k.code(n);
  k.code(s.ticketSaved ? s.ticketSaved.length + 1 : 0);
  for (const n of s.ticketSaved ?? []) k.code(n);
  const { categories, priorities } = sc.scoring.ticket;
  for (const c of [s.ticketClass, s.ticketSavedClass])
    k.code(c ? 1 + categories.indexOf(c.category) * priorities.length + priorities.indexOf(c.priority) : 0);
  k.code(s.fatal.length);
  k.code(s.ended ? OUTCOME_CODE[s.ended.outcome]! : 0);
  k.code(s.rng >>> 16);
  k.code(s.rng);
  return k.done();
}

function union(a: Uint8Array, b: Uint8Array): Uint8Array {
  return a.map((x, i) => x | b[i]!);
}
