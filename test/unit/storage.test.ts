import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeLog } from '../../src/engine/replay.ts';
import type { InProgress, ResultRecord, Settings } from '../../src/ports/storage.ts';
import { IdbStore, type QuarantineEntry } from '../../src/storage/IdbStore.ts';
import { MemoryStore } from '../../src/storage/MemoryStore.ts';
import { StorageWriteError } from '../../src/storage/idb.ts';
import { CORRUPT_SETTINGS_KEY, SETTINGS_KEY } from '../../src/storage/settings.ts';
import {
  parseInProgress,
  parseResult,
  parseResultsFile,
  parseSettings,
  DEFAULT_SETTINGS,
} from '../../src/storage/validate.ts';

/** A localStorage stand-in: a Map behind the two methods the store uses. */
class FakeLocalStorage {
  readonly data = new Map<string, string>();
  getItem(k: string): string | null {
    return this.data.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    this.data.set(k, String(v));
  }
}

const log = makeLog(
  'printer-nothing',
  42,
  'training',
  [
    { at: 0, action: { type: 'say', choice: 'greet' } },
    { at: 1500, action: { type: 'hangUp' } },
  ],
  2000,
);
const result = (id: string, finishedAt = '2025-03-01T10:00:00.000Z'): ResultRecord => ({
  id,
  scenario: 'printer-nothing',
  lang: 'fr',
  finishedAt,
  log,
  summary: { total: 72, process: 80, diagnosis: 60, calmness: 75, outcome: 'resolved', won: true },
});
const progress: InProgress = { log, lang: 'en', savedAt: '2025-03-01T09:58:00Z', pace: 'turns' };

let dbCount = 0;
const stores: IdbStore[] = [];
function newStore(dbName: string, ls: FakeLocalStorage = new FakeLocalStorage()): IdbStore {
  const s = new IdbStore({ dbName, localStorage: ls });
  stores.push(s);
  return s;
}
const freshName = (): string => `hotliner-test-${++dbCount}`;
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  vi.restoreAllMocks();
});

