// Seeded random play: how often does a trainee who clicks anything win the call?
import { enumerateActions, offeredChoices } from '../engine/affordances.ts';
import { nextEventAt } from '../engine/clock.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { nextFloat, seedRng } from '../engine/rng.ts';
import { scoreCall } from '../engine/scoring.ts';
import { initialState, step } from '../engine/step.ts';
import type { Action, CallState } from '../engine/types.ts';

export type RandomPlayResult = {
  randomPlays: number;
  randomWinRate: number;
  randomOutcomes: Record<string, number>;
  /** What random play reached: witnesses that a node or line is reachable at all. */
  seenNodes: Set<number>;
  seenChoices: Set<number>;
  /** The best-scoring play (the earliest among equals), or null when none was played. */
  randomBest: { readonly total: number; readonly outcome: string; readonly won: boolean } | null;
  /** 'work': random play stopped at its work budget before its plays were done (a very large call). */
  randomStoppedBy: 'work' | null;
};

/**
 * Random play's default work budget, in line evaluations: each action weighs one plus the lines
 * of the node it is taken in (what choosing it costs). The library's calls use about a tenth of
 * it; a call with thousands of lines in one node stops after a few plays instead of minutes.
 */
export const RANDOM_WORK = 10_000_000;

/** What an action costs random play or the search: one, plus the lines of the node it is taken in. */
export function workAt(sc: ScenarioModel, s: CallState): number {
  return 1 + sc.nodes[s.node]!.choices.length + sc.generic.length;
}

const MAX_ACTIONS = 1000;
/** Plays always made before stopping early, and the precision that lets random play stop. */
const MIN_PLAYS = 200;
const PRECISION = 0.01;
const Z95 = 1.96;

/** The Wilson 95% interval of a win rate: [low, high]. */
export function winRateInterval(wins: number, n: number): readonly [number, number] {
  if (n === 0) return [0, 1];
  const p = wins / n;
  const z2 = Z95 * Z95;
  const mid = p + z2 / (2 * n);
  const half = Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, (mid - half) / (1 + z2 / n)), Math.min(1, (mid + half) / (1 + z2 / n))];
}

/**
 * Plays up to `n` calls choosing uniformly among every action a careless trainee might take. It
 * stops early (after at least 200 plays) once the win rate is known to within a percentage
 * point: the upper end of its 95% interval below 1% when nothing wins, else an interval one point
 * wide at most. `adaptive: false` plays all `n`.
 */
export function randomPlay(
  sc: ScenarioModel,
  n: number,
  seed: number,
  adaptive = true,
  workCap = RANDOM_WORK,
): RandomPlayResult {
  let wins = 0;
  const outcomes: Record<string, number> = {};
  let rng = seedRng(seed ^ 0x5eed);
  const seenNodes = new Set<number>();
  const seenChoices = new Set<number>();
  let best: RandomPlayResult['randomBest'] = null;
  let played = 0;
  let work = 0;
  let stopped: RandomPlayResult['randomStoppedBy'] = null;
  for (let i = 0; i < n; i++) {
    if (work >= workCap) {
      stopped = 'work';
      break;
    }
    if (adaptive && i >= MIN_PLAYS && i % 50 === 0) {
      const [low, high] = winRateInterval(wins, i);
      if (wins === 0 ? high < PRECISION : high - low < 2 * PRECISION) break;
    }
    played++;
    let s = initialState(sc, seed + i, 'exam');
    // A play stops at a critical fault: it can no longer be won (counted under `critical`).
    for (let guard = 0; guard < MAX_ACTIONS && !s.ended && s.fatal.length === 0; guard++) {
      const choices = offeredChoices(sc, s);
      for (const c of choices) seenChoices.add(c);
      seenNodes.add(s.node);
      work += workAt(sc, s);
      const actions = carelessActions(sc, s);
      const [f, next] = nextFloat(rng);
      rng = next;
      s = step(sc, s, actions[Math.floor(f * actions.length)]!).state;
    }
    seenNodes.add(s.node);
    const card = scoreCall(sc, s);
    if (card.won) wins++;
    const outcome = s.fatal.length > 0 && !s.ended ? 'critical' : card.outcome;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    if (!best || (card.won && !best.won) || (card.won === best.won && card.total > best.total))
      best = { total: card.total, outcome, won: card.won };
  }
  return {
    randomPlays: played,
    randomWinRate: played ? wins / played : 0,
    randomOutcomes: outcomes,
    seenNodes,
    seenChoices,
    randomBest: best,
    randomStoppedBy: stopped,
  };
}

/**
 * What a careless trainee might do now: any legal action but hanging up (a last resort), a few
 * impatient clicks on a tool that cannot answer at most, ticket notes only when they change,
 * and letting time run to the next event.
 */
export function carelessActions(sc: ScenarioModel, s: CallState): Action[] {
  const notes = s.notes.map((f) => sc.facts[f]!).join();
  const out: Action[] = enumerateActions(sc, s).filter((a) => {
    if (a.type === 'hangUp') return false;
    if (a.type === 'writeTicket') return a.notes.length > 0 && a.notes.join() !== notes;
    if (a.type === 'classifyTicket')
      return s.ticketClass?.category !== a.category || s.ticketClass.priority !== a.priority;
    if (a.type !== 'pokeTool') return true;
    const tool = s.tools[sc.index.tools.get(a.tool)!]!;
    return tool.status !== 'running' && tool.pokes < 3;
  });
  const next = nextEventAt(sc, s);
  if (Number.isFinite(next) && next > s.time) out.push({ type: 'tick', ms: next - s.time });
  if (out.length === 0) out.push({ type: 'hangUp' });
  return out;
}
