// The page's side of the pack check: one worker per pack (import-worker.ts), ended once it answers.
// Loaded by the menu when a trainee picks a pack, never with the game.
import type { Lang } from '../i18n/lang.ts';
import type { PackVerdict } from './check-pack.ts';

export type ImportRequest = {
  readonly bytes: ArrayBuffer;
  readonly playbookData: unknown;
  readonly lang: Lang;
  /** The library's call ids: a pack may not take one. */
  readonly reservedIds: readonly string[];
};

export type ImportStage = 'checking' | 'analysing';
export type ImportReply =
  | { readonly type: 'stage'; readonly stage: ImportStage }
  | { readonly type: 'done'; readonly verdict: PackVerdict }
  | { readonly type: 'failed'; readonly detail: string };

/** Checks and analyses a pack in a worker; `onStage` hears each stage as it starts. */
export function checkPackInWorker(req: ImportRequest, onStage: (s: ImportStage) => void): Promise<PackVerdict> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return new Promise<PackVerdict>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<ImportReply>) => {
      const r = e.data;
      if (r.type === 'stage') return onStage(r.stage);
      worker.terminate();
      if (r.type === 'done') resolve(r.verdict);
      else reject(new Error(r.detail));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'the check stopped'));
    };
    worker.postMessage(req, [req.bytes]);
  });
}
