// The outbox against a fake team server: each result reaches the server exactly once, whatever
// happens on the way (server down, a 500, an acknowledgement lost, a reload), and a refusal is
// kept with its reason.
import { describe, expect, it } from 'vitest';
import { makeLog } from '../../src/engine/replay.ts';
import type { Acknowledged, ApiResult, NewResultBody } from '../../src/team/api.ts';
import {
  Outbox,
  RETRY_MAX_MS,
  RETRY_MIN_MS,
  type NewItem,
  type OutboxItem,
  type OutboxStore,
} from '../../src/team/outbox.ts';

/** The IndexedDB store's stand-in: what survives a reload. */
class MapStore implements OutboxStore {
  readonly data = new Map<string, OutboxItem>();
  async listOutbox(): Promise<unknown[]> {
    return [...this.data.values()].map((i) => structuredClone(i));
  }
  async putOutbox(item: OutboxItem): Promise<void> {
    this.data.set(item.resultId, structuredClone(item));
  }
}

/** Timers run by hand: `due()` fires what is scheduled. */
class ManualTimers {
  next: { fn: () => void; ms: number } | null = null;
  readonly delays: number[] = [];
  set = (fn: () => void, ms: number): unknown => {
    this.next = { fn, ms };
    this.delays.push(ms);
    return this.next;
  };
  clear = (h: unknown): void => {
    if (h && h === this.next) this.next = null;
  };
  async due(): Promise<void> {
    const n = this.next;
    this.next = null;
    n?.fn();
    await settle();
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0));

type Mode = 'up' | 'down' | 'error500' | 'ackLost' | 'refuse';

/** A server keeping results by id, as the real one does: a repeat gets the first answer (200). */
class FakeServer {
  mode: Mode = 'up';
  readonly kept = new Map<string, NewResultBody>();
  posts = 0;
  post = async (_session: string, _token: string, body: NewResultBody): Promise<ApiResult<Acknowledged>> => {
    this.posts++;
    if (this.mode === 'down') return { ok: false, status: 0, error: 'network', message: 'Failed to fetch' };
    if (this.mode === 'error500') return { ok: false, status: 500, error: 'internal', message: 'the server failed' };
    if (this.mode === 'refuse')
      return { ok: false, status: 409, error: 'contentVersion', message: 'another version of the call' };
    const existed = this.kept.has(body.resultId);
    this.kept.set(body.resultId, body);
    // The server kept it, but the answer never reaches the browser (the connection dropped).
    if (this.mode === 'ackLost') return { ok: false, status: 0, error: 'network', message: 'connection reset' };
    const ack = { summary: { total: 88, passed: true }, late: false, duplicate: existed } as unknown as Acknowledged;
    return { ok: true, status: existed ? 200 : 201, value: ack };
  };
}

const item = (id: string, callIndex = 0): NewItem => ({
  resultId: id,
  sessionId: 's1',
  token: 't1.secret',
  callIndex,
  scenario: 'known-outage-tech',
  contentHash: 'a'.repeat(64),
  log: makeLog('known-outage-tech', 1, 'training', [{ at: 0, action: { type: 'hangUp' } }], 1000),
  createdAt: `2025-03-01T10:0${callIndex}:00.000Z`,
});

function setup(store = new MapStore(), server = new FakeServer()) {
  const timers = new ManualTimers();
  const outbox = new Outbox(store, server.post, timers);
  return { store, server, timers, outbox };
}

