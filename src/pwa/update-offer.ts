// A new version of the game, offered, never imposed: the service worker (register.ts) says one
// is waiting, or that another tab let it take over; the menu alone shows the offer (App.ts), and
// only the trainee's press applies it. A call is never reloaded under the trainee's feet.

/** Where the new version stands: none yet, waiting for consent, or already serving (this page runs the old one). */
export type UpdateState = 'none' | 'waiting' | 'active';

/** The link's call, mode, seed and pace (a deep link): the new version opens on the menu, where it was offered. */
const CALL_PARAMS = ['scenario', 'mode', 'seed', 'pace'] as const;

/** Reloads the page on the menu: the same address without the call a deep link opened. */
export function reloadToMenu(): void {
  const url = new URL(location.href);
  for (const p of CALL_PARAMS) url.searchParams.delete(p);
  if (url.href === location.href) location.reload();
  else location.replace(url.href);
}

/** How long a pressed offer waits for the new version to take over before reloading anyway. */
const TAKEOVER_MS = 5000;

export class UpdateOffer {
  private current: UpdateState = 'none';
  private skipWaiting: () => Promise<void> = async () => {};
  private applying = false;
  private fallback: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  /** `reload` reloads the page (injected for tests). */
  constructor(private readonly reload: () => void = reloadToMenu) {}

  get state(): UpdateState {
    return this.current;
  }

  /** Whether the menu offers the new version. */
  get ready(): boolean {
    return this.current !== 'none';
  }

  /** Called on every change of `ready`; returns the unsubscriber. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A new version is installed and waits; `skipWaiting` lets it take over. */
  waiting(skipWaiting: () => Promise<void>): void {
    this.skipWaiting = skipWaiting;
    if (this.current === 'none') this.set('waiting');
  }

  /**
   * The new version took over: after the trainee's press, the page reloads into it; when another
   * tab applied it, this page keeps running (its call goes on) and the menu offers the reload.
   */
  tookOver(): void {
    clearTimeout(this.fallback);
    if (this.applying) return this.reload();
    this.set('active');
  }

  /** The trainee's press on the menu's offer. */
  apply(): void {
    if (this.current === 'active') return this.reload();
    if (this.current !== 'waiting' || this.applying) return;
    this.applying = true;
    // The new worker's takeover calls `tookOver`, which reloads; if it does not come, reload anyway.
    this.fallback = setTimeout(() => this.reload(), TAKEOVER_MS);
    this.skipWaiting().catch(() => this.tookOver());
  }

  private set(state: UpdateState): void {
    this.current = state;
    for (const l of this.listeners) l();
  }
}
