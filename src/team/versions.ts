// The content version of each call as the browser has it (the bundled content file): the hash the
// team server computes from the same documents (src/content/content-hash.ts).
import type { ContentData } from '../content/bundle.ts';
import { contentHash } from '../content/content-hash.ts';

/** A call's content version by id, worked out once per call when first asked; null for a call not in the bundle. */
export function contentVersions(data: ContentData): (callId: string) => Promise<string | null> {
  const memo = new Map<string, Promise<string | null>>();
  return (callId) => {
    let h = memo.get(callId);
    if (!h) {
      const file = data.calls.find((c) => (c.data as { id?: unknown } | null)?.id === callId);
      h = file ? contentHash(data.playbook.data, file.data) : Promise.resolve(null);
      memo.set(callId, h);
    }
    return h;
  };
}
