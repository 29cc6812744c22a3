// Reads results and the call in progress, validating each record and moving the unreadable ones aside.
import type { InProgressSlot, ResultRecord } from '../ports/storage.ts';
import { IN_PROGRESS, inTx, QUARANTINE, RESULTS } from './idb.ts';
import { byFinishedAt, bySavedAtDesc } from './MemoryStore.ts';
import { parseInProgress, parseResult, type FieldError } from './validate.ts';

/** What a quarantined entry holds: enough to restore the record by hand or to see why it was refused. */
export type QuarantineEntry = {
  readonly from: Source;
  readonly key: IDBValidKey;
  readonly raw: unknown;
  readonly reason: readonly FieldError[];
  readonly movedAt: string;
};

export type Source = typeof RESULTS | typeof IN_PROGRESS;
/** `inProgress`: one slot per call, most recently saved first. */
export type Scan = { results: ResultRecord[]; inProgress: InProgressSlot[]; bad: number };

// One transaction reads and moves, so a record is either still in place or already in quarantine.
export async function scan(db: IDBDatabase, from: readonly Source[], move: boolean): Promise<Scan> {
  const out: Scan = { results: [], inProgress: [], bad: 0 };
  const movedAt = new Date().toISOString();
  await inTx(db, move ? [...from, QUARANTINE] : [...from], move ? 'readwrite' : 'readonly', (tx) => {
    const setAside = (src: Source, key: IDBValidKey, raw: unknown, reason: FieldError[], drop: () => void): void => {
      out.bad++;
      if (!move) return;
      const entry: QuarantineEntry = { from: src, key, raw, reason, movedAt };
      tx.objectStore(QUARANTINE).add(entry);
      drop();
    };
    if (from.includes(RESULTS)) {
      const req = tx.objectStore(RESULTS).openCursor();
      req.onsuccess = () => {
        const c = req.result;
        if (!c) return;
        const p = parseResult(c.value);
        if (p.ok) out.results.push(p.value);
        else setAside(RESULTS, c.primaryKey, c.value, p.errors, () => c.delete());
        c.continue();
      };
    }
    if (from.includes(IN_PROGRESS)) {
      // Each call has its slot, keyed by its id (the old single slot's key, 'current', is its id).
      const req = tx.objectStore(IN_PROGRESS).openCursor();
      req.onsuccess = () => {
        const c = req.result;
        if (!c) return;
        const p = parseInProgress(c.value);
        const id = c.primaryKey;
        if (p.ok && typeof id === 'string') out.inProgress.push({ ...p.value, id });
        else {
          const reason = p.ok ? [{ path: '', code: 'badKey' }] : p.errors;
          setAside(IN_PROGRESS, id, c.value, reason, () => c.delete());
        }
        c.continue();
      };
    }
  });
  out.results.sort(byFinishedAt);
  out.inProgress.sort(bySavedAtDesc);
  return out;
}
