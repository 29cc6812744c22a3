// Whole-call analysis: exhaustive search over the bounded state (waits jump to the next event),
// with dominance pruning, plus seeded random play. Pure: the caller measures time.
import { nextEventAt } from '../engine/clock.ts';
import { offeredChoices } from '../engine/affordances.ts';
import { ANGER, PATIENCE, type ChoiceModel, type ScenarioModel } from '../engine/model.ts';
import { scoreCall, warmLines, type Scorecard } from '../engine/scoring.ts';
import { MinHeap } from './heap.ts';
import { initialState, seedFor } from '../engine/step.ts';
import { applyPlan, searchPlans, type LoggedStep } from './plans.ts';
import { randomPlay } from './random-play.ts';
import { strategyReport, type StrategyOptions, type StrategyReport, type StrategyResult } from './strategies.ts';
import type { Action, CallState, ToolStatus } from '../engine/types.ts';

export type Analysis = {
  readonly id: string;
  readonly persona: string;
  readonly difficulty: number;
  readonly winnable: boolean;
  readonly bestScore: number;
  readonly worstScore: number;
  readonly bestPath: readonly string[];
  readonly bestLog: readonly LoggedStep[];
  readonly bestCard: Scorecard | null;
  readonly endings: readonly string[];
  readonly unreachableNodes: readonly string[];
  readonly neverOfferedChoices: readonly string[];
  readonly stepsNeverDone: readonly string[];
  readonly softLocks: readonly string[];
  readonly states: number;
  readonly truncated: boolean;
  readonly randomPlays: number;
  readonly randomWinRate: number;
  readonly randomOutcomes: Readonly<Record<string, number>>;
  /** How naive and bad agents fare (strategies.ts), when asked for with `strategies`. */
  readonly strategies?: StrategyReport;
  /**
   * A symptom family, cause by cause (each from a seed that draws it). The fields above then
   * hold for the family: winnable when every cause is, the lowest best score, the strategies'
   * highest scores, content unreachable under every cause.
   */
  readonly causes?: readonly CauseAnalysis[];
};

export type CauseAnalysis = {
  readonly cause: string;
  readonly seed: number;
  readonly winnable: boolean;
  readonly bestScore: number;
  readonly states: number;
  readonly strategies?: StrategyReport;
};

export type AnalyzeOptions = {
  readonly seed?: number;
  readonly stateCap?: number;
  readonly randomPlays?: number;
  /** Also play the strategy baselines, with these options (the seed is the analysis's unless given). */
  readonly strategies?: StrategyOptions;
  /** A symptom family: analyse only the cause `seed` draws (by default every cause, each from its own seed). */
  readonly oneCause?: boolean;
};

/** A state met by the search; the state itself is dropped once expanded (paths need only logs). */
type Rec = { state: CallState | null; readonly parent: number; readonly log: readonly LoggedStep[]; dead: boolean };

/**
 * Analyses one call: winnable, best/worst score, best path, dead content, random-play win rate,
 * and the strategies when asked. A symptom family is analysed cause by cause.
 */
export function analyze(sc: ScenarioModel, opts: AnalyzeOptions = {}): Analysis {
  if (sc.causes.length === 0 || opts.oneCause) return analyzeSeed(sc, opts, opts.seed ?? 1);
  const each = sc.causes.map((cause, c) => {
    const seed = seedFor(sc, c);
    return { cause, seed, a: analyzeSeed(sc, opts, seed) };
  });
  return familyAnalysis(each);
}

