// Whole-call analysis: exhaustive search over the bounded state (waits jump to the next event),
// with dominance pruning, plus seeded random play. Pure: the caller measures time.
import { nextEventAt } from './clock.ts';
import { offeredChoices } from './dialogue.ts';
import { ANGER, PATIENCE, PHASES, type ScenarioModel } from './model.ts';
import { scoreCall, type Scorecard } from './scoring.ts';
import { initialState } from './step.ts';
import { applyPlan, searchPlans, type LoggedStep } from './plans.ts';
import { randomPlay } from './random-play.ts';
import type { Action, CallState } from './types.ts';


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
};

export type AnalyzeOptions = { readonly seed?: number; readonly stateCap?: number; readonly randomPlays?: number };

type Rec = { readonly state: CallState; readonly parent: number; readonly log: readonly LoggedStep[] };

/** Analyses one call: winnable, best/worst score, best path, dead content, random-play win rate. */
export function analyze(sc: ScenarioModel, opts: AnalyzeOptions = {}): Analysis {
  const seed = opts.seed ?? 1;
  const cap = opts.stateCap ?? 200_000;
  const recs: Rec[] = [{ state: initialState(sc, seed, 'exam'), parent: -1, log: [] }];
  const fronts = new Map<string, Mark[]>();
  const stack: number[] = [0];
  const visitedNodes = new Set<number>();
  const offered = new Set<number>();
  const stepsDone = new Set<number>();
  const endings = new Set<string>();
  const softLocks = new Set<string>();
  let best: { rec: number; card: Scorecard } | null = null;
  let worst = Infinity;
  let truncated = false;
  while (stack.length) {
    if (recs.length >= cap) {
      truncated = true;
      break;
    }
    const r = stack.pop()!;
    const s = recs[r]!.state;
    s.visited.forEach((v, i) => v && visitedNodes.add(i));
    s.steps.forEach((v, i) => v && stepsDone.add(i));
    if (s.ended) {
      const card = scoreCall(sc, s);
      endings.add(`${sc.nodes[s.node]!.id}:${s.ended.outcome}`);
      worst = Math.min(worst, card.total);
      if (!best || better(card, best.card)) best = { rec: r, card };
      continue;
    }
    const choices = offeredChoices(sc, s);
    for (const c of choices) offered.add(c);
    const plans = searchPlans(sc, s, choices);
    if (!plans.some((p) => p.kind !== 'act' || p.action.type !== 'tick') && nextEventAt(sc, s) >= sc.maxDuration && !s.speech) {
      softLocks.add(sc.nodes[s.node]!.id);
    }
    // Pushed last-first so the search dives along the first (most natural) plan.
    for (let i = plans.length - 1; i >= 0; i--) {
      const { state: next, log } = applyPlan(sc, s, plans[i]!);
      if (next === s) continue;
      if (!admit(sc, fronts, next)) continue;
      recs.push({ state: next, parent: r, log });
      stack.push(recs.length - 1);
    }
  }
  const random = randomPlay(sc, opts.randomPlays ?? 2000, seed);
  const bestLog = best ? pathTo(recs, best.rec) : [];
  return {
    id: sc.id, persona: sc.persona, difficulty: sc.difficulty,
    winnable: best?.card.won ?? false, bestScore: best?.card.total ?? 0, worstScore: Number.isFinite(worst) ? worst : 0,
    bestPath: bestLog.map((p) => describe(p.action)), bestLog, bestCard: best?.card ?? null,
    endings: [...endings].sort(),
    unreachableNodes: sc.nodes.filter((_, i) => !visitedNodes.has(i)).map((n) => n.id),
    neverOfferedChoices: sc.choices.filter((c, i) => c.node >= 0 && !offered.has(i)).map((c) => c.id),
    stepsNeverDone: sc.steps.filter((st, i) => st.required && st.weight > 0 && !stepsDone.has(i)).map((st) => st.id),
    softLocks: [...softLocks].sort(), states: recs.length, truncated,
    ...random,
  };
}

