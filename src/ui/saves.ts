// Keeping a call: its slot's id, its progress written one save at a time, and its result kept
// even when the browser's storage fails (held in memory, tried again, offered as a file).
import type { GameStore, ResultRecord } from '../ports/storage.ts';
import { serializeResults } from '../storage/validate.ts';
import { download } from './download.ts';

/** How long to wait before trying a failed result once more (the store has reopened the database by then). */
const RETRY_MS = 1000;

/** A call's own slot for its progress, made when it starts: two calls (two tabs) never share one. */
export function newCallId(scenario: string): string {
  const rand = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `${scenario}-${Date.now().toString(36)}-${rand}`;
}

/**
 * One call's saves, one write at a time: a save asked while one runs is made after it, with the
 * state of that moment; the promise resolves once the newest state asked for is written.
 */
export function saver(write: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const run = async (): Promise<void> => {
    do {
      again = false;
      await write().catch(() => {});
    } while (again);
    running = null;
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run();
    return running;
  };
}

/** Why a result was not stored (the store's code), or null once stored. */
export type ResultFate = { readonly code: string } | null;

/** Stores a result, trying once more after a failure that may pass (a database deleted or closed meanwhile). */
export async function storeResult(store: GameStore, r: ResultRecord): Promise<ResultFate> {
  for (let attempt = 0; ; attempt++) {
    try {
      await store.addResult(r);
      return null;
    } catch (e) {
      const code = (e as { code?: string }).code ?? 'failed';
      if (code !== 'failed' || attempt > 0) return { code };
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
    }
  }
}

/** Hands the trainee a result the browser could not keep: the export's format, so nothing is lost. */
export function downloadResult(r: ResultRecord, at: Date = new Date()): void {
  download(serializeResults([r], at.toISOString()), 'application/json', `hotliner-result-${r.id}.json`);
}
