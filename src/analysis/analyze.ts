// Whole-call analysis: exhaustive search over the bounded state (waits jump to the next event),
// with dominance pruning, plus seeded random play. Pure: the caller measures time.
import { nextEventAt } from '../engine/clock.ts';
import { offeredChoices } from '../engine/affordances.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { scoreCall, type Scorecard } from '../engine/scoring.ts';
import { MinHeap } from './heap.ts';
import { initialState, seedFor } from '../engine/step.ts';
import { applyPlan, searchPlans, type LoggedStep, type Plan } from './plans.ts';
import { randomPlay, workAt, type RandomPlayResult } from './random-play.ts';
import { strategyReport, type StrategyOptions, type StrategyReport, type StrategyResult } from './strategies.ts';
import type { Action, CallState } from '../engine/types.ts';
import { measure, situation, type Mark } from './situation.ts';
import { explainSize, type Census, type SizeReport } from './size-report.ts';

export { measure, situation } from './situation.ts';

export type Analysis = {
  readonly id: string;
  readonly persona: string;
  readonly difficulty: number;
  readonly winnable: boolean;
  readonly bestScore: number;
  /**
   * `exact`: the search went through, `bestScore` is the best there is. `atLeast`: a budget
   * stopped it, `bestScore` is the best it found (the best there is may be higher), and a call
   * it found no win for may still be winnable.
   */
  readonly bestIs: 'exact' | 'atLeast';
  readonly worstScore: number;
  readonly bestPath: readonly string[];
  readonly bestLog: readonly LoggedStep[];
  readonly bestCard: Scorecard | null;
  readonly endings: readonly string[];
  /** Per ending reached (`node:outcome`), the best and lowest totals met there (see `EndingScore`). */
  readonly endingScores: readonly EndingScore[];
  /** What multiplies the search's states (with `explain`, or when a budget stopped it). */
  readonly size?: SizeReport;
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

/**
 * One ending's scores: `best` is as exact as the call's best score (a lower bound when the search
 * was stopped: `Analysis.bestIs`); `worst` is the lowest total met on the way (dominated ways in
 * are dropped, so a worse play may exist); `passes`: its best play wins the call.
 */
export type EndingScore = {
  readonly ending: string;
  readonly node: string;
  readonly outcome: string;
  readonly best: number;
  readonly worst: number;
  readonly passes: boolean;
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
  /** Always say what multiplies the states (`size`); by default only when a budget stops the search. */
  readonly explain?: boolean;
  /**
   * For tests of the pruning's soundness: situations keep every fact and variable, whether or not
   * anything reachable still reads it (slower; the results must be the same).
   */
  readonly keepAll?: boolean;
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
    bestIs: all.every((a) => a.bestIs === 'exact') ? 'exact' : 'atLeast',
    endings: anywhere((a) => a.endings),
    endingScores: familyEndings(all.map((a) => a.endingScores)),
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

/** An ending over a family: its best under any cause (the cause a trainer must worry about), its lowest under any. */
function familyEndings(each: readonly (readonly EndingScore[])[]): EndingScore[] {
  const by = new Map<string, EndingScore>();
  for (const e of each.flat()) {
    const had = by.get(e.ending);
    by.set(
      e.ending,
      had
        ? {
            ...had,
            best: Math.max(had.best, e.best),
            worst: Math.min(had.worst, e.worst),
            passes: had.passes || e.passes,
          }
        : e,
    );
  }
  return sortEndings([...by.values()]);
}

/** Best first, then by name: the ending a trainer expects to win on top, a wrong one that passes stands out. */
function sortEndings(list: EndingScore[]): EndingScore[] {
  return list.sort((a, b) => b.best - a.best || a.ending.localeCompare(b.ending));
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
  const endingScores = new Map<string, { best: Scorecard; worst: number; node: number }>();
  // What the size report reads (size-report.ts): new situations per node, and a sample of them.
  const census: Census = { perNode: new Uint32Array(sc.nodes.length), sample: [], stride: 1, seen: 0 };
  const keyOf = (s: CallState): string => situation(sc, s, opts.keepAll);
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
      const ending = `${sc.nodes[s.node]!.id}:${s.ended.outcome}`;
      endings.add(ending);
      const had = endingScores.get(ending);
      if (!had) endingScores.set(ending, { best: card, worst: card.total, node: s.node });
      else {
        if (card.total > had.best.total || (card.total === had.best.total && card.won && !had.best.won))
          had.best = card;
        had.worst = Math.min(had.worst, card.total);
      }
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
      const admitted = admit(sc, fronts, next, recs, keyOf, census);
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
  const explain = opts.explain || stoppedBy !== null;
  return {
    id: sc.id,
    persona: sc.persona,
    difficulty: sc.difficulty,
    winnable: best?.card.won ?? false,
    bestScore: best?.card.total ?? 0,
    bestIs: stoppedBy === null ? 'exact' : 'atLeast',
    worstScore: Number.isFinite(worst) ? worst : 0,
    bestPath: bestLog.map((p) => describe(p.action)),
    bestLog,
    bestCard: best?.card ?? null,
    endings: [...endings].sort(),
    endingScores: sortEndings(
      [...endingScores].map(([ending, e]) => ({
        ending,
        node: sc.nodes[e.node]!.id,
        outcome: ending.slice(ending.lastIndexOf(':') + 1),
        best: e.best.total,
        worst: e.worst,
        passes: e.best.won,
      })),
    ),
    ...(explain && { size: explainSize(sc, census, (s) => fronts.has(keyOf(s)), recs.length) }),
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
function admit(
  sc: ScenarioModel,
  fronts: Map<string, Entry[]>,
  s: CallState,
  recs: Rec[],
  keyOf: (s: CallState) => string,
  census: Census,
): number {
  const key = keyOf(s);
  const mark = measure(sc, s);
  const entry: Entry = { mark, rec: recs.length };
  const front = fronts.get(key);
  const entryBytes = ENTRY_BYTES + 8 * mark.length;
  if (!front) {
    fronts.set(key, [entry]);
    count(census, s);
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

/** Counts a new situation, and keeps one in `stride` of them in the sample (thinned as it fills up). */
function count(census: Census, s: CallState): void {
  census.perNode[s.node] = census.perNode[s.node]! + 1;
  if (census.seen++ % census.stride !== 0) return;
  census.sample.push(s);
  if (census.sample.length < SAMPLE * 2) return;
  census.sample = census.sample.filter((_, i) => i % 2 === 0);
  census.stride *= 2;
}
const SAMPLE = 64;

/** Rough sizes for the memory estimate: a situation's key, a way into it, a record, a logged action. */
const KEY_BYTES = 80;
const ENTRY_BYTES = 64;
const RECORD_BYTES = 96;
const LOGGED_BYTES = 64;

function dominates(a: Mark, b: Mark): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! > b[i]!) return false;
  return true;
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
