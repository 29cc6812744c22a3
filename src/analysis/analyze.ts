// Whole-call analysis: exhaustive search over the bounded state (waits jump to the next event),
// with dominance pruning, plus seeded random play. Pure: the caller measures time.
import { nextEventAt } from '../engine/clock.ts';
import { offeredChoices } from '../engine/affordances.ts';
import { ANGER, PATIENCE, type ChoiceModel, type ScenarioModel } from '../engine/model.ts';
import { scoreCall, warmLines, type Scorecard } from '../engine/scoring.ts';
import { MinHeap } from './heap.ts';
import { initialState, seedFor } from '../engine/step.ts';
import { applyPlan, searchPlans, type LoggedStep, type Plan } from './plans.ts';
import { randomPlay, workAt, type RandomPlayResult } from './random-play.ts';
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
  /** The search stopped before it was done: see `stoppedBy`. */
  readonly truncated: boolean;
  /**
   * What stopped the search: its state cap, its memory budget (estimated from the call's size)
   * or its work budget; null when it went through. Its best score and dead-content lists are
   * then what it found so far, completed by random play.
   */
  readonly stoppedBy: 'states' | 'memory' | 'work' | null;
  /** 'work': random play stopped at its work budget before its plays were done. */
  readonly randomStoppedBy: 'work' | null;
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
  /** The search's memory budget in bytes, estimated from the call's size (default 256 MB). */
  readonly memoryCap?: number;
  /** The search's work budget, in line evaluations (see `workAt`; default 60 million). */
  readonly workCap?: number;
  /** Random play's work budget (default `RANDOM_WORK`). */
  readonly randomWorkCap?: number;
  readonly randomPlays?: number;
  /** Also play the strategy baselines, with these options (the seed is the analysis's unless given). */
  readonly strategies?: StrategyOptions;
  /** A symptom family: analyse only the cause `seed` draws (by default every cause, each from its own seed). */
  readonly oneCause?: boolean;
};

/** A state met by the search; the state itself is dropped once expanded (paths need only logs). */
type Rec = {
  state: CallState | null;
  readonly parent: number;
  readonly log: readonly LoggedStep[];
  dead: boolean;
  /** Its plans, when already worked out on the way in. */
  plans: Plan[] | null;
};
/** The longest run of states with one way on that the search follows without keeping them. */
const CHAIN = 1_000;

/**
 * Analyses one call: winnable, best/worst score, best path, dead content, random-play win rate,
 * and the strategies when asked. A symptom family is analysed cause by cause.
 */
