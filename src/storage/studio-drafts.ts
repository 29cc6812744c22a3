// The Studio's drafts in IndexedDB (a database of its own, not the game's): the draft being
// edited saved on each pause, its versions (one a minute of editing at most, and one on each
// explicit save, the last 50 kept), and the draft to reopen. A draft is one record holding both
// its texts, written in one transaction: it is never half saved nor half loaded.
import { txDone } from './idb.ts';

export const STUDIO_DB = 'hotliner-studio';
const DB_VERSION = 1;
const DRAFTS = 'drafts';
const VERSIONS = 'versions';
const META = 'meta';
const LAST = 'last';

/** At most one automatic version a minute of editing. */
export const VERSION_EVERY_MS = 60_000;
/** Versions kept per draft (the oldest go first). */
export const VERSIONS_KEPT = 50;

/** Where the trainer was: the tab, the cursors, the playtest's actions (plain data, the Studio's own). */
export type DraftPlace = Readonly<Record<string, unknown>>;

export type Draft = {
  /** The call's file name without `.yaml`: one draft per name. */
  readonly name: string;
  readonly yaml: string;
  readonly translation: string | null;
  /** When it was saved (ms since the epoch). */
  readonly savedAt: number;
  readonly place?: DraftPlace;
};

export type VersionReason = 'auto' | 'save' | 'open' | 'restore';

export type Version = {
  readonly id: number;
  readonly name: string;
  readonly yaml: string;
  readonly translation: string | null;
  readonly at: number;
  readonly reason: VersionReason;
};

/** Opens (creating on first use) the Studio's database. */
export function openStudioDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(STUDIO_DB, DB_VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore(DRAFTS, { keyPath: 'name' });
      db.createObjectStore(VERSIONS, { keyPath: 'id', autoIncrement: true }).createIndex('name', 'name');
      db.createObjectStore(META);
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB open blocked by another tab'));
    req.onsuccess = () => resolve(req.result);
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Whether an automatic version is due: none yet, or the newest is a minute old. */
export function versionDue(newestAt: number | null, now: number): boolean {
  return newestAt === null || now - newestAt >= VERSION_EVERY_MS;
}

export class StudioDrafts {
  constructor(private readonly db: IDBDatabase) {}

  /**
   * Saves the draft and marks it as the one to reopen; keeps a version too when one is due
   * (`auto`: a minute after the last) or asked for (`save`, `open`, `restore`).
   */
  async save(draft: Draft, reason: VersionReason = 'auto'): Promise<Version | null> {
    const newest = (await this.versions(draft.name))[0] ?? null;
    const changed = !newest || newest.yaml !== draft.yaml || newest.translation !== draft.translation;
    const keep = reason === 'auto' ? changed && versionDue(newest?.at ?? null, draft.savedAt) : changed;
    const tx = this.db.transaction([DRAFTS, VERSIONS, META], 'readwrite');
    const done = txDone(tx);
    tx.objectStore(DRAFTS).put(draft);
    tx.objectStore(META).put(draft.name, LAST);
    let added: IDBRequest<IDBValidKey> | null = null;
    if (keep) {
      const { name, yaml, translation, savedAt: at } = draft;
      added = tx.objectStore(VERSIONS).add({ name, yaml, translation, at, reason });
    }
    await done;
    if (keep) await this.prune(draft.name);
    return keep && added
      ? {
          id: added.result as number,
          name: draft.name,
          yaml: draft.yaml,
          translation: draft.translation,
          at: draft.savedAt,
          reason,
        }
      : null;
  }

  /** The draft the Studio had open last, or null on a first visit. */
  async last(): Promise<Draft | null> {
    const tx = this.db.transaction([DRAFTS, META], 'readonly');
    const name = await request(tx.objectStore(META).get(LAST));
    if (typeof name !== 'string') return null;
    return ((await request(tx.objectStore(DRAFTS).get(name))) as Draft | undefined) ?? null;
  }

  /** A draft by name, or null. */
  async get(name: string): Promise<Draft | null> {
    const tx = this.db.transaction(DRAFTS, 'readonly');
    return ((await request(tx.objectStore(DRAFTS).get(name))) as Draft | undefined) ?? null;
  }

  /** Every draft, most recently saved first. */
  async list(): Promise<Draft[]> {
    const tx = this.db.transaction(DRAFTS, 'readonly');
    const all = (await request(tx.objectStore(DRAFTS).getAll())) as Draft[];
    return all.sort((a, b) => b.savedAt - a.savedAt);
  }

  /** A draft's versions, newest first. */
  async versions(name: string): Promise<Version[]> {
    const tx = this.db.transaction(VERSIONS, 'readonly');
    const all = (await request(tx.objectStore(VERSIONS).index('name').getAll(name))) as Version[];
    return all.sort((a, b) => b.at - a.at || b.id - a.id);
  }

  private async prune(name: string): Promise<void> {
    const old = (await this.versions(name)).slice(VERSIONS_KEPT);
    if (!old.length) return;
    const tx = this.db.transaction(VERSIONS, 'readwrite');
    const done = txDone(tx);
    for (const v of old) tx.objectStore(VERSIONS).delete(v.id);
    await done;
  }
}

const LANG_KEY = 'hotliner-studio-lang';

/** The Studio's language as last chosen, or null (localStorage may be unavailable: then nothing is kept). */
export function savedStudioLang(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANG_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveStudioLang(lang: string): void {
  try {
    globalThis.localStorage?.setItem(LANG_KEY, lang);
  } catch {
    /* kept for this visit only */
  }
}
