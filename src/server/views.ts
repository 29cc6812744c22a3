// What the API answers, built from stored rows: the public session (join page), the room
// (trainer), a trainee's own results. Pure.
import type { LineStatus, Scorecard } from '../engine/scoring.ts';
import type { ServerContent } from './content.ts';
import type { ResultRow, SessionRow, TraineeRow } from './db.ts';

export type ResultSummaryView = {
  readonly total: number;
  readonly process: number;
  readonly diagnosis: number;
  /** Time to diagnosis (ms of call time), null when no diagnosis was given; `par` is the call's. */
  readonly diagnosisAt: number | null;
  readonly diagnosisPar: number;
  readonly calmness: number;
  readonly outcome: Scorecard['outcome'];
  readonly passed: boolean;
  readonly duration: number;
};

export type ResultView = {
  readonly resultId: string;
  readonly traineeId: string;
  readonly scenario: string;
  readonly callIndex: number;
  readonly receivedAt: string;
  /** Received after the session's deadline (kept: the outbox may deliver late). */
  readonly late: boolean;
  readonly summary: ResultSummaryView;
  /** Each scored playbook step's status, by step id. */
  readonly steps: Readonly<Record<string, LineStatus>>;
  /** The critical items committed (ids), which set the total to zero. */
  readonly fatal: readonly string[];
};

export const sessionCalls = (s: SessionRow): string[] => JSON.parse(s.calls) as string[];

/** What anyone with the code may see: enough to join, nothing about who joined. */
export function publicSession(s: SessionRow, content: ServerContent) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    mode: s.mode,
    seed: s.seed,
    deadline: s.deadline,
    calls: sessionCalls(s).map((id) => {
      const call = content.calls.get(id);
      return {
        id,
        titles: call?.titles ?? {},
        contentHash: call?.hash ?? null,
        steps: call?.steps ?? [],
        // Not the server's own: trainees fetch it (GET /api/sessions/:id/calls/:callId).
        imported: content.imported?.has(id) ?? false,
      };
    }),
  };
}

export function resultView(r: ResultRow): ResultView {
  const card = JSON.parse(r.scorecard) as Scorecard;
  const steps: Record<string, LineStatus> = {};
  for (const l of card.lines) if (l.id.startsWith('step.')) steps[l.id.slice('step.'.length)] = l.status;
  return {
    resultId: r.result_id,
    traineeId: r.trainee_id,
    scenario: r.scenario,
    callIndex: r.call_index,
    receivedAt: r.created_at,
    late: r.late === 1,
    summary: {
      total: card.total,
      process: card.process,
      diagnosis: card.diagnosis.score,
      diagnosisAt: card.diagnosis.at,
      diagnosisPar: card.diagnosis.par,
      calmness: card.calmness,
      outcome: card.outcome,
      passed: card.won,
      duration: card.duration,
    },
    steps,
    fatal: card.fatal,
  };
}

/** The trainer's room: the roster with each trainee's progress, and every result. */
export function roomView(
  s: SessionRow,
  trainees: readonly TraineeRow[],
  results: readonly ResultRow[],
  content: ServerContent,
) {
  const calls = sessionCalls(s);
  const done = new Map<string, Set<number>>();
  for (const r of results)
    (done.get(r.trainee_id) ?? done.set(r.trainee_id, new Set()).get(r.trainee_id)!).add(r.call_index);
  const names = new Map(trainees.map((t) => [t.id, t.name]));
  return {
    session: publicSession(s, content),
    roster: trainees.map((t) => {
      const finished = done.get(t.id) ?? new Set<number>();
      const next = calls.findIndex((_, i) => !finished.has(i));
      return {
        traineeId: t.id,
        name: t.name,
        joinedAt: t.joined_at,
        callsFinished: finished.size,
        currentCall: next < 0 ? null : next,
      };
    }),
    results: results.map((r) => ({ ...resultView(r), name: names.get(r.trainee_id) ?? '' })),
  };
}
