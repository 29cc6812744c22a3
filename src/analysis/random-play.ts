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
};

const MAX_ACTIONS = 1000;

/** Plays `n` calls choosing uniformly among every action a careless trainee might take. */
export function randomPlay(sc: ScenarioModel, n: number, seed: number): RandomPlayResult {
  let wins = 0;
  const outcomes: Record<string, number> = {};
  let rng = seedRng(seed ^ 0x5eed);
  const seenNodes = new Set<number>();
  const seenChoices = new Set<number>();
  let best: RandomPlayResult['randomBest'] = null;
  for (let i = 0; i < n; i++) {
    let s = initialState(sc, seed + i, 'exam');
    for (let guard = 0; guard < MAX_ACTIONS && !s.ended; guard++) {
      const choices = offeredChoices(sc, s);
      for (const c of choices) seenChoices.add(c);
      seenNodes.add(s.node);
      const actions = carelessActions(sc, s);
      const [f, next] = nextFloat(rng);
      rng = next;
      s = step(sc, s, actions[Math.floor(f * actions.length)]!).state;
    }
    seenNodes.add(s.node);
    const card = scoreCall(sc, s);
    if (card.won) wins++;
    outcomes[card.outcome] = (outcomes[card.outcome] ?? 0) + 1;
    if (!best || (card.won && !best.won) || (card.won === best.won && card.total > best.total))
      best = { total: card.total, outcome: card.outcome, won: card.won };
  }
  return {
    randomPlays: n,
    randomWinRate: n ? wins / n : 0,
    randomOutcomes: outcomes,
    seenNodes,
    seenChoices,
    randomBest: best,
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
    if (a.type !== 'pokeTool') return true;
    const tool = s.tools[sc.index.tools.get(a.tool)!]!;
    return tool.status !== 'running' && tool.pokes < 3;
  });
  const next = nextEventAt(sc, s);
  if (Number.isFinite(next) && next > s.time) out.push({ type: 'tick', ms: next - s.time });
  if (out.length === 0) out.push({ type: 'hangUp' });
  return out;
}
