// The GameStore over IndexedDB (results, call in progress) and localStorage (settings).
// Nothing read back is trusted: a record that fails validation is moved to `quarantine`, never deleted.
import type {
  GameStore,
  ImportedCall,
  ImportStore,
  InProgress,
  InProgressSlot,
  ResultRecord,
  Settings,
  StorageNotice,
} from '../ports/storage.ts';
import { IMPORTED, IN_PROGRESS, inTx, invalidRecord, openDb, OUTBOX, RESULTS, TEAM, writeError } from './idb.ts';
import { parseImported } from './imported.ts';
import { MemoryStore } from './MemoryStore.ts';
import { scan, type Scan, type Source } from './scan.ts';
import { browserStorage, LocalSettings, type KeyValueStorage } from './settings.ts';
import { parseInProgress, parseResult, serializeResults } from './validate.ts';

export type { QuarantineEntry } from './scan.ts';

export const DB_NAME = 'hotliner';

export type IdbStoreOptions = {
  /** Defaults to `globalThis.indexedDB`; null forces the in-memory fallback. */
  readonly indexedDB?: IDBFactory | null;
  /** Defaults to `globalThis.localStorage`; null keeps settings in memory. */
  readonly localStorage?: KeyValueStorage | null;
  readonly dbName?: string;
  /** How long to wait for IndexedDB before playing on in memory. */
  readonly openTimeoutMs?: number;
};

export class IdbStore implements GameStore, ImportStore {
  private db: IDBDatabase | null = null;
  /** Set when IndexedDB could not be opened: the session plays on in memory. */
  private fallback: MemoryStore | null = null;
  /** The connection went away in use (database deleted, closed by the browser): opened again on next use. */
  private lost = false;
  private reopening: Promise<IDBDatabase> | null = null;
  /** What happened since the last `takeNotices` (the database opened again). */
  private notices: StorageNotice[] = [];
  private readonly settings: LocalSettings;
  /** The outbox and team records while IndexedDB is unavailable (kept for this page only). */
  private readonly memory = {
    outbox: new Map<string, unknown>(),
    team: new Map<string, unknown>(),
    imported: new Map<string, ImportedCall>(),
  };

  constructor(private readonly opts: IdbStoreOptions = {}) {
    this.settings = new LocalSettings(opts.localStorage !== undefined ? opts.localStorage : browserStorage());
  }

  async open(): Promise<StorageNotice[]> {
    this.close();
    const notices: StorageNotice[] = [];
    this.settings.load();
    if (this.settings.corruptFound) notices.push({ key: 'storage.settingsReset', params: {} });
    try {
      this.db = await this.connect();
      const s = await this.read([RESULTS, IN_PROGRESS]);
      if (s.bad)
        notices.push({ key: s.moved ? 'storage.quarantined' : 'storage.unreadable', params: { count: s.bad } });
    } catch {
      // Private mode, blocked, broken: the game keeps working for this session and says so.
      this.close();
      this.fallback = new MemoryStore();
      notices.push({ key: 'storage.unavailable', params: {} });
    }
    return notices;
  }

  /** Closes the connection (another tab or a test can then open or delete the database). */
  close(): void {
    this.db?.close();
    this.db = null;
    this.lost = false;
    this.fallback = null;
  }

  takeNotices(): StorageNotice[] {
    const out = this.notices;
    this.notices = [];
    return out;
  }

  async listResults(): Promise<ResultRecord[]> {
    if (this.fallback) return this.fallback.listResults();
    return (await this.read([RESULTS])).results;
  }

  async addResult(r: ResultRecord): Promise<void> {
    if (this.fallback) return this.fallback.addResult(r);
    const p = parseResult(r);
    if (!p.ok) throw invalidRecord('This result', p.errors);
    // `add`, not `put`: an id clash must never overwrite an older result.
    await this.write('This result', RESULTS, (s) => s.add(p.value));
  }

  async exportResults(exportedAt: string = new Date().toISOString()): Promise<string> {
    return serializeResults(await this.listResults(), exportedAt);
  }

  async saveInProgress(id: string, p: InProgress): Promise<void> {
    if (this.fallback) return this.fallback.saveInProgress(id, p);
    const v = parseInProgress(p);
    if (!v.ok) throw invalidRecord('The call in progress', v.errors);
    await this.write('The call in progress', IN_PROGRESS, (s) => s.put(v.value, id));
  }

  async listInProgress(): Promise<InProgressSlot[]> {
    if (this.fallback) return this.fallback.listInProgress();
    return (await this.read([IN_PROGRESS])).inProgress;
  }

