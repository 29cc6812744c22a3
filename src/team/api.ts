// The team server's API as the browser calls it (same origin, under /api/): every answer is a
// value — the body, or the server's refusal (its code and sentence), or `network` when none came.
import type { Mode } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { publicSession, ResultView, roomView } from '../server/views.ts';

export type PublicSession = ReturnType<typeof publicSession>;
export type Room = ReturnType<typeof roomView>;
export type RoomResult = Room['results'][number];
export type RosterRow = Room['roster'][number];
export type { ResultView };

export type NewSessionBody = {
  readonly name: string;
  readonly calls: readonly string[];
  readonly seed: number;
  readonly mode: Mode;
  readonly deadline?: string;
  /** The files of the calls imported in this browser that the session includes (the server checks them). */
  readonly imported?: readonly ImportedCallFiles[];
  /** The language of the checker's messages if one is refused. */
  readonly lang?: Lang;
};
export type ImportedCallFiles = {
  readonly id: string;
  readonly yaml: string;
  readonly translations: Partial<Record<Lang, string>>;
};
/** A call a session brought with it, as its trainees fetch it. */
export type SessionCallPayload = {
  readonly id: string;
  readonly contentHash: string;
  readonly data: unknown;
  readonly translations: Partial<Record<Lang, string>>;
};
export type CreatedSession = { id: string; code: string; trainerKey: string; joinUrl: string };
export type Joined = { traineeId: string; traineeToken: string; name: string };
export type ServerInfo = { server: 'hotliner'; db: string; calls: { id: string; contentHash: string }[] };
export type NewResultBody = {
  readonly resultId: string;
  readonly scenario: string;
  readonly contentHash: string;
  readonly log: unknown;
};
export type Acknowledged = ResultView & { duplicate: boolean };

/** A refusal (status ≥ 400: the server's code and sentence) or no answer at all (status 0, `network`). */
export type ApiFailure = {
  readonly ok: false;
  readonly status: number;
  readonly error: string;
  readonly message: string;
  /** What the refusal is about, when the server says (a call's id, the checker's messages). */
  readonly details?: unknown;
};
export type ApiResult<T> = { readonly ok: true; readonly status: number; readonly value: T } | ApiFailure;

export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

type Call = { readonly body?: unknown; readonly secret?: string };

export class TeamApi {
  constructor(
    private readonly fetcher: Fetch,
    private readonly base = '/api',
  ) {}

  /** Whether this page is served by a team server (a static host answers anything but this). */
  async info(): Promise<ServerInfo | null> {
    const r = await this.json<ServerInfo>('GET', '/info');
    return r.ok && r.value?.server === 'hotliner' ? r.value : null;
  }

  createSession(body: NewSessionBody): Promise<ApiResult<CreatedSession>> {
    return this.json('POST', '/sessions', { body });
  }

  sessionByCode(code: string): Promise<ApiResult<PublicSession>> {
    return this.json('GET', `/sessions/by-code/${encodeURIComponent(code.trim())}`);
  }

  /** A call the session brought with it (imported by its trainer). */
  sessionCall(sessionId: string, callId: string): Promise<ApiResult<SessionCallPayload>> {
    return this.json('GET', `/sessions/${enc(sessionId)}/calls/${enc(callId)}`);
  }

  join(sessionId: string, name: string): Promise<ApiResult<Joined>> {
    return this.json('POST', `/sessions/${enc(sessionId)}/trainees`, { body: { name } });
  }

  postResult(sessionId: string, token: string, body: NewResultBody): Promise<ApiResult<Acknowledged>> {
    return this.json('POST', `/sessions/${enc(sessionId)}/results`, { body, secret: token });
  }

  room(sessionId: string, trainerKey: string): Promise<ApiResult<Room>> {
    return this.json('GET', `/sessions/${enc(sessionId)}/room`, { secret: trainerKey });
  }

  /** One result whole (its log and the server's scorecard), for the trainer's debrief and replay. */
  result(sessionId: string, trainerKey: string, resultId: string): Promise<ApiResult<RoomResult & { log: unknown }>> {
    return this.json('GET', `/sessions/${enc(sessionId)}/results/${enc(resultId)}`, { secret: trainerKey });
  }

  /** An export as a file's bytes: fetched with the trainer key in a header, never in the address. */
  async exportFile(
    sessionId: string,
    trainerKey: string,
    format: 'csv' | 'xlsx',
    lang: Lang,
  ): Promise<ApiResult<Blob>> {
    const sep = format === 'csv' && lang === 'fr' ? '&sep=;' : '';
    const res = await this.send('GET', `/sessions/${enc(sessionId)}/export.${format}?lang=${lang}${sep}`, {
      secret: trainerKey,
    });
    if ('error' in res) return res;
    if (!res.ok) return failure(res, await res.json().catch(() => null));
    return { ok: true, status: res.status, value: await res.blob() };
  }

  private async json<T>(method: string, path: string, call: Call = {}): Promise<ApiResult<T>> {
    const res = await this.send(method, path, call);
    if ('error' in res) return res;
    let data: unknown = null;
    try {
      data = await res.json();
    } catch {
      // Not JSON: a static host's page, or a proxy's error page.
    }
    return res.ok ? { ok: true, status: res.status, value: data as T } : failure(res, data);
  }

  private async send(method: string, path: string, { body, secret }: Call): Promise<Response | ApiFailure> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (secret) headers.authorization = `Bearer ${secret}`;
    try {
      return await this.fetcher(`${this.base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (e) {
      return { ok: false, status: 0, error: 'network', message: e instanceof Error ? e.message : String(e) };
    }
  }
}

const enc = encodeURIComponent;

function failure(res: Response, data: unknown): ApiFailure {
  const d = (data ?? {}) as { error?: unknown; message?: unknown; details?: unknown };
  return {
    ok: false,
    status: res.status,
    error: typeof d.error === 'string' ? d.error : `http${res.status}`,
    message: typeof d.message === 'string' ? d.message : `HTTP ${res.status}`,
    ...(d.details === undefined ? {} : { details: d.details }),
  };
}
