// What a finished call tells a SCORM 1.2 LMS: its score, its status and one interaction per
// playbook item of the scorecard's process section. Pure: the adapter (scorm12.ts) writes it.
import type { ScenarioModel } from '../engine/model.ts';
import type { CallLog } from '../engine/replay.ts';
import type { LineStatus, ScoreLine, Scorecard } from '../engine/scoring.ts';
import type { Mode } from '../engine/types.ts';

export type LessonStatus = 'passed' | 'failed' | 'completed' | 'incomplete';
export type InteractionResult = 'correct' | 'wrong' | 'neutral';

/** One `cmi.interactions.n` record, with SCORM 1.2's own vocabularies and formats. */
export type ScormInteraction = {
  /** A CMIIdentifier in the strict sense: letters, digits, `-` and `_` (`step-verify`, `fatal-password`). */
  readonly id: string;
  /** `choice`: done by saying a line; `performance`: by a tool or a control of the desk. */
  readonly type: 'performance' | 'choice';
  readonly result: InteractionResult;
  /** When in the call it was done (HHHH:MM:SS.SS from the call's start); null when it was not. */
  readonly latency: string | null;
  readonly weighting: number;
  /** The scorecard's status word, for `performance` items only (a 1.2 `choice` response is a list of letters). */
  readonly response: string | null;
};

export type ScormReport = {
  readonly raw: number;
  readonly min: 0;
  readonly max: 100;
  readonly status: LessonStatus;
  readonly interactions: readonly ScormInteraction[];
};

const RESULT: Readonly<Record<LineStatus, InteractionResult>> = {
  done: 'correct',
  early: 'neutral',
  partial: 'neutral',
  missed: 'wrong',
  fatal: 'wrong',
};

/** A duration as SCORM 1.2's CMITimespan, `HHHH:MM:SS.SS` (hours capped at 9999). */
export function timespan(ms: number): string {
  const cs = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360_000 + 359_999);
  const h = Math.floor(cs / 360_000);
  const m = Math.floor(cs / 6000) % 60;
  const s = Math.floor(cs / 100) % 60;
  const pad = (n: number, w: number): string => String(n).padStart(w, '0');
  return `${pad(h, 4)}:${pad(m, 2)}:${pad(s, 2)}.${pad(cs % 100, 2)}`;
}

/**
 * The status of a finished call: in an exam, passed or failed against the LMS's mastery score
 * when it gives one (the LMS's own rule: score ≥ mastery), else the playbook's (no critical item,
 * a winning outcome, the pass mark); in training, completed.
 */
export function statusOf(mode: Mode, card: Scorecard, mastery: number | null): LessonStatus {
  if (mode === 'training') return 'completed';
  const passed = mastery === null ? card.won : card.total >= mastery;
  return passed ? 'passed' : 'failed';
}

/** The report of a finished call. */
export function reportOf(sc: ScenarioModel, log: CallLog, card: Scorecard, mastery: number | null): ScormReport {
  return {
    raw: card.total,
    min: 0,
    max: 100,
    status: statusOf(log.mode, card, mastery),
    interactions: card.lines.filter((l) => l.section === 'process').map((l) => interactionOf(sc, log, l)),
  };
}

function interactionOf(sc: ScenarioModel, log: CallLog, line: ScoreLine): ScormInteraction {
  const type = typeOf(sc, log, line);
  const at = line.status === 'missed' ? undefined : line.evidence[0]?.at;
  return {
    id: line.id.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 255),
    type,
    result: RESULT[line.status],
    latency: at === undefined ? null : timespan(at),
    weighting: line.weight,
    response: type === 'performance' ? line.status : null,
  };
}

/** A step some tool performs, the hold and the ticket are performances; the rest is said. */
function typeOf(sc: ScenarioModel, log: CallLog, line: ScoreLine): ScormInteraction['type'] {
  if (line.id === 'hold' || line.id === 'ticketNotes') return 'performance';
  if (line.id === 'order') return 'choice';
  if (line.id.startsWith('step.')) {
    const step = sc.steps.findIndex((st) => `step.${st.id}` === line.id);
    return sc.tools.some((t) => t.step === step && step >= 0) ? 'performance' : 'choice';
  }
  // A critical item: tripped by a line said, or by an act (hanging up, a hold without asking).
  const ev = line.evidence[0];
  return ev && log.entries[ev.action]?.action.type !== 'say' ? 'performance' : 'choice';
}