  async clearInProgress(id: string): Promise<void> {
    if (this.fallback) return this.fallback.clearInProgress(id);
    await this.write('Clearing the call in progress', IN_PROGRESS, (s) => s.delete(id));
  }

  /** Every record of the team outbox, as stored (src/team/outbox.ts reads them). */
  async listOutbox(): Promise<unknown[]> {
    if (this.fallback) return [...this.memory.outbox.values()];
    return this.getAll(OUTBOX);
  }

  async putOutbox(item: { readonly resultId: string }): Promise<void> {
    if (this.fallback) return void this.memory.outbox.set(item.resultId, structuredClone(item));
    await this.write('This session result', OUTBOX, (s) => s.put(item));
  }

  /** The team sessions this browser joined or created (src/team/memberships.ts reads them). */
  async listTeam(): Promise<unknown[]> {
    if (this.fallback) return [...this.memory.team.values()];
    return this.getAll(TEAM);
  }

  async putTeam(key: string, value: unknown): Promise<void> {
    if (this.fallback) return void this.memory.team.set(key, structuredClone(value));
    await this.write('This session', TEAM, (s) => s.put(value, key));
  }

  /** The imported calls (src/packs); a record of the wrong shape is left out, and left where it is. */
  async listImported(): Promise<ImportedCall[]> {
    const all = this.fallback ? [...this.memory.imported.values()] : await this.getAll(IMPORTED);
    return all.flatMap((r) => parseImported(r) ?? []);
  }

  async putImported(call: ImportedCall): Promise<void> {
    if (!parseImported(call)) throw invalidRecord('This imported call', [{ path: 'call', code: 'invalid' }]);
    if (this.fallback) return void this.memory.imported.set(call.id, structuredClone(call));
    await this.write('This imported call', IMPORTED, (s) => s.put(call));
  }

  async deleteImported(id: string): Promise<void> {
    if (this.fallback) return void this.memory.imported.delete(id);
    await this.write('Removing the imported call', IMPORTED, (s) => s.delete(id));
  }

  private async getAll(store: typeof OUTBOX | typeof TEAM | typeof IMPORTED): Promise<unknown[]> {
    const db = await this.connection();
    let req: IDBRequest<unknown[]> | null = null;
    await inTx(db, [store], 'readonly', (tx) => (req = tx.objectStore(store).getAll()));
    return req!.result;
  }

  loadSettings(): Settings {
    return this.settings.load();
  }

  saveSettings(s: Settings): void {
    this.settings.save(s);
  }

  private factory(): IDBFactory {
    // Reading `indexedDB` itself throws in some locked-down contexts, hence inside open()'s try.
    const f =
      this.opts.indexedDB !== undefined ? this.opts.indexedDB : (globalThis.indexedDB as IDBFactory | undefined);
    if (!f) throw new Error('IndexedDB is not available');
    return f;
  }

  /** Opens the database; a connection lost later (see `openDb`) is forgotten, to be opened again. */
  private async connect(): Promise<IDBDatabase> {
    let db: IDBDatabase | null = null;
    const lose = (): void => {
      if (!db || this.db !== db) return;
      this.db = null;
      this.lost = true;
    };
    db = await openDb(this.factory(), this.opts.dbName ?? DB_NAME, this.opts.openTimeoutMs ?? 5000, lose);
    return db;
  }

  /** The open connection; one lost in use is opened again (once for concurrent callers), and the player told. */
  private async connection(): Promise<IDBDatabase> {
    if (this.db) return this.db;
    if (!this.lost) throw new Error('IdbStore: open() must be called (and succeed) before use');
    this.reopening ??= this.connect()
      .then((db) => {
        this.db = db;
        this.lost = false;
        this.notices.push({ key: 'storage.reopened', params: {} });
        return db;
      })
      .finally(() => (this.reopening = null));
    return this.reopening;
  }

  // Moves bad records aside; if even that cannot be written (storage full), reads around them instead.
  private async read(from: readonly Source[]): Promise<Scan & { moved: boolean }> {
    const db = await this.connection();
    try {
      return { ...(await scan(db, from, true)), moved: true };
    } catch {
      return { ...(await scan(db, from, false)), moved: false };
    }
  }

  private async write(
    what: string,
    store: Source | typeof OUTBOX | typeof TEAM | typeof IMPORTED,
    op: (s: IDBObjectStore) => void,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let db: IDBDatabase;
      try {
        db = await this.connection();
        await inTx(db, [store], 'readwrite', (tx) => op(tx.objectStore(store)));
        return;
      } catch (e) {
        // The connection closed under this write (deleted, closed by the browser): once more, reopened.
        if (attempt === 0 && this.lost) continue;
        throw writeError(what, e);
      }
    }
  }
}