describe('the outbox', () => {
  it('sends a result at once when the server is up, and keeps it as sent', async () => {
    const { outbox, server, store } = setup();
    await outbox.add(item('r1'));
    expect(server.kept.size).toBe(1);
    expect(store.data.get('r1')?.state).toBe('sent');
    expect(store.data.get('r1')?.ack?.total).toBe(88);
    expect(outbox.waiting).toBe(0);
  });

  it('keeps a result while the server is down, retries with a growing delay, and sends it once it is back', async () => {
    const { outbox, server, store, timers } = setup();
    server.mode = 'down';
    await outbox.add(item('r1'));
    expect(store.data.get('r1')?.state).toBe('waiting');
    expect(store.data.get('r1')?.lastError).toMatch(/fetch/);
    await timers.due();
    await timers.due();
    expect(timers.delays.slice(0, 3)).toEqual([RETRY_MIN_MS, RETRY_MIN_MS * 2, RETRY_MIN_MS * 4]);
    for (let i = 0; i < 10; i++) await timers.due();
    expect(Math.max(...timers.delays)).toBe(RETRY_MAX_MS);
    server.mode = 'up';
    await timers.due();
    expect(store.data.get('r1')?.state).toBe('sent');
    expect(server.kept.size).toBe(1);
    expect(timers.next).toBeNull();
  });

  it('retries after a 500 and after the server stored it but the answer was lost: kept once', async () => {
    const { outbox, server, store, timers } = setup();
    server.mode = 'error500';
    await outbox.add(item('r1'));
    expect(store.data.get('r1')?.lastError).toMatch(/^500/);
    server.mode = 'ackLost';
    await timers.due();
    expect(server.kept.size).toBe(1);
    expect(store.data.get('r1')?.state).toBe('waiting');
    server.mode = 'up';
    await timers.due();
    expect(store.data.get('r1')?.state).toBe('sent');
    expect(server.kept.size).toBe(1);
    // Sent: nothing more is posted, whatever pokes it.
    const posts = server.posts;
    outbox.poke();
    await settle();
    expect(server.posts).toBe(posts);
  });

  it('sends after a reload what an earlier page left waiting, and never again what was sent', async () => {
    const first = setup();
    first.server.mode = 'down';
    await first.outbox.add(item('r1', 0));
    first.server.mode = 'up';
    await first.outbox.add(item('r2', 1)); // sends both: r1 first
    first.server.mode = 'down';
    await first.outbox.add(item('r3', 2));
    first.outbox.stop();
    // The page is reloaded (or the laptop reopened): a new outbox over the same store.
    const again = setup(first.store, first.server);
    again.server.mode = 'up';
    const posts = again.server.posts;
    await again.outbox.load();
    expect(again.server.posts - posts).toBe(1);
    expect([...again.server.kept.keys()].sort()).toEqual(['r1', 'r2', 'r3']);
    expect(again.outbox.list().map((i) => i.state)).toEqual(['sent', 'sent', 'sent']);
  });

  it('never sends the same result twice at once: a flush asked during one waits for it', async () => {
    const { outbox, server } = setup();
    let release: () => void = () => {};
    const slow = server.post;
    const gate = new Promise<void>((r) => (release = r));
    const posting = new Outbox(new MapStore(), async (...args) => (await gate, slow(...args)), {
      set: () => null,
      clear: () => {},
    });
    const adding = posting.add(item('r1'));
    await settle();
    posting.poke();
    posting.poke();
    release();
    await adding;
    await posting.flush();
    expect(server.posts).toBe(1);
    void outbox;
  });

  it('keeps a refused result with the server’s reason, and does not retry it', async () => {
    const { outbox, server, store, timers } = setup();
    server.mode = 'refuse';
    await outbox.add(item('r1'));
    const kept = store.data.get('r1')!;
    expect(kept.state).toBe('refused');
    expect(kept.refusal).toEqual({ status: 409, error: 'contentVersion', message: 'another version of the call' });
    expect(kept.log.entries).toHaveLength(1);
    expect(timers.next).toBeNull();
  });

  it('leaves unreadable records where they are, and counts them', async () => {
    const store = new MapStore();
    store.data.set('x', { nonsense: true } as unknown as OutboxItem);
    const { outbox } = setup(store);
    await outbox.load();
    expect(outbox.unreadable).toBe(1);
    expect(store.data.has('x')).toBe(true);
  });
});
