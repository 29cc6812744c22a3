// The API's refusals: a stable code for the interface to translate and a sentence in English.
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Mode } from '../engine/types.ts';

export const MODES = ['exam', 'training'] as const satisfies readonly Mode[];

export type ApiErrorCode =
  | 'badBody'
  | 'notJson'
  | 'tooLarge'
  | 'rateLimited'
  | 'unknownCalls'
  | 'notFound'
  | 'sessionClosed'
  | 'missingKey'
  | 'wrongKey'
  | 'missingToken'
  | 'wrongToken'
  | 'otherSession'
  | 'scoreNotAccepted'
  | 'badLog'
  | 'callNotInSession'
  | 'scenarioMismatch'
  | 'seedMismatch'
  | 'modeMismatch'
  | 'contentVersion'
  | 'logRejected'
  | 'resultIdReused'
  | 'callAlreadyPosted'
  | 'importedRefused'
  | 'importedIdTaken'
  | 'importedTwice'
  | 'importedNotInSession'
  | 'internal';

/** A refusal as a value: handlers return it, the route writes it. */
export type ApiError = {
  readonly status: ContentfulStatusCode;
  readonly error: ApiErrorCode;
  readonly message: string;
  readonly details?: unknown;
};

export const apiError = (
  status: ContentfulStatusCode,
  error: ApiErrorCode,
  message: string,
  details?: unknown,
): ApiError => ({ status, error, message, ...(details === undefined ? {} : { details }) });

/** Writes a refusal as `{ error, message, details? }`. */
export function send(c: Context, e: ApiError): Response {
  const { status, ...body } = e;
  return c.json(body, status);
}
