// The database's version 3 (imported calls): an upgrade from version 2 keeps every record of every
// store, and imported calls are added, replaced, listed and removed.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLog } from '../../src/engine/replay.ts';
import type { ImportedCall, InProgress, ResultRecord } from '../../src/ports/storage.ts';
import { IdbStore } from '../../src/storage/IdbStore.ts';
import { DB_VERSION } from '../../src/storage/idb.ts';

const log = makeLog('printer-nothing', 42, 'training', [{ at: 0, action: { type: 'say', choice: 'greet' } }], 2000);
const result: ResultRecord = {
  id: 'r1',
  scenario: 'printer-nothing',
  lang: 'fr',
  finishedAt: '2025-03-01T10:00:00.000Z',
  log,
  summary: { total: 72, process: 80, diagnosis: 60, calmness: 75, outcome: 'resolved', won: true },
};
const progress: InProgress = { log, lang: 'en', savedAt: '2025-03-01T09:58:00Z', pace: 'turns' };
const imported = (id: string, title = 'Un appel'): ImportedCall => ({
  id,
  title,
  lang: 'fr',
  hash: 'a'.repeat(64),
  text: `id: ${id}\n`,
  data: { id },
  translations: { en: '{"title":"A call"}' },
  importedAt: '2026-01-01T00:00:00.000Z',
  generator: 'test',
});

/** A database as version 2 made it (the stores of versions 1 and 2), one record in each store. */
function versionTwo(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, 2);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('results', { keyPath: 'id' }).put(result);
      db.createObjectStore('inProgress').put(progress, 'slot-1');
      db.createObjectStore('quarantine', { autoIncrement: true }).put({ reason: 'old', value: 1 });
      db.createObjectStore('outbox', { keyPath: 'resultId' }).put({ resultId: 'r1', state: 'pending' });
      db.createObjectStore('team').put({ session: 's1' }, 'trainee:s1');
    };
    req.onsuccess = () => (req.result.close(), resolve());
    req.onerror = () => reject(req.error);
  });
}

function count(name: string, store: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const c = req.result.transaction(store).objectStore(store).count();
      c.onsuccess = () => (req.result.close(), resolve(c.result));
      c.onerror = () => reject(c.error);
    };
  });
}

const stores: IdbStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

describe('imported calls in IndexedDB', () => {
  it('upgrades a version 2 database keeping every record of every store', async () => {
    expect(DB_VERSION).toBe(3);
    await versionTwo('upgrade-2-3');
    const store = new IdbStore({ dbName: 'upgrade-2-3', localStorage: null });
    stores.push(store);
    expect(await store.open()).toEqual([]);
    expect(await store.listResults()).toEqual([result]);
    expect(await store.listInProgress()).toEqual([{ ...progress, id: 'slot-1' }]);
    expect(await store.listOutbox()).toEqual([{ resultId: 'r1', state: 'pending' }]);
    expect(await store.listTeam()).toEqual([{ session: 's1' }]);
    expect(await store.listImported()).toEqual([]);
    store.close();
    expect(await count('upgrade-2-3', 'quarantine')).toBe(1);
  });

  it('adds, replaces (same id), lists and removes imported calls; a bad record is left out', async () => {
    const store = new IdbStore({ dbName: 'imported-crud', localStorage: null });
    stores.push(store);
    await store.open();
    await store.putImported(imported('one'));
    await store.putImported(imported('two'));
    await store.putImported(imported('one', 'Remplacé'));
    const list = await store.listImported();
    expect(list.map((c) => [c.id, c.title]).sort()).toEqual([
      ['one', 'Remplacé'],
      ['two', 'Un appel'],
    ]);
    await store.deleteImported('one');
    expect((await store.listImported()).map((c) => c.id)).toEqual(['two']);
    await expect(store.putImported({ ...imported('x'), data: null })).rejects.toThrow(/not saved/);
  });

  it('keeps imported calls for the page when IndexedDB is unavailable', async () => {
    const store = new IdbStore({ indexedDB: null, localStorage: null });
    await store.open();
    await store.putImported(imported('mem'));
    expect((await store.listImported()).map((c) => c.id)).toEqual(['mem']);
  });
});
