// The team side's storage: the database upgraded from version 1 keeps its results and gains the
// outbox; the content version computed without WebCrypto is the shared one.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../src/content/content-hash.ts';
import { makeLog } from '../../src/engine/replay.ts';
import { IdbStore } from '../../src/storage/IdbStore.ts';
import { randomUuid, sha256Hex } from '../../src/team/sha256.ts';

describe('the database upgraded to version 2', () => {
  it('keeps version 1’s results and keeps outbox items and team records', async () => {
    const name = 'team-upgrade';
    await new Promise<void>((ok, ko) => {
      const r = indexedDB.open(name, 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore('results', { keyPath: 'id' });
        r.result.createObjectStore('inProgress');
        r.result.createObjectStore('quarantine', { autoIncrement: true });
      };
      r.onsuccess = () => {
        const tx = r.result.transaction('results', 'readwrite');
        tx.objectStore('results').put({
          id: 'old',
          scenario: 'known-outage-tech',
          lang: 'en',
          finishedAt: '2025-03-01T10:00:00.000Z',
          log: makeLog('known-outage-tech', 1, 'exam', [{ at: 0, action: { type: 'hangUp' } }], 1000),
          summary: { total: 0, process: 0, diagnosis: 0, calmness: 0, outcome: 'lost', won: false },
        });
        tx.oncomplete = () => (r.result.close(), ok());
        tx.onerror = () => ko(tx.error);
      };
    });
    const store = new IdbStore({ dbName: name, localStorage: null });
    expect(await store.open()).toEqual([]);
    expect((await store.listResults()).map((r) => r.id)).toEqual(['old']);
    await store.putOutbox({ resultId: 'r1', state: 'waiting' } as never);
    await store.putTeam('trainee:s1', { kind: 'trainee' });
    store.close();
    const again = new IdbStore({ dbName: name, localStorage: null });
    await again.open();
    expect(await again.listOutbox()).toEqual([{ resultId: 'r1', state: 'waiting' }]);
    expect(await again.listTeam()).toEqual([{ kind: 'trainee' }]);
    expect((await again.listResults()).length).toBe(1);
    again.close();
  });
});

describe('without WebCrypto (a page over plain HTTP)', () => {
  it('hashes content to the same version as the shared module', async () => {
    for (const doc of [{}, { id: 'é', list: [1, 2.5, null, 'ü'] }, { emoji: '📞'.repeat(50), n: -0 }]) {
      const bytes = new TextEncoder().encode(canonicalJson({ playbook: { a: 1 }, call: doc }));
      expect(sha256Hex(bytes)).toBe(await contentHash({ a: 1 }, doc));
    }
    expect(sha256Hex(new Uint8Array(0))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('makes version 4 UUIDs', () => {
    expect(randomUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
