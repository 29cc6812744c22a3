/// <reference types="vite-plugin-pwa/vanillajs" />
// The service worker's registration, from the game's own script (the page's CSP allows no inline
// one). Loaded by main.ts once the first screen is up, so it never delays it. Under `npm run dev`
// and in an LMS package the virtual module registers nothing (see src/pwa/build.ts).
import { registerSW } from 'virtual:pwa-register';
import type { UpdateOffer } from './update-offer.ts';

/** How often an open game asks the server for a new version (a menu left open all day finds it). */
const CHECK_EVERY_MS = 60 * 60 * 1000;

/** Registers the service worker; a new version is handed to `offer` (the menu shows it). */
export function registerOffline(offer: UpdateOffer): void {
  const update = registerSW({
    onNeedRefresh: () => offer.waiting(() => update()),
    // Without this the plugin reloads every open tab when one applies the update, a call included.
    onNeedReload: () => offer.tookOver(),
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => void registration.update().catch(() => {}), CHECK_EVERY_MS);
    },
    // Offline, or storage refused: the game still runs from the network as it did.
    onRegisterError: () => {},
  });
}
