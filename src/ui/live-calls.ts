// Which calls are being played in a tab right now: each live call holds a Web Lock named after
// its slot, so another tab's menu does not offer it for resume (nor abandon it). The browser
// releases the lock when the tab closes or crashes: the call is then offered, as any cut call.
const PREFIX = 'hotliner-call:';

/** Marks the call of this slot as live in this tab; the function returned lets it go. */
export function holdCall(id: string): () => void {
  const locks = globalThis.navigator?.locks;
  if (!locks) return () => {};
  let release = (): void => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  locks.request(PREFIX + id, { ifAvailable: true }, (lock) => (lock ? held : undefined)).catch(() => {});
  return () => release();
}

/** The slots of calls live in some tab (none where the browser has no Web Locks). */
export async function liveCalls(): Promise<ReadonlySet<string>> {
  try {
    const held = (await globalThis.navigator?.locks?.query())?.held ?? [];
    return new Set(held.flatMap((l) => (l.name?.startsWith(PREFIX) ? [l.name.slice(PREFIX.length)] : [])));
  } catch {
    return new Set();
  }
}
