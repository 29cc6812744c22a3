// Shared browser-test plumbing: build once, serve with Vite's preview API, drive Debian's Chromium.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the game at `root` into a new temporary directory (removed with the server that serves it, if any). */
export async function buildGame(root: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'hotliner-dist-'));
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/**
 * The game built once for the whole browser-test run (test/e2e/global-setup.ts), when there is
 * one: a directory no test writes to.
 */
export function sharedBuild(): string | null {
  return process.env.HOTLINER_E2E_DIST ?? null;
}

/**
 * Serves the game: the run's shared build, or with `fresh` (a test that rewrites what it serves),
 * or outside a test run, a build of its own (never the repository's dist/, which another run, a
 * benchmark or a colleague's build may be rewriting meanwhile).
 */
export async function buildAndServe(
  root: string,
  { fresh = false }: { fresh?: boolean } = {},
): Promise<{ server: PreviewServer; url: string }> {
  const shared = fresh ? null : sharedBuild();
  const outDir = shared ?? (await buildGame(root));
  const server = await preview({ root, build: { outDir }, preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
  if (!shared) server.httpServer.on('close', () => rmSync(outDir, { recursive: true, force: true }));
  const address = server.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 4173;
  return { server, url: `http://127.0.0.1:${port}/` };
}

export async function launch(extraArgs: readonly string[] = []): Promise<BrowserContext> {
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'hotliner-')), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 720 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
      ...extraArgs,
    ],
  });
  // Scripts run through tsx wrap functions in a `__name` helper; functions sent to the page need it too.
  await ctx.addInitScript('window.__name = (f) => f');
  return ctx;
}

/** Collects console errors, missing-translation warnings and page errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || (m.type() === 'warning' && m.text().startsWith('i18n')))
      errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