export function analyze(sc: ScenarioModel, opts: AnalyzeOptions = {}): Analysis {
  const seed = opts.seed ?? 1;
  // Each random play draws its own cause (its seed does): one run serves a whole family.
  const random = randomPlay(sc, opts.randomPlays ?? 2000, seed, true, opts.randomWorkCap);
  if (sc.causes.length === 0 || opts.oneCause) return analyzeSeed(sc, opts, seed, random);
  const each = sc.causes.map((cause, c) => {
    const s = seedFor(sc, c);
    return { cause, seed: s, a: analyzeSeed(sc, opts, s, random) };
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
    stoppedBy: all.find((a) => a.stoppedBy)?.stoppedBy ?? null,
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

/** The search's default budgets: what a trainer's machine can give one call. */
const STATE_CAP = 200_000;
const MEMORY_CAP = 256 * 1024 * 1024;
const SEARCH_WORK = 60_000_000;

/**
 * What a state waiting in the search's queue costs in memory, at most: its arrays when none is
 * shared with another state's (copy-on-write shares most), 8 bytes an element, and its objects.
 */
function stateBytes(sc: ScenarioModel): number {
  const cells = 2 * sc.choices.length + sc.facts.length + sc.nodes.length + sc.steps.length + sc.varNames.length;
  return 8 * cells + 160 * sc.tools.length + 800;
}

function analyzeSeed(sc: ScenarioModel, opts: AnalyzeOptions, seed: number, played: RandomPlayResult): Analysis {
  const cap = opts.stateCap ?? STATE_CAP;
  const memoryCap = opts.memoryCap ?? MEMORY_CAP;
  const workCap = opts.workCap ?? SEARCH_WORK;
  const perState = stateBytes(sc);
  // Bytes held besides the waiting states: situation keys, records and their logs.
  let held = 0;
  let waiting = 1;
  let work = 0;
  let stoppedBy: Analysis['stoppedBy'] = null;
  const recs: Rec[] = [{ state: initialState(sc, seed, 'exam'), parent: -1, log: [], dead: false, plans: null }];
  const fronts = new Map<string, Entry[]>();
  // Earliest first: a situation is then mostly reached first by its quickest path, and the
  // slower ways into it are pruned on arrival instead of being explored and superseded.
  const queue = new MinHeap();
  queue.push(0, 0);
  const visitedNodes = new Uint8Array(sc.nodes.length);
  const offered = new Uint8Array(sc.choices.length);
  const stepsDone = new Uint8Array(sc.steps.length);
  mark(visitedNodes, recs[0]!.state!.visited);
  const endings = new Set<string>();
  const softLocks = new Set<string>();
  /** The plans worth trying from `s`, noting the lines it offers and whether the call is stuck there. */
  const plansAt = (s: CallState): Plan[] => {
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
    return plans;
  };
  // Nodes and steps count as reached once a state gets there, kept or not (the arrays are
  // copied on write: the same array as before means nothing new).
  const reached = (from: CallState, to: CallState): void => {
    if (to.visited !== from.visited) mark(visitedNodes, to.visited);
    if (to.steps !== from.steps) mark(stepsDone, to.steps);
  };
  let best: { rec: number; card: Scorecard } | null = null;
  let worst = Infinity;
  while (queue.size) {
    stoppedBy =
      recs.length >= cap
        ? 'states'
        : waiting * perState + held >= memoryCap
          ? 'memory'
          : work >= workCap
            ? 'work'
            : null;
    if (stoppedBy) break;
    const r = queue.pop()!;
    const rec = recs[r]!;
    const s = rec.state!;
    rec.state = null;
    waiting--;
    // Overtaken while it waited in the queue: a later arrival got to its situation sooner and calmer.
    if (rec.dead) continue;
    if (s.ended) {
      const card = scoreCall(sc, s);
      endings.add(`${sc.nodes[s.node]!.id}:${s.ended.outcome}`);
      worst = Math.min(worst, card.total);
      if (!best || better(card, best.card)) best = { rec: r, card };
      continue;
    }
    const plans = rec.plans ?? plansAt(s);
    rec.plans = null;
    for (let i = plans.length - 1; i >= 0; i--) {
      let { state: next, log, steps } = applyPlan(sc, s, plans[i]!);
      work += steps * workAt(sc, s);
      if (next === s) continue;
      reached(s, next);
      // A state with one way on (a line being said, desk work that is due) is not kept: the search
      // goes straight on to the next state that offers a choice, or ends.
      let ahead: Plan[] | null = null;
      for (let n = 0; n < CHAIN && !next.ended; n++) {
        ahead = plansAt(next);
        if (ahead.length !== 1) break;
        const on = applyPlan(sc, next, ahead[0]!);
        work += on.steps * workAt(sc, next);
        if (on.state === next) break;
        reached(next, on.state);
        log = [...log, ...on.log];
        next = on.state;
        ahead = null;
      }
      const admitted = admit(sc, fronts, next, recs);
      if (!admitted) continue;
      held += admitted + RECORD_BYTES + LOGGED_BYTES * log.length;
      recs.push({ state: next, parent: r, log, dead: false, plans: ahead });
      queue.push(recs.length - 1, next.time);
      waiting++;
    }
  }
  const { seenNodes, seenChoices, randomBest, ...random } = played;
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
    truncated: stoppedBy !== null,
    stoppedBy,
    ...random,
    ...(opts.strategies && {
      strategies: strategyReport(sc, { seed, ...opts.strategies }, { ...random, randomBest }),
    }),
  };
}

function mark(seen: Uint8Array, reached: readonly unknown[]): void {
  for (let i = 0; i < reached.length; i++) if (reached[i]) seen[i] = 1;
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
 * been expanded yet. The new state's record will be `recs.length`. Returns the bytes the kept
 * state adds to the search's bookkeeping (about), or 0 when it is not kept.
 */
function admit(sc: ScenarioModel, fronts: Map<string, Entry[]>, s: CallState, recs: Rec[]): number {
  const key = situation(sc, s);
  const mark = measure(sc, s);
  const entry: Entry = { mark, rec: recs.length };
  const front = fronts.get(key);
  const entryBytes = ENTRY_BYTES + 8 * mark.length;
  if (!front) {
    fronts.set(key, [entry]);
    return KEY_BYTES + 2 * key.length + entryBytes;
  }
  if (front.some((f) => dominates(f.mark, mark))) return 0;
  const kept: Entry[] = [];
  for (const f of front) {
    if (!dominates(mark, f.mark)) kept.push(f);
    else if (recs[f.rec]!.state) recs[f.rec]!.dead = true;
  }
  kept.push(entry);
  fronts.set(key, kept.length > FRONT ? kept.slice(-FRONT) : kept);
  return entryBytes;
}

/** Rough sizes for the memory estimate: a situation's key, a way into it, a record, a logged action. */
const KEY_BYTES = 80;
const ENTRY_BYTES = 64;
const RECORD_BYTES = 96;
const LOGGED_BYTES = 64;

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
  const m = [s.time, cost, -Math.min(warmLines(s).length, sc.scoring.calm.empathyLines)];
  for (const f of memory(sc).fillers) m.push(s.said[f] ? 1 : 0);
  return m;
}

type Memory = {
  /** Per node, per line: whether its "already said" mark can still matter from that node. */
  readonly remembered: readonly Uint8Array[];
  /** The ranked questions (their being asked at all decides whether the order is scored). */
  readonly ranked: readonly number[];
  readonly fillers: readonly number[];
};
const memo = new WeakMap<ScenarioModel, Memory>();

/**
 * Which "already said" marks can still matter: lines of nodes the dialogue can still reach
 * from where it is, lines read by a condition of such a node, lines read by a condition met
 * anywhere (a tool's outcome, a diagnosis's evidence, a playbook line, the hang-up node), and
 * the playbook's once-only lines. A line of a node left for good cannot be offered again, and a
 * condition of such a node is never evaluated again: remembering the line only splits states.
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
  const index = new Map(sc.choices.map((c, i) => [c.id, i]));
  const always = sc.choices.map((c) => c.node < 0 && c.once);
  const readAt = sc.choices.map((): number[] => []);
  // Where a condition is evaluated: at a node (-1: anywhere, the hang-up node being entered from anywhere).
  const content = sc.choices.map(() => false);
  const read = (cond: ChoiceModel['cond'], at: number, generic = false): void => {
    for (const id of cond?.reads.choices ?? []) {
      const i = index.get(id);
      if (i === undefined) continue;
      if (!generic) content[i] = true;
      if (at < 0 || at === sc.onHangUp) always[i] = true;
      else if (!readAt[i]!.includes(at)) readAt[i]!.push(at);
    }
  };
  for (const c of sc.choices) {
    read(c.cond, c.node, c.node < 0);
    for (const u of c.reply ?? []) read(u.cond, c.node, c.node < 0);
  }
  sc.nodes.forEach((n, i) => n.customer.forEach((u) => read(u.cond, i)));
  for (const t of sc.tools) for (const o of t.outcomes) read(o.cond, -1);
  for (const d of sc.diagnoses) read(d.evidence, -1);
  const ranked = sc.choices.flatMap((c, i) => (c.rank > 0 ? [i] : []));
  // A question asked without leaving the node leaves its trace in the facts and steps it
  // brings; remembering that it was said as well would only split otherwise equal states. A
  // ranked one decides whether a later one comes in order, and is remembered while its node can be.
  const question = (c: ChoiceModel, i: number): boolean =>
    c.node >= 0 && c.once && c.goto < 0 && !c.end && c.rank === 0 && !always[i] && readAt[i]!.length === 0;
  const fillers = sc.choices.flatMap((c, i) => (c.node < 0 && c.once && !content[i] ? [i] : []));
  const remembered = reach.map((here) =>
    Uint8Array.from(sc.choices, (c, i) =>
      !fillers.includes(i) &&
      (always[i] || (!question(c, i) && c.node >= 0 && here[c.node]) || readAt[i]!.some((n) => here[n]))
        ? 1
        : 0,
    ),
  );
  const m = { remembered, ranked, fillers };
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
  const { remembered, ranked } = memory(sc);
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
