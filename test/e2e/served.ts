// One build, one server and one browser per test file (vitest hooks; the scripts use browser.ts).
import type { BrowserContext } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { buildAndServe, launch } from './browser.ts';

/** The game built and served once per test file, with a browser: `game.url`, `game.ctx`. */
export function servedGame(root: string): { url: string; ctx: BrowserContext; relaunch(): Promise<BrowserContext> } {
  let server: PreviewServer | null = null;
  const game = {
    url: '',
    ctx: null as unknown as BrowserContext,
    async relaunch(): Promise<BrowserContext> {
      await game.ctx?.close();
      game.ctx = await launch();
      return game.ctx;
    },
  };
  beforeAll(async () => {
    const served = await buildAndServe(root);
    server = served.server;
    game.url = served.url;
    game.ctx = await launch();
  });
  afterAll(async () => {
    await game.ctx?.close();
    await server?.close();
  });
  return game;
}
