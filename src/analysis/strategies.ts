// Strategy baselines: how naive and bad agents fare on a call, so a trainer can see that form
// does not win. Each strategy plays the call once for a seed through the engine (`step`, asking
// `offeredChoices` what is on offer, as random play does). The desk work — the diagnosis, the
// ticket notes, running and restarting tools, waiting, keeping the customer company, holds — is
// the analyser's own routine (desk.ts, plans.ts); only the dialogue policy varies (and, for two
// bad agents, one desk habit: see strategy-agents.ts). Pure and deterministic.
import { anyToolBusy, isTalking, offeredChoices } from '../engine/affordances.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { scoreCall, type Scorecard } from '../engine/scoring.ts';
import { initialState, step } from '../engine/step.ts';
import type { CallState } from '../engine/types.ts';
import type { PlaybookDoc, ScenarioDoc } from '../content/schema.ts';
import { deskWork } from './desk.ts';
import { applyPlan, longWait, type LoggedStep } from './plans.ts';
import { BAD, badAgent, NAIVE, naiveAgent, type Agent, type BadName, type NaiveName } from './strategy-agents.ts';
import type { RandomPlayResult } from './random-play.ts';

export { BAD, NAIVE, type BadName, type NaiveName } from './strategy-agents.ts';
export const STRATEGIES = [...NAIVE, 'random', ...BAD] as const;
export type StrategyName = (typeof STRATEGIES)[number];

/** How one strategy fared: the engine's scorecard total, outcome and verdict (`passed` is `won`). */
export type StrategyResult = {
  readonly score: number | null;
  readonly outcome: string | null;
  readonly passed: boolean;
  /** False when the call offers no way to make the bad agent's mistake (then nothing was played). */
  readonly applicable: boolean;
  /** Random play only: the share of its plays that passed (score and outcome are its best play's). */
  readonly winRate?: number;
};
export type StrategyReport = Readonly<Record<StrategyName, StrategyResult>>;

export type StrategyOptions = {
  readonly seed?: number;
  /**
   * Each line's length by choice id: its source text's (see `lineLengths`). Lines missing from
   * it are measured by their speaking time, which follows the text's length unless set by hand.
   */
  readonly lineLengths?: ReadonlyMap<string, number>;
};

export type StrategyPlay = {
  readonly state: CallState;
  readonly card: Scorecard;
  readonly log: readonly LoggedStep[];
};

/** A guard far above any call's actions: the engine ends a call at its max duration anyway. */
const MAX_ROUNDS = 5_000;

/** The length of every line's source text (the call's, and the playbook's lines), by choice id. */
export function lineLengths(doc: ScenarioDoc, playbook?: PlaybookDoc): Map<string, number> {
  const out = new Map<string, number>();
  for (const node of Object.values(doc.nodes)) for (const c of node.choices ?? []) out.set(c.id, c.text.length);
  for (const l of playbook?.lines ?? []) out.set(l.id, l.text.length);
  return out;
}

function lengthsOf(sc: ScenarioModel, opts: StrategyOptions): number[] {
  return sc.choices.map((c) => opts.lineLengths?.get(c.id) ?? c.duration);
}

/** Plays the call as `agent` would: its lines, the analyser's desk work and waiting routines. */
export function playAgent(sc: ScenarioModel, agent: Agent, seed: number): StrategyPlay {
  let s = initialState(sc, seed, 'exam');
  const log: LoggedStep[] = [];
  const act = (next: CallState, more: readonly LoggedStep[]): boolean => {
    if (next === s) return false;
    log.push(...more);
    s = next;
    return true;
  };
  const plan = (kind: 'wait' | 'company' | 'hold'): boolean => {
    const r = applyPlan(sc, s, { kind });
    return act(r.state, r.log);
  };
  // Capped twice: in rounds, and by the call's max duration (where the engine ends it anyway).
  for (let round = 0; round < MAX_ROUNDS && !s.ended && s.time <= sc.maxDuration; round++) {
    const desk = deskWork(sc, s, agent.desk);
    if (desk && act(step(sc, s, desk).state, [{ at: s.time, action: desk }])) continue;
    if (isTalking(s)) {
      if (plan('wait')) continue;
      break;
    }
    if (s.onHold) {
      const resume = { type: 'resume', thank: true } as const;
      if (act(step(sc, s, resume).state, [{ at: s.time, action: resume }])) continue;
      break;
    }
    // The strategies choose among the lines that move the call on; the playbook's fillers
    // ("I'm still with you…") are the waiting routine's.
    const lines = offeredChoices(sc, s).filter((c) => sc.choices[c]!.node >= 0);
    const c = agent.pick(s, lines);
    if (c >= 0) {
      const say = { type: 'say', choice: sc.choices[c]!.id } as const;
      if (act(step(sc, s, say).state, [{ at: s.time, action: say }])) continue;
    }
    if (anyToolBusy(s) && plan(longWait(s) ? 'hold' : 'company')) continue;
    if (!plan('wait')) break;
  }
  return { state: s, card: scoreCall(sc, s), log };
}

/** One strategy's play, or null when it is not applicable to this call (or is `random`). */
export function playStrategy(sc: ScenarioModel, name: StrategyName, opts: StrategyOptions = {}): StrategyPlay | null {
  if (name === 'random') return null;
  const len = lengthsOf(sc, opts);
  const agent = (NAIVE as readonly string[]).includes(name)
    ? naiveAgent(sc, name as NaiveName, len)
    : badAgent(sc, name as BadName, len);
  return agent ? playAgent(sc, agent, opts.seed ?? 1) : null;
}

const NOT_APPLICABLE: StrategyResult = { score: null, outcome: null, passed: false, applicable: false };

function resultOf(play: StrategyPlay | null): StrategyResult {
  if (!play) return NOT_APPLICABLE;
  return { score: play.card.total, outcome: play.card.outcome, passed: play.card.won, applicable: true };
}

/** Random play summarised as a strategy: its best play's score and outcome, and its win rate. */
export function randomResult(
  random: Pick<RandomPlayResult, 'randomPlays' | 'randomWinRate' | 'randomBest'>,
): StrategyResult {
  const best = random.randomBest;
  if (!random.randomPlays || !best) return NOT_APPLICABLE;
  return {
    score: best.total,
    outcome: best.outcome,
    passed: best.won,
    applicable: true,
    winRate: random.randomWinRate,
  };
}

/** The naive strategies only: what the checker warns about. */
export function naiveResults(sc: ScenarioModel, opts: StrategyOptions = {}): Record<NaiveName, StrategyResult> {
  const out = {} as Record<NaiveName, StrategyResult>;
  for (const name of NAIVE) out[name] = resultOf(playStrategy(sc, name, opts));
  return out;
}

/** Every strategy on one call; `random` from the random play already made (not applicable without one). */
export function strategyReport(
  sc: ScenarioModel,
  opts: StrategyOptions = {},
  random?: Pick<RandomPlayResult, 'randomPlays' | 'randomWinRate' | 'randomBest'>,
): StrategyReport {
  const out = { ...naiveResults(sc, opts), random: random ? randomResult(random) : NOT_APPLICABLE } as Record<
    StrategyName,
    StrategyResult
  >;
  for (const name of BAD) out[name] = resultOf(playStrategy(sc, name, opts));
  return out;
}
