// Everything the debrief explains about a finished call, besides its scorecard: why it was lost
// or passed, what would have earned each line it missed, the model answer after a failure, and
// how the Total was built. Computed from the call, its log, its replay and its scorecard. Pure.
import type { ScenarioModel } from '../engine/model.ts';
import type { CallLog, ReplayResult } from '../engine/replay.ts';
import type { Scorecard } from '../engine/scoring.ts';
import { momentsOf } from './call-walk.ts';
import { hintContext, hintsOf, type Hint } from './hints.ts';
import { verdictOf, type Verdict } from './loss-cause.ts';
import { modelAnswerOf, type ModelAnswer } from './model-answer.ts';
import { scoreBuild, type ScoreBuild } from './score-build.ts';

export type Explanation = {
  readonly verdict: Verdict;
  /** By scorecard line id: what would have earned it. */
  readonly hints: ReadonlyMap<string, readonly Hint[]>;
  /** After a failure, the model answer beside the trainee's call; null otherwise or when there is none. */
  readonly model: ModelAnswer | null;
  readonly build: ScoreBuild;
};

/** Explains a finished call; `best` is the call's best path (its golden log), if the game has it. */
export function explainCall(
  sc: ScenarioModel,
  log: CallLog,
  replayed: Pick<ReplayResult, 'state' | 'events' | 'rejected'>,
  card: Scorecard,
  best: CallLog | null,
): Explanation {
  // Only what was done counts: a log older than an edit of its call may hold lines it refuses now.
  const refused = new Set(replayed.rejected.map((r) => r.index));
  const done = log.entries.filter((_, i) => !refused.has(i));
  const answer = modelAnswerOf(sc, best, done, replayed.events);
  const moments = momentsOf(sc, log.seed, log.entries, log.mode);
  const cx = hintContext(sc, replayed.state, replayed.events, moments, answer && best ? best.entries : null);
  return {
    verdict: verdictOf(sc, replayed.state, replayed.events, card),
    hints: hintsOf(cx, card),
    model: card.won ? null : answer,
    build: scoreBuild(sc, card),
  };
}
