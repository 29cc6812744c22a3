// Reads results and the call in progress, validating each record and moving the unreadable ones aside.
import type { InProgress, ResultRecord } from '../ports/storage.ts';
import { CURRENT_KEY, IN_PROGRESS, inTx, QUARANTINE, RESULTS } from './idb.ts';
import { byFinishedAt } from './MemoryStore.ts';
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
export type Scan = { results: ResultRecord[]; inProgress: InProgress | null; bad: number };

// One transaction reads and moves, so a record is either still in place or already in quarantine.
export async function scan(db: IDBDatabase, from: readonly Source[], move: boolean): Promise<Scan> {
  const out: Scan = { results: [], inProgress: null, bad: 0 };
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
      const store = tx.objectStore(IN_PROGRESS);
      const req = store.get(CURRENT_KEY);
      req.onsuccess = () => {
        if (req.result === undefined) return;
        const p = parseInProgress(req.result);
        if (p.ok) out.inProgress = p.value;
        else setAside(IN_PROGRESS, CURRENT_KEY, req.result, p.errors, () => store.delete(CURRENT_KEY));
      };
    }
  });
  out.results.sort(byFinishedAt);
  return out;
}
