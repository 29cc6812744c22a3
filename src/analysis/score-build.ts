// How a call's Total was built, with the call's own numbers read from the model: the three
// scores and their weights, what the outcome and an automatic fail do, what Passed requires. Pure.
import { WINNING, type ScenarioModel } from '../engine/model.ts';
import type { Scorecard, Section } from '../engine/scoring.ts';

export type ScoreTerm = { readonly section: Section; readonly weight: number; readonly score: number };

export type ScoreBuild = {
  readonly terms: readonly ScoreTerm[];
  /** Sum of the weights (the playbook's sum to 100). */
  readonly weights: number;
  /** The weighted average, before the outcome and automatic fails (one decimal). */
  readonly average: number;
  /** The factor a call not resolved nor escalated is multiplied by, or null when it was. */
  readonly lostFactor: number | null;
  /** The automatic fails (their labels' keys and parameters) that set the total to 0. */
  readonly fatal: readonly { readonly key: string; readonly params: Readonly<Record<string, string | number>> }[];
  readonly total: number;
  readonly pass: number;
  /** The share of the outcome's weight each outcome earns, in % (when the outcome has a weight). */
  readonly outcomes: Readonly<Record<string, number>> | null;
  /** What Passed requires, each with whether this call met it. */
  readonly needs: { readonly finished: boolean; readonly noFatal: boolean; readonly score: boolean };
  readonly won: boolean;
};

/** The arithmetic of the scorecard's Total, as scoring.ts does it, for the explainer. */
export function scoreBuild(sc: ScenarioModel, card: Scorecard): ScoreBuild {
  const w = sc.scoring.weights;
  const terms: ScoreTerm[] = [
    { section: 'process', weight: w.process, score: card.process },
    { section: 'diagnosis', weight: w.diagnosis, score: card.diagnosis.score },
    { section: 'calmness', weight: w.calmness, score: card.calmness },
    ...(w.resolution > 0 ? [{ section: 'resolution' as const, weight: w.resolution, score: card.resolution }] : []),
  ];
  const weights = terms.reduce((a, x) => a + x.weight, 0);
  const average = weights ? terms.reduce((a, x) => a + x.weight * x.score, 0) / weights : 0;
  const finished = card.outcome !== 'unfinished' && WINNING.has(card.outcome);
  const fatal = card.lines.filter((l) => l.status === 'fatal').map((l) => ({ key: l.key, params: l.params }));
  return {
    terms,
    weights,
    average: Math.round(average * 10) / 10,
    lostFactor: finished ? null : sc.scoring.lostFactor,
    fatal,
    total: card.total,
    pass: sc.scoring.passScore,
    outcomes:
      w.resolution > 0
        ? Object.fromEntries(Object.entries(sc.scoring.outcomes).map(([o, x]) => [o, Math.round(100 * x)]))
        : null,
    needs: { finished, noFatal: card.fatal.length === 0, score: card.total >= sc.scoring.passScore },
    won: card.won,
  };
}