/** One analysis for a symptom family, from its causes' (see `Analysis.causes`). */
function familyAnalysis(each: readonly { cause: string; seed: number; a: Analysis }[]): Analysis {
  const all = each.map((x) => x.a);
  const worst = all.reduce((a, b) => (b.bestScore < a.bestScore || (a.winnable && !b.winnable) ? b : a));
  const everywhere = (pick: (a: Analysis) => readonly string[]): string[] =>
    pick(all[0]!).filter((x) => all.every((a) => pick(a).includes(x)));
  const anywhere = (pick: (a: Analysis) => readonly string[]): string[] => [...new Set(all.flatMap(pick))].sort();
  const plays = all.reduce((n, a) => n + a.randomPlays, 0);
  const outcomes: Record<string, number> = {};
  for (const a of all) for (const [k, v] of Object.entries(a.randomOutcomes)) outcomes[k] = (outcomes[k] ?? 0) + v;
  const strategies = all[0]!.strategies && familyStrategies(all.map((a) => a.strategies!));
  return {
    ...worst,
    winnable: all.every((a) => a.winnable),
    worstScore: Math.min(...all.map((a) => a.worstScore)),
    endings: anywhere((a) => a.endings),
    unreachableNodes: everywhere((a) => a.unreachableNodes),
    neverOfferedChoices: everywhere((a) => a.neverOfferedChoices),
    stepsNeverDone: everywhere((a) => a.stepsNeverDone),
    softLocks: anywhere((a) => a.softLocks),
    states: all.reduce((n, a) => n + a.states, 0),
    truncated: all.some((a) => a.truncated),
    randomPlays: plays,
    randomWinRate: plays ? all.reduce((n, a) => n + a.randomWinRate * a.randomPlays, 0) / plays : 0,
    randomOutcomes: outcomes,
    ...(strategies && { strategies }),
    causes: each.map(({ cause, seed, a }) => ({
      cause,
      seed,
      winnable: a.winnable,
      bestScore: a.bestScore,
      states: a.states,
      ...(a.strategies && { strategies: a.strategies }),
    })),
  };
}

/** A strategy over a family: its best cause (a naive strategy that passes one cause passes the call). */
function familyStrategies(reports: readonly StrategyReport[]): StrategyReport {
  const out: Record<string, StrategyResult> = {};
  for (const name of Object.keys(reports[0]!) as (keyof StrategyReport)[]) {
    const played = reports.map((r) => r[name]).filter((r) => r.applicable);
    out[name] = played.length
      ? played.reduce((a, b) =>
          (b.passed && !a.passed) || (b.passed === a.passed && (b.score ?? 0) > (a.score ?? 0)) ? b : a,
        )
      : reports[0]![name];
  }
  return out as StrategyReport;
}

