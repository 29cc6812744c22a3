// Results are verified, not trusted: a posted log is replayed through the engine on the content
// version the trainee played, with the session's seed and mode, and scored here. Pure.
import { parseLog, replayToEnd, type CallLog } from '../engine/replay.ts';
import { scoreCall, type Scorecard } from '../engine/scoring.ts';
import type { Mode } from '../engine/types.ts';
import type { NewResult } from './bodies.ts';
import type { ServerContent } from './content.ts';
import { apiError, type ApiError } from './errors.ts';

export type SessionRules = { readonly calls: readonly string[]; readonly seed: number; readonly mode: Mode };

export type Verified = {
  readonly ok: true;
  readonly callIndex: number;
  readonly log: CallLog;
  readonly card: Scorecard;
  readonly hash: string;
};

/** Replays and scores a posted result, or says why it is refused. */
export function verifyResult(
  content: ServerContent,
  session: SessionRules,
  body: NewResult,
): Verified | { readonly ok: false; readonly error: ApiError } {
  const refuse = (e: ApiError) => ({ ok: false as const, error: e });
  const callIndex = session.calls.indexOf(body.scenario);
  if (callIndex < 0)
    return refuse(apiError(422, 'callNotInSession', `call "${body.scenario}" is not part of this session`));
  const call = content.calls.get(body.scenario);
  if (!call) return refuse(apiError(409, 'contentVersion', `this server no longer has call "${body.scenario}"`));
  if (body.contentHash !== call.hash)
    return refuse(
      apiError(
        409,
        'contentVersion',
        `the log was played on another version of call "${body.scenario}" than this server's: reload the game`,
        { yours: body.contentHash, server: call.hash },
      ),
    );
  const parsed = parseLog(body.log);
  if (!parsed.ok)
    return refuse(
      apiError(422, 'badLog', `the log is not a valid call log (${describeLogErrors(parsed.errors)})`, parsed.errors),
    );
  const log = parsed.value;
  if (log.scenario !== body.scenario)
    return refuse(apiError(422, 'scenarioMismatch', `the log is of call "${log.scenario}", not "${body.scenario}"`));
  if (log.seed !== session.seed)
    return refuse(
      apiError(422, 'seedMismatch', `the log was played with seed ${log.seed}; this session's seed is ${session.seed}`),
    );
  if (log.mode !== session.mode)
    return refuse(
      apiError(422, 'modeMismatch', `the log was played in ${log.mode} mode; this session is in ${session.mode} mode`),
    );
  const r = replayToEnd(call.model, log.seed, log.entries, log.mode);
  const first = r.rejected[0];
  if (first)
    return refuse(
      apiError(
        422,
        'logRejected',
        `the engine refuses entry ${first.index} of the log (${first.reason})`,
        r.rejected.slice(0, 20),
      ),
    );
  return { ok: true, callIndex, log, card: scoreCall(call.model, r.state), hash: call.hash };
}

function describeLogErrors(errors: readonly { path: string; code: string }[]): string {
  return errors
    .slice(0, 3)
    .map((e) => `${e.path || 'log'}: ${e.code}`)
    .join('; ');
}