/** Raw IndexedDB access, to plant corrupt records and look into quarantine as another program would. */
async function rawTx<T>(
  name: string,
  store: string,
  mode: IDBTransactionMode,
  body: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await new Promise<IDBDatabase>((ok, ko) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  try {
    return await new Promise<T>((ok, ko) => {
      const tx = db.transaction(store, mode);
      const req = body(tx.objectStore(store));
      tx.oncomplete = () => ok(req.result);
      tx.onabort = () => ko(tx.error);
    });
  } finally {
    db.close();
  }
}

describe('validators', () => {
  it('accepts a good result and names each bad field', () => {
    expect(parseResult(result('a')).ok).toBe(true);
    const bad = parseResult({
      ...result('a'),
      lang: 'de',
      finishedAt: 'yesterday',
      summary: { ...result('a').summary, total: 101, outcome: 'won' },
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => e.path).sort()).toEqual(['finishedAt', 'lang', 'summary.outcome', 'summary.total']);
    const badLog = parseResult({ ...result('a'), log: { ...log, entries: [{ at: 0, action: { type: 'dance' } }] } });
    expect(badLog.ok ? [] : badLog.errors).toEqual([{ path: 'log.entries[0].action.type', code: 'unknownAction' }]);
    expect(parseInProgress({ ...progress, savedAt: 12 }).ok).toBe(false);
    expect(parseInProgress({ ...progress, pace: 'fast' }).ok).toBe(false);
    // A call saved before the pace was kept was played in real time.
    const { pace: _, ...older } = progress;
    expect(parseInProgress(older)).toEqual({ ok: true, value: { ...progress, pace: 'real' } });
  });

  it('settings fall back field by field and never fail', () => {
    expect(parseSettings('garbage')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings({ lang: 'fr', volume: 7, muted: true, mode: 'exam', pace: 'fast' })).toEqual({
      lang: 'fr',
      mode: 'exam',
      pace: 'real',
      volume: 0.7,
      muted: true,
      speech: false,
    });
  });

  it('parseResultsFile rejects the whole file for one bad record and names the path', () => {
    const file = JSON.parse(
      JSON.stringify({
        format: 'hotliner-results',
        version: 1,
        exportedAt: '2025-03-02T00:00:00Z',
        results: [result('a'), result('b')],
      }),
    );
    file.results[1].summary.total = 'high';
    const r = parseResultsFile(JSON.stringify(file));
    expect(r).toEqual({ ok: false, errors: [{ path: 'results[1].summary.total', code: 'badField' }] });
    expect(parseResultsFile('{not json').ok).toBe(false);
    expect(parseResultsFile(JSON.stringify({ ...file, format: 'other' })).ok).toBe(false);
  });
});

describe('IdbStore', () => {
  it('add → list → survives a reopen; export round-trips through parseResultsFile', async () => {
    const name = freshName();
    const a = newStore(name);
    expect(await a.open()).toEqual([]);
    await a.addResult(result('late', '2025-03-02T10:00:00Z'));
    await a.addResult(result('early', '2025-03-01T10:00:00Z'));
    expect((await a.listResults()).map((r) => r.id)).toEqual(['early', 'late']);
    a.close();
    const b = newStore(name);
    expect(await b.open()).toEqual([]);
    const listed = await b.listResults();
    expect(listed).toEqual([result('early', '2025-03-01T10:00:00Z'), result('late', '2025-03-02T10:00:00Z')]);
    const text = await b.exportResults('2025-03-03T12:00:00.000Z');
    expect(JSON.parse(text)).toMatchObject({
      format: 'hotliner-results',
      version: 1,
      exportedAt: '2025-03-03T12:00:00.000Z',
    });
    expect(parseResultsFile(text)).toEqual({ ok: true, value: listed });
    await expect(b.addResult(result('early'))).rejects.toMatchObject({ code: 'duplicate' });
  });

  it('saves, loads and clears the call in progress', async () => {
    const name = freshName();
    const s = newStore(name);
    await s.open();
    expect(await s.listInProgress()).toEqual([]);
    await s.saveInProgress('a', progress);
    s.close();
    const t = newStore(name);
    await t.open();
    expect(await t.listInProgress()).toEqual([{ ...progress, id: 'a' }]);
    await t.clearInProgress('a');
    expect(await t.listInProgress()).toEqual([]);
  });

  it('moves a corrupt record to quarantine on open, keeps the good ones and says how many', async () => {
    const name = freshName();
    const s = newStore(name);
    await s.open();
    await s.addResult(result('good'));
    s.close();
    await rawTx(name, 'results', 'readwrite', (st) => st.put({ id: 'x', summary: 'nope' }));
    await rawTx(name, 'inProgress', 'readwrite', (st) => st.put({ log: 'broken' }, 'current'));
    const t = newStore(name);
    expect(await t.open()).toEqual([{ key: 'storage.quarantined', params: { count: 2 } }]);
    expect((await t.listResults()).map((r) => r.id)).toEqual(['good']);
    expect(await t.listInProgress()).toEqual([]);
    const q = (await rawTx(name, 'quarantine', 'readonly', (st) => st.getAll())) as QuarantineEntry[];
    const moved = q.map((e) => [e.from, e.key, e.raw]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(moved).toEqual([
      ['inProgress', 'current', { log: 'broken' }],
      ['results', 'x', { id: 'x', summary: 'nope' }],
    ]);
    expect(q.find((e) => e.from === 'results')?.reason).toContainEqual({ path: 'summary', code: 'notObject' });
    expect(await rawTx(name, 'results', 'readonly', (st) => st.count())).toBe(1);
    t.close();
    expect(await newStore(name).open()).toEqual([]); // moved once, not reported again
  });

  it('quarantines a result whose log entry lacks its payload, and loads a v1 log upgraded', async () => {
    const name = freshName();
    const s = newStore(name);
    await s.open();
    s.close();
    const v1 = {
      ...log,
      version: 1,
      entries: [
        { at: 0, action: { type: 'openTool', tool: 'crm' } },
        { at: 900, action: { type: 'escalate' } },
      ],
    };
    const noNotes = { ...log, entries: [{ at: 0, action: { type: 'writeTicket' } }] };
    await rawTx(name, 'results', 'readwrite', (st) => st.put({ ...result('old'), log: v1 }));
    await rawTx(name, 'results', 'readwrite', (st) => st.put({ ...result('torn'), log: noNotes }));
    const t = newStore(name);
    expect(await t.open()).toEqual([{ key: 'storage.quarantined', params: { count: 1 } }]);
    const [old] = await t.listResults();
    expect(old).toEqual({
      ...result('old'),
      log: { ...log, entries: [{ at: 900, action: { type: 'runTool', tool: 'escalation' } }] },
    });
    const q = (await rawTx(name, 'quarantine', 'readonly', (st) => st.getAll())) as QuarantineEntry[];
    expect(q.map((e) => [e.key, e.reason])).toEqual([
      ['torn', [{ path: 'log.entries[0].action.notes', code: 'missing' }]],
    ]);
    await expect(t.addResult({ ...result('new'), log: noNotes as typeof log })).rejects.toMatchObject({
      code: 'invalid',
      message: expect.stringContaining('log.entries[0].action.notes (missing)'),
    });
  });

  it('when quarantine cannot be written (storage full), reads around the bad record and leaves it in place', async () => {
    const name = freshName();
    const s = newStore(name);
    await s.open();
    await s.addResult(result('good'));
    s.close();
    await rawTx(name, 'results', 'readwrite', (st) => st.put({ id: 'x', summary: 'nope' }));
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      const req = add.apply(this, args);
      if (this.name === 'quarantine')
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return req;
    });
    const t = newStore(name);
    expect(await t.open()).toEqual([{ key: 'storage.unreadable', params: { count: 1 } }]);
    expect((await t.listResults()).map((r) => r.id)).toEqual(['good']);
    vi.restoreAllMocks();
    expect(await rawTx(name, 'results', 'readonly', (st) => st.get('x'))).toEqual({ id: 'x', summary: 'nope' });
  });

  it('falls back to memory with a notice when IndexedDB is missing or refuses to open', async () => {
    const saved = globalThis.indexedDB;
    delete (globalThis as { indexedDB?: IDBFactory }).indexedDB;
    try {
      const s = newStore(freshName());
      expect(await s.open()).toEqual([{ key: 'storage.unavailable', params: {} }]);
      await s.addResult(result('m'));
      expect((await s.listResults()).map((r) => r.id)).toEqual(['m']);
      await s.saveInProgress('a', progress);
      expect(await s.listInProgress()).toEqual([{ ...progress, id: 'a' }]);
    } finally {
      globalThis.indexedDB = saved;
    }
    const refusing = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const r = new IdbStore({ indexedDB: refusing, localStorage: null });
    expect(await r.open()).toEqual([{ key: 'storage.unavailable', params: {} }]);
    expect(await r.listResults()).toEqual([]);
  });

  it('rejects addResult with a clear message when storage is full, and keeps nothing half-written', async () => {
    const s = newStore(freshName());
    await s.open();
    const add = IDBObjectStore.prototype.add;
    vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(function (
      this: IDBObjectStore,
      ...args: Parameters<IDBObjectStore['add']>
    ) {
      const req = add.apply(this, args);
      // How a browser reports it: the transaction aborts with QuotaExceededError at commit.
      (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return req;
    });
    const err = await s.addResult(result('q')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageWriteError);
    expect(err).toMatchObject({ code: 'full', message: expect.stringMatching(/storage is full/i) });
    vi.restoreAllMocks();
    expect(await s.listResults()).toEqual([]);
  });

  it('refuses to store an invalid record instead of quarantining it later', async () => {
    const s = newStore(freshName());
    await s.open();
    await expect(s.addResult({ ...result('v'), summary: { ...result('v').summary, total: -1 } })).rejects.toMatchObject(
      { code: 'invalid' },
    );
    await expect(new MemoryStore().addResult({ ...result('v'), lang: 'xx' as 'fr' })).rejects.toMatchObject({
      code: 'invalid',
    });
  });
});

describe('settings', () => {
  const mine: Settings = { lang: 'fr', mode: 'exam', pace: 'turns', volume: 0.3, muted: true, speech: true };

  it('round-trips through localStorage', () => {
    const ls = new FakeLocalStorage();
    newStore(freshName(), ls).saveSettings(mine);
    expect(newStore(freshName(), ls).loadSettings()).toEqual(mine);
  });

  it('corrupt JSON → defaults, the corrupt text kept aside, and a notice on open', async () => {
    const ls = new FakeLocalStorage();
    ls.setItem(SETTINGS_KEY, '{"lang":"fr",');
    const s = newStore(freshName(), ls);
    expect(s.loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(ls.getItem(CORRUPT_SETTINGS_KEY)).toBe('{"lang":"fr",');
    expect(await s.open()).toEqual([{ key: 'storage.settingsReset', params: {} }]);
    s.saveSettings(mine);
    expect(ls.getItem(CORRUPT_SETTINGS_KEY)).toBe('{"lang":"fr",'); // still there after a good save
    expect(s.loadSettings()).toEqual(mine);
  });

  it('keeps settings in memory when localStorage is unavailable or full', () => {
    const s = new IdbStore({ localStorage: null });
    expect(s.loadSettings()).toEqual(DEFAULT_SETTINGS);
    s.saveSettings(mine);
    expect(s.loadSettings()).toEqual(mine);
    const full = new FakeLocalStorage();
    full.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const f = newStore(freshName(), full);
    f.saveSettings(mine);
    expect(f.loadSettings()).toEqual(mine);
  });
});