function analyzeSeed(sc: ScenarioModel, opts: AnalyzeOptions, seed: number): Analysis {
  const cap = opts.stateCap ?? 200_000;
  const recs: Rec[] = [{ state: initialState(sc, seed, 'exam'), parent: -1, log: [], dead: false }];
  const fronts = new Map<string, Entry[]>();
  // Earliest first: a situation is then mostly reached first by its quickest path, and the
  // slower ways into it are pruned on arrival instead of being explored and superseded.
  const queue = new MinHeap();
  queue.push(0, 0);
  const visitedNodes = new Uint8Array(sc.nodes.length);
  const offered = new Uint8Array(sc.choices.length);
  const stepsDone = new Uint8Array(sc.steps.length);
  const endings = new Set<string>();
  const softLocks = new Set<string>();
  let best: { rec: number; card: Scorecard } | null = null;
  let worst = Infinity;
  let truncated = false;
  while (queue.size) {
    if (recs.length >= cap) {
      truncated = true;
      break;
    }
    const r = queue.pop()!;
    const rec = recs[r]!;
    const s = rec.state!;
    rec.state = null;
    for (let i = 0; i < s.visited.length; i++) if (s.visited[i]) visitedNodes[i] = 1;
    for (let i = 0; i < s.steps.length; i++) if (s.steps[i]) stepsDone[i] = 1;
    // Overtaken while it waited in the queue: a later arrival got to its situation sooner and calmer.
    if (rec.dead) continue;
    if (s.ended) {
      const card = scoreCall(sc, s);
      endings.add(`${sc.nodes[s.node]!.id}:${s.ended.outcome}`);
      worst = Math.min(worst, card.total);
      if (!best || better(card, best.card)) best = { rec: r, card };
      continue;
    }
    const choices = offeredChoices(sc, s);
    for (const c of choices) offered[c] = 1;
    const plans = searchPlans(sc, s, choices);
    if (
      !plans.some((p) => p.kind !== 'act' || p.action.type !== 'tick') &&
      nextEventAt(sc, s) >= sc.maxDuration &&
      !s.speech
    ) {
      softLocks.add(sc.nodes[s.node]!.id);
    }
    for (let i = plans.length - 1; i >= 0; i--) {
      const { state: next, log } = applyPlan(sc, s, plans[i]!);
      if (next === s) continue;
      if (!admit(sc, fronts, next, recs)) continue;
      recs.push({ state: next, parent: r, log, dead: false });
      queue.push(recs.length - 1, next.time);
    }
  }
  const { seenNodes, seenChoices, randomBest, ...random } = randomPlay(sc, opts.randomPlays ?? 2000, seed);
  for (const n of seenNodes) visitedNodes[n] = 1;
  for (const c of seenChoices) offered[c] = 1;
  const bestLog = best ? pathTo(recs, best.rec) : [];
  return {
    id: sc.id,
    persona: sc.persona,
    difficulty: sc.difficulty,
    winnable: best?.card.won ?? false,
    bestScore: best?.card.total ?? 0,
    worstScore: Number.isFinite(worst) ? worst : 0,
    bestPath: bestLog.map((p) => describe(p.action)),
    bestLog,
    bestCard: best?.card ?? null,
    endings: [...endings].sort(),
    unreachableNodes: sc.nodes.filter((_, i) => !visitedNodes[i]).map((n) => n.id),
    neverOfferedChoices: sc.choices.filter((c, i) => c.node >= 0 && !offered[i]).map((c) => c.id),
    stepsNeverDone: sc.scoredSteps.filter((i) => !stepsDone[i]).map((i) => sc.steps[i]!.id),
    softLocks: [...softLocks].sort(),
    states: recs.length,
    truncated,
    ...random,
    ...(opts.strategies && {
      strategies: strategyReport(sc, { seed, ...opts.strategies }, { ...random, randomBest }),
    }),
  };
}

function better(a: Scorecard, b: Scorecard): boolean {
  if (a.won !== b.won) return a.won;
  if (a.total !== b.total) return a.total > b.total;
  return a.duration < b.duration;
}

type Mark = readonly number[];
/** A way into a situation: how it measures, and the record that holds it. */
type Entry = { readonly mark: Mark; readonly rec: number };
/** How many incomparable ways into one situation are kept. */
const FRONT = 4;

/**
 * Keeps a state unless another in the same situation got there no later, at no greater cost.
 * The ways in that the new state beats are dropped, and so are their records if they have not
 * been expanded yet. The new state's record will be `recs.length`.
 */
function admit(sc: ScenarioModel, fronts: Map<string, Entry[]>, s: CallState, recs: Rec[]): boolean {
  const key = situation(sc, s);
  const mark = measure(sc, s);
  const entry: Entry = { mark, rec: recs.length };
  const front = fronts.get(key);
  if (!front) {
    fronts.set(key, [entry]);
    return true;
  }
  if (front.some((f) => dominates(f.mark, mark))) return false;
  const kept: Entry[] = [];
  for (const f of front) {
    if (!dominates(mark, f.mark)) kept.push(f);
    else if (recs[f.rec]!.state) recs[f.rec]!.dead = true;
  }
  kept.push(entry);
  fronts.set(key, kept.length > FRONT ? kept.slice(-FRONT) : kept);
  return true;
}

function dominates(a: Mark, b: Mark): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! > b[i]!) return false;
  return true;
}

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
  return [s.time, cost, -Math.min(warmLines(s).length, sc.scoring.calm.empathyLines)];
}

