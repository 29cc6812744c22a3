// The installed game (src/pwa): after one visit it opens and plays with the network down, and a
// new version is offered on the menu, never during a call, and applied only when the trainee
// presses the offer. Served by `vite preview`; the second test rebuilds into the served folder.
import type { BrowserContext, Page } from 'playwright-core';
import { build, type Plugin, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { buildAndServe, launch } from './browser.ts';
import { pickUp } from './player.ts';

const TAGLINE = 'Hotline call training';
const NEW_TAGLINE = 'Hotline call training, new edition';
const OFFER = 'A new version is ready';
const CALL = 'Broadband box: no internet for three days';

let server: PreviewServer;
let url = '';
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // Its own build: the update test rebuilds into the folder it serves.
  ({ server, url } = await buildAndServe(ROOT, { fresh: true }));
});
afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  await server?.close();
});

async function browser(): Promise<BrowserContext> {
  const ctx = await launch();
  contexts.push(ctx);
  // The page's CSP (vite.config.ts) holds with the worker's registration: a violation is an error.
  await ctx.addInitScript(() =>
    addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`)),
  );
  return ctx;
}

/** The menu is up and the service worker serves the page (it has everything precached by then). */
async function firstVisit(page: Page): Promise<void> {
  await page.goto(`${url}?lang=en`);
  await page.getByRole('button', { name: /^Play/ }).first().waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });
}

/**
 * Console errors and page errors (as browser.ts `watchErrors`), but for the team server's API
 * (src/server): offline, its requests fail, as they must (the service worker never answers them).
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    const api = new URL(m.location().url || url).pathname.startsWith('/api/');
    if ((m.type() === 'error' && !api) || (m.type() === 'warning' && m.text().startsWith('i18n')))
      errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** The same game with a visible change: the menu's tagline. */
function newEdition(): Plugin {
  return {
    name: 'test-new-edition',
    transform: (code, id) => (id.includes('/locales/en/ui.json') ? code.replace(TAGLINE, NEW_TAGLINE) : null),
  };
}

describe('offline', () => {
  it('keeps the Studio once visited: it reopens with the network down, opens a call and checks it', async () => {
    const ctx = await browser();
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await firstVisit(page);
    await page.goto(`${url}studio.html?lang=en`);
    await page.getByRole('combobox', { name: 'Library' }).selectOption('billing-fault');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.locator('.problems').innerText(), { timeout: 60_000 }).toMatch(/0 error/);

    await ctx.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: /Hotliner Studio/ }).waitFor();
    await page.getByRole('combobox', { name: 'Library' }).selectOption('tv-no-picture');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('tv-no-picture.yaml');
    // The checker's worker came from the cache too.
    await expect.poll(() => page.locator('.problems').innerText(), { timeout: 60_000 }).toMatch(/0 error/);
    expect(errors).toEqual([]);
    await ctx.setOffline(false);
  });

  it('reloads with the network down into the full menu, and plays a call', async () => {
    const ctx = await browser();
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await firstVisit(page);
    const calls = await page.getByRole('region', { name: 'Calls', exact: true }).getByRole('listitem').count();
    expect(calls).toBeGreaterThan(5);

    await ctx.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Calls', exact: true }).getByRole('listitem').count()).toBe(calls);
    expect(await page.getByText(TAGLINE).isVisible()).toBe(true);

    await page.getByRole('button', { name: `Play — ${CALL}` }).click();
    await pickUp(page);
    await page.getByRole('region', { name: 'Your lines' }).getByRole('button').first().waitFor();
    await page.getByRole('region', { name: 'Desk' }).waitFor();
    // The drawn desk too: its Phaser chunk came from the cache.
    await page.waitForFunction(() => performance.getEntriesByName('hotliner:desk-frame').length > 0);
    expect(errors).toEqual([]);

    // The network really is down for the page: what the worker does not hold cannot be fetched,
    // and the team server's API is never answered from the cache, nor with the page.
    const fetched = (path: string): Promise<string> =>
      page.evaluate(
        (p) =>
          fetch(p).then(
            (r) => `${r.status} ${r.headers.get('content-type')}`,
            () => 'failed',
          ),
        path,
      );
    expect(await fetched('./not-precached.txt')).toBe('failed');
    expect(await fetched('./api/info')).toBe('failed');
    await expect(page.goto(`${url}api/sessions`)).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    await page.close();
  });
});

describe('updates', () => {
  it('are offered on the menu, not during a call, and reload into the new version when pressed', async () => {
    const ctx = await browser();
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await firstVisit(page);

    // A new version is published where the game is served.
    const outDir = server.config.build.outDir;
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true }, plugins: [newEdition()] });

    // The trainee opens a call's link (step by step: the call waits for them): the page finds the
    // new version, which waits.
    await page.goto(`${url}?lang=en&scenario=box-no-sync&mode=training&seed=1&pace=turns`);
    await pickUp(page);
    await page.waitForFunction(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting), null, {
      timeout: 60_000,
    });
    // Long enough for the page to have registered and heard of it (it does so once idle).
    for (let i = 0; i < 6; i++) {
      await page.waitForTimeout(1000);
      expect(await page.getByText(OFFER).count()).toBe(0);
    }
    await page.getByRole('region', { name: 'Your lines' }).getByRole('button').first().waitFor();

    // Back on the menu, the offer is there at once; the page still runs the version it opened with.
    await page.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('button', { name: /^Abandon the call/ }).click();
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await page.getByText(OFFER).isVisible()).toBe(true);
    expect(await page.getByText(TAGLINE, { exact: true }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByText(NEW_TAGLINE).waitFor();
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await page.getByText(OFFER).count()).toBe(0);
    expect(new URL(page.url()).searchParams.get('scenario')).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
