// Whole-call analysis: exhaustive search over the bounded state (waits jump to the next event),
// with dominance pruning, plus seeded random play. Pure: the caller measures time.
import { nextEventAt } from './clock.ts';
import { offeredChoices } from './dialogue.ts';
import { holds } from './draft.ts';
import type { ScenarioModel } from './model.ts';
import { nextFloat, seedRng } from './rng.ts';
import { scoreCall, type Scorecard } from './scoring.ts';
import { initialState, step } from './step.ts';
import type { Action, CallState } from './types.ts';

export type PathStep = { readonly at: number; readonly action: Exclude<Action, { type: 'tick' }> };

export type Analysis = {
  readonly id: string;
  readonly persona: string;
  readonly difficulty: number;
  readonly winnable: boolean;
  readonly bestScore: number;
  readonly worstScore: number;
  readonly bestPath: readonly string[];
  readonly bestLog: readonly PathStep[];
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

type Rec = { readonly state: CallState; readonly parent: number; readonly action: Action | null };

/** Analyses one call: winnable, best/worst score, best path, dead content, random-play win rate. */
export function analyze(sc: ScenarioModel, opts: AnalyzeOptions = {}): Analysis {
  const seed = opts.seed ?? 1;
  const cap = opts.stateCap ?? 200_000;
  const recs: Rec[] = [{ state: initialState(sc, seed, 'exam'), parent: -1, action: null }];
  const fronts = new Map<string, { time: number; cost: number }[]>();
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
    const actions = candidateActions(sc, s, choices, false);
    if (!actions.some((a) => a.type !== 'tick' && a.type !== 'hangUp') && nextEventAt(sc, s) >= sc.maxDuration && !s.speech) {
      softLocks.add(sc.nodes[s.node]!.id);
    }
    for (const a of actions) {
      const next = step(sc, s, a).state;
      if (next === s) continue;
      if (!admit(fronts, next)) continue;
      recs.push({ state: next, parent: r, action: a });
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

/** Keeps a state unless another in the same situation was there sooner at no greater cost. */
function admit(fronts: Map<string, { time: number; cost: number }[]>, s: CallState): boolean {
  const key = situation(s);
  const cost = s.angerIntegral / 1000 + s.deadAirMs / 100 + s.pokes.length * 50 + s.tones.length * 10
    + s.troubles.filter((t) => t.explainedAt < 0).length * 30 + s.holds.length * 5;
  const front = fronts.get(key);
  if (!front) {
    fronts.set(key, [{ time: s.time, cost }]);
    return true;
  }
  if (front.some((f) => f.time <= s.time && f.cost <= cost)) return false;
  const kept = front.filter((f) => !(s.time <= f.time && cost <= f.cost));
  kept.push({ time: s.time, cost });
  fronts.set(key, kept.length > 8 ? kept.slice(-8) : kept);
  return true;
}

/** Everything that shapes the future of a call, with times made relative to now. */
function situation(s: CallState): string {
  const t = s.time;
  const rel = (x: number): number => (x < 0 ? -1 : x - t);
  const tools = s.tools.map((x) => `${x.status[0]}${x.uses},${rel(x.runEnd)},${rel(x.crashAt)},${rel(x.freezeAt)},${rel(x.frozenUntil)},${rel(x.restartEnd)},${x.lastOutcome},${x.timedFired}`).join('|');
  const steps = s.steps.map((x) => (x ? (x.inOrder ? 2 : 1) : 0)).join('');
  const hold = s.onHold ? rel(s.holds[s.holds.length - 1]!.lastContact) : -2;
  return [
    s.node, s.speech ? `${s.speech.who}${rel(s.speech.until)}` : '', s.queue.map((q) => q.kind + ('node' in q ? q.node : 'choice' in q ? q.choice : q.outcome)).join(','),
    s.vars.join(','), bits(s.facts), bits(s.said), bits(s.visited), steps, tools, hold, s.holds.length,
    s.silenceSince < 0 ? -1 : Math.min(t - s.silenceSince, 60_000), s.prompts, s.stated.map((x) => x.diagnosis).join(','),
    s.notes.join(','), s.ticketSaved?.join(',') ?? '-', s.fatal.length, s.ended?.outcome ?? '', s.rng,
    s.troubles.filter((x) => x.explainedAt < 0 && !x.penalised).map((x) => rel(x.at)).join(','),
  ].join(';');
}

function bits(a: readonly boolean[]): string {
  let out = '';
  for (const b of a) out += b ? '1' : '0';
  return out;
}

/** The actions worth trying now; `wide` adds the poor ones a careless trainee would take. */
export function candidateActions(sc: ScenarioModel, s: CallState, choices: readonly number[], wide: boolean): Action[] {
  const out: Action[] = [];
  const next = nextEventAt(sc, s);
  const silent = !s.speech && s.queue.length === 0;
  if (silent) {
    for (const c of choices) out.push({ type: 'say', choice: sc.choices[c]!.id });
    s.tools.forEach((tool, i) => {
      const model = sc.tools[i]!;
      if (tool.status === 'crashed') out.push({ type: 'restartTool', tool: model.id });
      else if (tool.status === 'idle' && (wide ? model.configured || model.step >= 0 : toolWorthRunning(sc, s, i))) out.push({ type: 'runTool', tool: model.id });
      else if (wide && tool.status !== 'idle') out.push({ type: 'pokeTool', tool: model.id });
    });
    if (s.diagnosedAt < 0) {
      sc.diagnoses.forEach((dg, i) => {
        if (!s.stated.some((x) => x.diagnosis === i)) out.push({ type: 'diagnose', diagnosis: dg.id });
      });
    }
    const notes = sc.ticketNotes.filter((f) => s.facts[f]);
    if (notes.length && notes.join(',') !== s.notes.join(',')) out.push({ type: 'writeTicket', notes: notes.map((f) => sc.facts[f]!) });
    const busy = s.tools.some((x) => x.status !== 'idle' && x.status !== 'crashed');
    if (s.onHold) {
      out.push({ type: 'resume', thank: true });
      if (wide) out.push({ type: 'resume', thank: false });
      out.push({ type: 'checkIn' });
    } else if (busy || wide) {
      out.push({ type: 'hold', ask: true });
      if (wide) out.push({ type: 'hold', ask: false });
    }
  }
  if (Number.isFinite(next) && next > s.time) out.push({ type: 'tick', ms: next - s.time });
  if (wide && out.length === 0) out.push({ type: 'hangUp' });
  return out;
}

function toolWorthRunning(sc: ScenarioModel, s: CallState, t: number): boolean {
  const model = sc.tools[t]!;
  if (!model.configured && (model.step < 0 || !sc.steps[model.step]!.required)) return false;
  if (model.id === 'ticket') return s.ticketSaved === null || s.ticketSaved.join(',') !== s.notes.join(',');
  if (model.step >= 0 && !s.steps[model.step]) return true;
  const o = model.outcomes.findIndex((x) => holds(sc, s, x.cond));
  if (o < 0 || o === s.tools[t]!.lastOutcome) return false;
  const fx = model.outcomes[o]!.effects;
  return fx.learn.some((f) => !s.facts[f]) || fx.set.length > 0 || fx.add.length > 0;
}

function pathTo(recs: readonly Rec[], r: number): PathStep[] {
  const out: PathStep[] = [];
  for (let i = r; i > 0; i = recs[i]!.parent) {
    const rec = recs[i]!;
    const parent = recs[rec.parent]!.state;
    if (rec.action && rec.action.type !== 'tick') out.push({ at: parent.time, action: rec.action });
  }
  return out.reverse();
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

/** Plays `n` calls choosing uniformly among every sensible and careless action. */
export function randomPlay(sc: ScenarioModel, n: number, seed: number): { randomPlays: number; randomWinRate: number; randomOutcomes: Record<string, number> } {
  let wins = 0;
  const outcomes: Record<string, number> = {};
  let rng = seedRng(seed ^ 0x5eed);
  for (let i = 0; i < n; i++) {
    let s = initialState(sc, seed + i, 'exam');
    for (let guard = 0; guard < 2000 && !s.ended; guard++) {
      const actions = candidateActions(sc, s, offeredChoices(sc, s), true);
      const [f, next] = nextFloat(rng);
      rng = next;
      s = step(sc, s, actions[Math.floor(f * actions.length)]!).state;
    }
    const card = scoreCall(sc, s);
    if (card.won) wins++;
    outcomes[card.outcome] = (outcomes[card.outcome] ?? 0) + 1;
  }
  return { randomPlays: n, randomWinRate: n ? wins / n : 0, randomOutcomes: outcomes };
}