function better(a: Scorecard, b: Scorecard): boolean {
  if (a.won !== b.won) return a.won;
  if (a.total !== b.total) return a.total > b.total;
  return a.duration < b.duration;
}

type Mark = readonly number[];

/** Keeps a state unless another in the same situation got there no later, at no greater cost. */
function admit(sc: ScenarioModel, fronts: Map<string, Mark[]>, s: CallState): boolean {
  const key = situation(sc, s);
  const mark = measure(s);
  const front = fronts.get(key);
  if (!front) {
    fronts.set(key, [mark]);
    return true;
  }
  if (front.some((f) => dominates(f, mark))) return false;
  const kept = front.filter((f) => !dominates(mark, f));
  kept.push(mark);
  fronts.set(key, kept.length > 8 ? kept.slice(-8) : kept);
  return true;
}

function dominates(a: Mark, b: Mark): boolean {
  for (let i = 0; i < a.length; i++) if (a[i]! > b[i]!) return false;
  return true;
}

/** What makes one state worse than another in the same situation: later, costlier, angrier. */
function measure(s: CallState): Mark {
  const unexplained = s.troubles.filter((t) => t.explainedAt < 0).length;
  const cost = s.angerIntegral / 1000 + s.deadAirMs / 100 + s.pokes.length * 50 + s.tones.length * 10 + unexplained * 30;
  const silence = s.silenceSince < 0 ? 0 : s.time - s.silenceSince;
  // Time left before each busy tool answers: waiting brings those closer, so it is progress.
  const pending = s.tools.map((t) => Math.max(0, t.runEnd - s.time, t.frozenUntil - s.time, t.restartEnd - s.time));
  return [s.time, cost, s.vars[ANGER]!, -s.vars[PATIENCE]!, s.holds.length, unexplained, s.prompts, silence, ...pending];
}

/**
 * Everything discrete that shapes the future of a call. Times, anger and patience are left
 * out: they are compared by dominance (calmer and sooner is better), which keeps this small.
 */
export function situation(sc: ScenarioModel, s: CallState): string {
  const tools = s.tools.map((x) => `${x.status[0]}${x.uses}.${x.lastOutcome}.${x.timedFired}`).join('|');
  const steps = s.steps.map((x) => (x ? (x.inOrder ? 2 : 1) : 0)).join('');
  let said = '';
  for (let i = 0; i < s.said.length; i++) if (sc.choices[i]!.once) said += s.said[i] ? '1' : '0';
  return [
    s.node, s.speech ? s.speech.who : '', s.queue.map((q) => q.kind + ('node' in q ? q.node : 'choice' in q ? q.choice : q.outcome)).join(','),
    s.vars.slice(2).join(','), bits(s.facts), said, steps, tools, s.onHold ? 1 : 0,
    s.stated.map((x) => x.diagnosis).join(','), s.notes.join(','), s.ticketSaved?.join(',') ?? '-', s.fatal.length,
    s.ended?.outcome ?? '', s.rng,
  ].join(';');
}

function bits(a: readonly boolean[]): string {
  let out = '';
  for (const b of a) out += b ? '1' : '0';
  return out;
}

function pathTo(recs: readonly Rec[], r: number): LoggedStep[] {
  const parts: (readonly LoggedStep[])[] = [];
  for (let i = r; i > 0; i = recs[i]!.parent) parts.push(recs[i]!.log);
  return parts.reverse().flat();
}

/** A short readable id for an action in a path: `say:greet_full`, `runTool:line_test`, `wait`. */
export function describe(a: Action): string {
  switch (a.type) {
    case 'say': return `say:${a.choice}`;
    case 'runTool': case 'pokeTool': case 'restartTool': case 'openTool': return `${a.type}:${a.tool}`;
    case 'diagnose': return `diagnose:${a.diagnosis}`;
    case 'hold': return a.ask ? 'hold:ask' : 'hold:silent';
    case 'resume': return a.thank ? 'resume:thank' : 'resume';
    case 'writeTicket': return `writeTicket:${a.notes.join('+')}`;
    case 'tick': return 'wait';
    default: return a.type;
  }
}
