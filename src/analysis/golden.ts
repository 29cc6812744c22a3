// The shape of a golden replay: a call's best path and the scorecard it must keep giving.
import type { ScenarioModel } from '../engine/model.ts';
import type { LogEntry } from '../engine/replay.ts';
import { scoreCall } from '../engine/scoring.ts';
import type { CallState, Mode } from '../engine/types.ts';

export const GOLDEN_SEED = 1;

export type GoldenCard = {
  readonly outcome: string;
  readonly total: number;
  readonly process: number;
  readonly diagnosis: number;
  readonly calmness: number;
  readonly won: boolean;
  readonly lines: Readonly<Record<string, number>>;
};

export type Golden = {
  readonly scenario: string;
  readonly seed: number;
  readonly mode: Mode;
  readonly log: readonly LogEntry[];
  readonly expected: GoldenCard;
};

/** The parts of a scorecard a golden replay pins (credits rounded to 3 decimals). */
export function goldenCard(s: CallState, sc: ScenarioModel): GoldenCard {
  const c = scoreCall(sc, s);
  return {
    outcome: c.outcome,
    total: c.total,
    process: c.process,
    diagnosis: c.diagnosis.score,
    calmness: c.calmness,
    won: c.won,
    lines: Object.fromEntries(c.lines.map((l) => [l.id, Math.round(l.credit * 1000) / 1000])),
  };
}
