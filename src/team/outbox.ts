// The outbox: each finished session call waits here, kept in the browser, until the team server
// acknowledges it. Sent exactly once: the result id is made with the result and posted again,
// unchanged, until an answer comes (the server answers a repeat with the first acknowledgement).
import type { CallLog } from '../engine/replay.ts';
import type { ApiResult, Acknowledged, NewResultBody } from './api.ts';

/** `waiting`: not acknowledged yet (will retry); `sent`: acknowledged; `refused`: the server said no, and why. */
export type OutboxState = 'waiting' | 'sent' | 'refused';

export type OutboxItem = {
  readonly resultId: string;
  readonly sessionId: string;
  /** The trainee token the result is posted with (kept with it: the item needs nothing else). */
  readonly token: string;
  readonly callIndex: number;
  readonly scenario: string;
  readonly contentHash: string;
  readonly log: CallLog;
  /** ISO, when the call ended. */
  readonly createdAt: string;
  readonly state: OutboxState;
  readonly attempts: number;
  /** Why the last try did not get through (no network, the server's 5xx), for the trainee. */
  readonly lastError: string | null;
  /** What the server kept: its total and verdict. */
  readonly ack: { readonly total: number; readonly passed: boolean; readonly late: boolean } | null;
  readonly refusal: { readonly status: number; readonly error: string; readonly message: string } | null;
};

export type NewItem = Omit<OutboxItem, 'state' | 'attempts' | 'lastError' | 'ack' | 'refusal'>;

/** Where the outbox keeps its items (IndexedDB in the browser, a Map in tests). */
export interface OutboxStore {
  listOutbox(): Promise<unknown[]>;
  putOutbox(item: OutboxItem): Promise<void>;
}

export type Post = (sessionId: string, token: string, body: NewResultBody) => Promise<ApiResult<Acknowledged>>;

export type Timers = {
  readonly set: (fn: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
};

export const RETRY_MIN_MS = 2000;
export const RETRY_MAX_MS = 60_000;

/** Answers worth trying again: none at all, the server failing or busy, a timeout. Others are refusals. */
const transient = (status: number): boolean => status === 0 || status === 408 || status === 429 || status >= 500;

export class Outbox {
  private readonly items = new Map<string, OutboxItem>();
  private running: Promise<void> | null = null;
  private again = false;
  private timer: unknown = null;
  private delay = RETRY_MIN_MS;
  /** Records the store held that are not outbox items: left where they are, counted. */
  unreadable = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly post: Post,
    private readonly timers: Timers,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Reads what an earlier page left (a reload, a closed laptop) and sends what is waiting. */
  async load(): Promise<void> {
    const raw = await this.store.listOutbox().catch(() => []);
    for (const r of raw) {
      const item = parseItem(r);
      if (item) this.items.set(item.resultId, item);
      else this.unreadable++;
    }
    this.onChange();
    await this.flush();
  }

  /** Keeps a finished call (first in storage, then in memory if storage fails) and sends it. */
  async add(n: NewItem): Promise<void> {
    const item: OutboxItem = { ...n, state: 'waiting', attempts: 0, lastError: null, ack: null, refusal: null };
    await this.keep(item);
    await this.flush();
  }

  list(): OutboxItem[] {
    return [...this.items.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  get waiting(): number {
    return this.list().filter((i) => i.state === 'waiting').length;
  }

  /** The network is back, the page has the focus again: try now, and from a short delay again. */
  poke(): void {
    this.delay = RETRY_MIN_MS;
    void this.flush();
  }

  /** Sends every waiting item, one request at a time; a flush asked meanwhile runs once after it. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.sendWaiting();
      } while (this.again);
    })().finally(() => {
      this.running = null;
      this.schedule();
    });
    return this.running;
  }

  stop(): void {
    this.timers.clear(this.timer);
    this.timer = null;
  }

  private async sendWaiting(): Promise<void> {
    for (const item of this.list()) {
      if (item.state !== 'waiting') continue;
      const r = await this.post(item.sessionId, item.token, {
        resultId: item.resultId,
        scenario: item.scenario,
        contentHash: item.contentHash,
        log: item.log,
      });
      const tried = { ...item, attempts: item.attempts + 1 };
      if (r.ok) {
        const s = r.value.summary;
        await this.keep({
          ...tried,
          state: 'sent',
          lastError: null,
          ack: { total: s.total, passed: s.passed, late: r.value.late },
        });
      } else if (transient(r.status)) {
        await this.keep({ ...tried, lastError: r.status ? `${r.status} ${r.message}` : r.message });
        // The server is away: the others would fail alike; the next round tries them all.
        return;
      } else {
        await this.keep({
          ...tried,
          state: 'refused',
          refusal: { status: r.status, error: r.error, message: r.message },
        });
      }
    }
  }

  /** The next round while something waits: later and later (up to a minute), from the start again once all is sent. */
  private schedule(): void {
    this.timers.clear(this.timer);
    this.timer = null;
    if (!this.waiting) {
      this.delay = RETRY_MIN_MS;
      return;
    }
    this.timer = this.timers.set(() => void this.flush(), this.delay);
    this.delay = Math.min(this.delay * 2, RETRY_MAX_MS);
  }

  private async keep(item: OutboxItem): Promise<void> {
    this.items.set(item.resultId, item);
    // A store that fails keeps the item in memory for this page: it is still sent.
    await this.store.putOutbox(item).catch(() => {});
    this.onChange();
  }
}

/** Retries on the events that say the network or the trainee is back. */
export function watchConnectivity(outbox: Outbox, w: Window): () => void {
  const poke = (): void => outbox.poke();
  const visible = (): void => {
    if (w.document.visibilityState === 'visible') outbox.poke();
  };
  w.addEventListener('online', poke);
  w.addEventListener('focus', poke);
  w.document.addEventListener('visibilitychange', visible);
  return () => {
    w.removeEventListener('online', poke);
    w.removeEventListener('focus', poke);
    w.document.removeEventListener('visibilitychange', visible);
  };
}

const STATES: readonly OutboxState[] = ['waiting', 'sent', 'refused'];
const isText = (v: unknown): v is string => typeof v === 'string';

/** An item read back from storage, or null when it is not one (it is then left alone). */
export function parseItem(raw: unknown): OutboxItem | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  const ok =
    isText(r.resultId) &&
    isText(r.sessionId) &&
    isText(r.token) &&
    Number.isInteger(r.callIndex) &&
    isText(r.scenario) &&
    isText(r.contentHash) &&
    typeof r.log === 'object' &&
    r.log !== null &&
    isText(r.createdAt) &&
    STATES.includes(r.state as OutboxState) &&
    Number.isInteger(r.attempts);
  if (!ok) return null;
  const item = r as OutboxItem;
  return { ...item, lastError: item.lastError ?? null, ack: item.ack ?? null, refusal: item.refusal ?? null };
}
