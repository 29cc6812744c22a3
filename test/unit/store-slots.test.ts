// One slot per call in progress (two tabs never overwrite each other, the old single slot is read
// as one of them), and a store that survives its database being deleted under it: it opens it
// again, writes, and says so once.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLog } from '../../src/engine/replay.ts';
import type { InProgress, ResultRecord } from '../../src/ports/storage.ts';
import { IdbStore } from '../../src/storage/IdbStore.ts';
import { LEGACY_KEY } from '../../src/storage/idb.ts';
import { MemoryStore } from '../../src/storage/MemoryStore.ts';
import { saver } from '../../src/ui/saves.ts';

const log = (time: number) => makeLog('printer-nothing', 42, 'training', [], time);
const at = (savedAt: string, time = 1000): InProgress => ({ log: log(time), lang: 'en', savedAt, pace: 'real' });
const result: ResultRecord = {
  id: 'r1',
  scenario: 'printer-nothing',
  lang: 'en',
  finishedAt: '2025-03-01T10:00:00.000Z',
  log: log(2000),
  summary: { total: 72, process: 80, diagnosis: 60, calmness: 75, outcome: 'resolved', won: true },
};

let n = 0;
const opened: IdbStore[] = [];
async function store(name = `slots-${++n}`): Promise<IdbStore> {
  const s = new IdbStore({ dbName: name, localStorage: null });
  opened.push(s);
  await s.open();
  return s;
}
afterEach(() => opened.splice(0).forEach((s) => s.close()));

const deleteDb = (name: string): Promise<void> =>
  new Promise((ok, ko) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => ok();
    r.onerror = () => ko(r.error);
  });

describe('calls in progress, one slot each', () => {
  for (const make of [() => store(), async () => new MemoryStore()] as const) {
    it(`two calls keep their own slots, listed newest first; clearing one leaves the other (${make === store ? 'IndexedDB' : 'memory'})`, async () => {
      const s = await make();
      await s.saveInProgress('a', at('2025-03-01T10:00:00Z'));
      await s.saveInProgress('b', at('2025-03-01T10:05:00Z'));
      await s.saveInProgress('a', at('2025-03-01T10:01:00Z', 5000));
      expect((await s.listInProgress()).map((p) => [p.id, p.log.time])).toEqual([
        ['b', 1000],
        ['a', 5000],
      ]);
      await s.clearInProgress('b');
      expect((await s.listInProgress()).map((p) => p.id)).toEqual(['a']);
    });
  }

  it('reads the old single slot as a call of its own, which can be cleared like the others', async () => {
    const name = `slots-${++n}`;
    const s = await store(name);
    s.close();
    await new Promise<void>((ok) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => {
        const tx = r.result.transaction('inProgress', 'readwrite');
        tx.objectStore('inProgress').put(at('2025-03-01T09:00:00Z'), LEGACY_KEY);
        tx.oncomplete = () => (r.result.close(), ok());
      };
    });
    const t = await store(name);
    await t.saveInProgress('new', at('2025-03-01T10:00:00Z'));
    expect((await t.listInProgress()).map((p) => p.id)).toEqual(['new', LEGACY_KEY]);
    await t.clearInProgress(LEGACY_KEY);
    expect((await t.listInProgress()).map((p) => p.id)).toEqual(['new']);
  });
});

describe('the database deleted under the store', () => {
  it('is opened again on the next write: the result is kept, and the store says so once', async () => {
    const name = `slots-${++n}`;
    const s = await store(name);
    await s.saveInProgress('a', at('2025-03-01T10:00:00Z'));
    await deleteDb(name);
    await s.saveInProgress('a', at('2025-03-01T10:01:00Z'));
    await s.addResult(result);
    expect(s.takeNotices()).toEqual([{ key: 'storage.reopened', params: {} }]);
    expect(s.takeNotices()).toEqual([]);
    const again = await store(name);
    expect((await again.listResults()).map((r) => r.id)).toEqual(['r1']);
    expect((await again.listInProgress()).map((p) => p.id)).toEqual(['a']);
  });
});

describe('saver', () => {
  it('writes one save at a time, and a save asked meanwhile once more with the newest state', async () => {
    const written: number[] = [];
    let state = 0;
    let running = 0;
    let most = 0;
    const save = saver(async () => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 5));
      written.push(state);
      running--;
    });
    state = 1;
    const first = save();
    state = 2;
    void save();
    state = 3;
    const last = save();
    await Promise.all([first, last]);
    expect(most).toBe(1);
    expect(written).toEqual([3, 3]);
  });
});
