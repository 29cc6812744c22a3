// The GameStore kept in memory: the fallback when IndexedDB is unavailable, and a stand-in in tests.
import type { GameStore, InProgress, InProgressSlot, ResultRecord, Settings, StorageNotice } from '../ports/storage.ts';
import { invalidRecord, StorageWriteError } from './idb.ts';
import { DEFAULT_SETTINGS, parseInProgress, parseResult, parseSettings, serializeResults } from './validate.ts';

/** Oldest first, as a results list reads; ISO strings of one format sort as dates. */
export function byFinishedAt(a: ResultRecord, b: ResultRecord): number {
  return Date.parse(a.finishedAt) - Date.parse(b.finishedAt);
}

/** Calls in progress, most recently saved first. */
export function bySavedAtDesc(a: InProgressSlot, b: InProgressSlot): number {
  return Date.parse(b.savedAt) - Date.parse(a.savedAt);
}

export class MemoryStore implements GameStore {
  private readonly results = new Map<string, ResultRecord>();
  private readonly inProgress = new Map<string, InProgress>();
  private settings: Settings;

  constructor(init: { results?: readonly ResultRecord[]; settings?: Settings } = {}) {
    for (const r of init.results ?? []) this.results.set(r.id, structuredClone(r));
    this.settings = init.settings ?? DEFAULT_SETTINGS;
  }

  async open(): Promise<StorageNotice[]> {
    return [];
  }

  async listResults(): Promise<ResultRecord[]> {
    // Copies, as IndexedDB would give: a caller mutating one cannot change what is stored.
    return [...this.results.values()].map((r) => structuredClone(r)).sort(byFinishedAt);
  }

  async addResult(r: ResultRecord): Promise<void> {
    // Same rules as IdbStore, so code tested against memory behaves the same on the real store.
    const p = parseResult(r);
    if (!p.ok) throw invalidRecord('This result', p.errors);
    if (this.results.has(r.id))
      throw new StorageWriteError(
        'duplicate',
        'This result was not saved: a record with the same id is already stored.',
      );
    this.results.set(r.id, structuredClone(p.value));
  }

  async exportResults(exportedAt: string = new Date().toISOString()): Promise<string> {
    return serializeResults(await this.listResults(), exportedAt);
  }

  async saveInProgress(id: string, p: InProgress): Promise<void> {
    const v = parseInProgress(p);
    if (!v.ok) throw invalidRecord('The call in progress', v.errors);
    this.inProgress.set(id, structuredClone(v.value));
  }

  async listInProgress(): Promise<InProgressSlot[]> {
    return [...this.inProgress].map(([id, p]) => ({ ...structuredClone(p), id })).sort(bySavedAtDesc);
  }

  async clearInProgress(id: string): Promise<void> {
    this.inProgress.delete(id);
  }

  takeNotices(): StorageNotice[] {
    return [];
  }

  loadSettings(): Settings {
    return this.settings;
  }

  saveSettings(s: Settings): void {
    this.settings = parseSettings(s);
  }
}
