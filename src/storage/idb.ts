// Promise wrappers over the IndexedDB event API, and the error a failed write reports to the player.

/**
 * 2: the team outbox and the team sessions' keys; 3: the imported calls (each version's upgrade
 * only adds stores: the earlier ones are kept as they are).
 */
export const DB_VERSION = 3;
export const RESULTS = 'results';
export const IN_PROGRESS = 'inProgress';
export const QUARANTINE = 'quarantine';
/** Session results not yet acknowledged by the team server (by result id), and those it acknowledged or refused. */
export const OUTBOX = 'outbox';
/** The sessions joined (trainee token) and created (trainer key) in this browser. */
export const TEAM = 'team';
/** The calls imported from packs (src/packs), by call id. */
export const IMPORTED = 'imported';
/** The one slot of the call in progress before each call had its own; read as a slot among the others. */
export const LEGACY_KEY = 'current';

/** Why a write failed: `full` is the browser's quota, the one a player can act on (export, free space). */
export type StorageErrorCode = 'full' | 'invalid' | 'duplicate' | 'failed';

/** A write that did not happen; the message is a sentence the UI can show as it is. */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError';
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** Turns whatever IndexedDB threw or aborted with into a StorageWriteError saying what was lost. */
export function writeError(what: string, cause: unknown): StorageWriteError {
  if (cause instanceof StorageWriteError) return cause;
  const name = (cause as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) {
    return new StorageWriteError(
      'full',
      `Browser storage is full: ${what} was not saved. Export your results, then free some space for this site.`,
      { cause },
    );
  }
  if (name === 'ConstraintError')
    return new StorageWriteError('duplicate', `${what} was not saved: a record with the same id is already stored.`, {
      cause,
    });
  const detail = cause instanceof Error ? cause.message || cause.name : String(cause);
  return new StorageWriteError('failed', `${what} was not saved (${detail}).`, { cause });
}

/** A record refused before writing: storing it would only get it quarantined on the next open. */
export function invalidRecord(what: string, errors: readonly { path: string; code: string }[]): StorageWriteError {
  const where = errors.map((e) => `${e.path || 'record'} (${e.code})`).join(', ');
  return new StorageWriteError('invalid', `${what} was not saved: invalid ${where}.`);
}

/** Resolves when the transaction commits; rejects with the reason it aborted (quota, constraint...). */
export function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    // Request errors bubble here first, but tx.error is only final once `abort` fires.
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

/** Runs `body` in one transaction; a synchronous throw aborts it and rejects like an async failure. */
export async function inTx(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction) => void,
): Promise<void> {
  const tx = db.transaction(stores, mode);
  const done = txDone(tx);
  try {
    body(tx);
  } catch (e) {
    done.catch(() => {}); // the abort below settles it; the original error is the one to report
    try {
      tx.abort();
    } catch {
      /* already finished */
    }
    throw e;
  }
  await done;
}

/**
 * Opens (creating on first run) the database; rejects on error, on `blocked`, or after `timeoutMs`.
 * `onLost` hears when the connection is gone: closed for another tab's upgrade or a deletion
 * (`versionchange`), or by the browser (`close`: site data cleared, disk error).
 */
export function openDb(
  factory: IDBFactory,
  name: string,
  timeoutMs: number,
  onLost: () => void = () => {},
): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown): void => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(e);
      }
    };
    // Some private modes never answer the open request; the game must not wait forever for it.
    const timer = setTimeout(() => fail(new DOMException('IndexedDB did not answer', 'TimeoutError')), timeoutMs);
    let req: IDBOpenDBRequest;
    try {
      req = factory.open(name, DB_VERSION);
    } catch (e) {
      return fail(e);
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains(RESULTS)) db.createObjectStore(RESULTS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(IN_PROGRESS)) db.createObjectStore(IN_PROGRESS);
      if (!db.objectStoreNames.contains(QUARANTINE)) db.createObjectStore(QUARANTINE, { autoIncrement: true });
      if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'resultId' });
      if (!db.objectStoreNames.contains(TEAM)) db.createObjectStore(TEAM);
      if (!db.objectStoreNames.contains(IMPORTED)) db.createObjectStore(IMPORTED, { keyPath: 'id' });
    };
    req.onerror = () => fail(req.error ?? new DOMException('IndexedDB open failed', 'UnknownError'));
    req.onblocked = () => fail(new DOMException('IndexedDB open blocked by another tab', 'BlockedError'));
    req.onsuccess = () => {
      const db = req.result;
      // Too late (timed out or blocked): close so this connection does not block anyone else.
      if (settled) return db.close();
      settled = true;
      clearTimeout(timer);
      // Another tab upgrading or deleting the database must not be blocked by this one: close,
      // and let the owner open it again when it next needs it.
      db.onversionchange = () => {
        db.close();
        onLost();
      };
      db.onclose = () => onLost();
      resolve(db);
    };
  });
}