type Memory = {
  readonly reach: readonly (readonly boolean[])[];
  readonly always: readonly boolean[];
  readonly never: readonly boolean[];
};
const memo = new WeakMap<ScenarioModel, Memory>();

/**
 * Which "already said" marks can still matter: lines of nodes the dialogue can still reach
 * from where it is, lines some condition asks about, and the playbook's once-only lines. A
 * line of a node left for good cannot be offered again, so remembering it only splits states.
 */
function memory(sc: ScenarioModel): Memory {
  const cached = memo.get(sc);
  if (cached) return cached;
  const next = sc.nodes.map((n) => new Set(n.choices.map((c) => sc.choices[c]!.goto).filter((g) => g >= 0)));
  const reach = sc.nodes.map((_, from) => {
    const seen = sc.nodes.map(() => false);
    const todo = [from];
    while (todo.length) {
      const n = todo.pop()!;
      if (seen[n]) continue;
      seen[n] = true;
      todo.push(...next[n]!);
    }
    return seen;
  });
  const asked = new Set<string>();
  const conds = [
    ...sc.choices.map((c) => c.cond),
    ...sc.nodes.flatMap((n) => n.customer.map((u) => u.cond)),
    ...sc.tools.flatMap((t) => t.outcomes.map((o) => o.cond)),
    ...sc.diagnoses.map((d) => d.evidence),
    ...sc.choices.flatMap((c) => (c.reply ?? []).map((u) => u.cond)),
  ];
  for (const c of conds) for (const id of c?.reads.choices ?? []) asked.add(id);
  // A ranked question's being asked decides whether a later one comes in order: it is remembered.
  for (const c of sc.choices) if (c.rank > 0) asked.add(c.id);
  // A question asked without leaving the node leaves its trace in the facts and steps it
  // brings; remembering that it was said as well would only split otherwise equal states.
  const question = (c: ChoiceModel): boolean => c.node >= 0 && c.once && c.goto < 0 && !c.end;
  const m = {
    reach,
    always: sc.choices.map((c) => (c.node < 0 ? c.once : asked.has(c.id))),
    never: sc.choices.map((c) => question(c) && !asked.has(c.id)),
  };
  memo.set(sc, m);
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

/**
 * Everything discrete that shapes the future of a call. Times, anger and patience are left
 * out: they are compared by dominance (calmer and sooner is better), which keeps this small.
 */
export function situation(sc: ScenarioModel, s: CallState): string {
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
  for (let i = 2; i < s.vars.length; i++) k.code(s.vars[i]! + 0x8000);
  for (const f of s.facts) k.flag(f);
  k.flush();
  const { reach, always, never } = memory(sc);
  const here = reach[s.node]!;
  for (let i = 0; i < s.said.length; i++) {
    const node = sc.choices[i]!.node;
    if (always[i] || (!never[i] && node >= 0 && here[node])) k.flag(s.said[i]!);
  }
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

function pathTo(recs: readonly Rec[], r: number): LoggedStep[] {
  const parts: (readonly LoggedStep[])[] = [];
  for (let i = r; i > 0; i = recs[i]!.parent) parts.push(recs[i]!.log);
  return parts.reverse().flat();
}

/** A short readable id for an action in a path: `say:greet_full`, `runTool:line_test`, `wait`. */
export function describe(a: Action): string {
  switch (a.type) {
    case 'say':
      return `say:${a.choice}`;
    case 'runTool':
    case 'pokeTool':
    case 'restartTool':
      return `${a.type}:${a.tool}`;
    case 'diagnose':
      return `diagnose:${a.diagnosis}`;
    case 'hold':
      return a.ask ? 'hold:ask' : 'hold:silent';
    case 'resume':
      return a.thank ? 'resume:thank' : 'resume';
    case 'writeTicket':
      return `writeTicket:${a.notes.join('+')}`;
    case 'classifyTicket':
      return `classifyTicket:${a.category}+${a.priority}`;
    case 'tick':
      return 'wait';
    default:
      return a.type;
  }
}
