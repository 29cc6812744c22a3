// When the service worker is registered: after the first screen and the desk are up, once the
// page is idle, so that its precache downloads never compete with the start (npm run bench:browser).
import type { UpdateOffer } from './update-offer.ts';

const IDLE_TIMEOUT_MS = 5000;

/** Registers the service worker (register.ts, loaded then) once `after` has settled and the page is idle. */
export function registerWhenIdle(offer: UpdateOffer, after: Promise<unknown> | null): void {
  const register = (): void => void import('./register.ts').then((m) => m.registerOffline(offer));
  const idle = (): void => {
    if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(register, 0);
  };
  void Promise.resolve(after).finally(idle);
}
