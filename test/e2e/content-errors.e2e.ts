// A broken call under `npm run dev` is listed in the menu with the checker's message (file, line,
// in the player's language) and said once in the terminal, the other calls still playable; a
// link to it says it could not be loaded; a build of the same tree fails with the message. The
// tree is a copy of the repository's content with one broken file, served by the real config.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/cli/repo.ts';
import { launch, watchErrors } from './browser.ts';
import { servedGame } from './served.ts';

const made: string[] = [];
const temp = (name: string): string => {
  const dir = mkdtempSync(join(tmpdir(), name));
  made.push(dir);
  return dir;
};

/** The game's page and code as they are, its content copied, and one call whose YAML does not parse. */
function brokenTree(): string {
  const root = temp('hotliner-broken-');
  cpSync(join(ROOT, 'index.html'), join(root, 'index.html'));
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
  cpSync(join(ROOT, 'locales'), join(root, 'locales'), { recursive: true });
  cpSync(join(ROOT, 'scenarios'), join(root, 'scenarios'), { recursive: true });
  mkdirSync(join(root, 'test'));
  // An unquoted French colon on line 4 (the checker's own message says how to fix it).
  const yaml = 'id: broken-call\npersona: angry\ndifficulty: 1\ntitle: Box : plus rien ne marche\n';
  writeFileSync(join(root, 'scenarios', 'broken-call.yaml'), yaml);
  return root;
}

describe('content errors in the game', () => {
  const root = brokenTree();
  const printed: string[] = [];
  let server: ViteDevServer;
  let url = '';

  beforeAll(async () => {
    const logger = createLogger('error');
    const error = logger.error.bind(logger);
    logger.error = (msg, options) => {
      printed.push(msg);
      error(msg, options);
    };
    server = await createServer({
      root,
      configFile: join(ROOT, 'vite.config.ts'),
      cacheDir: temp('hotliner-vite-cache-'),
      customLogger: logger,
      server: { port: 0, host: '127.0.0.1', fs: { allow: [root, ROOT] } },
    });
    await server.listen();
    const address = server.httpServer?.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 5173}/`;
  });

  afterAll(async () => {
    await server?.close();
    made.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it("lists the broken call with the checker's French message, file and line; the others play", async () => {
    const ctx = await launch();
    try {
      const page = await ctx.newPage();
      const errors = watchErrors(page);
      await page.goto(`${url}?lang=fr&desk=off`);
      const section = page.getByRole('region', { name: "Appels qui n'ont pas pu être chargés" });
      await section.getByText('scenarios/broken-call.yaml:4:').waitFor({ timeout: 120_000 });
      // The checker's sentences arrive a moment after the places (their words are loaded only then).
      await expect.poll(() => section.getByText(/entre guillemets/).count()).toBeGreaterThan(0);
      // Every call of the library is still offered.
      await expect.poll(() => page.getByRole('button', { name: /^Jouer — / }).count()).toBe(scenarioFiles().length);
      // A reload gathers again: the terminal says it once, not once per load.
      await page.reload();
      await section.getByText('scenarios/broken-call.yaml:4:').waitFor();
      expect(printed.filter((m) => m.includes('scenarios/broken-call.yaml:4:'))).toHaveLength(1);
      expect(errors).toEqual([]);
    } finally {
      await ctx.close();
    }
  });

  it('says so when a link asks for the broken call, instead of a blank screen', async () => {
    const ctx = await launch();
    try {
      const page = await ctx.newPage();
      await page.goto(`${url}?lang=fr&desk=off&scenario=broken-call&seed=1&pace=turns`);
      await page.getByRole('alert').filter({ hasText: "L'appel « broken-call » n'a pas pu être chargé" }).waitFor();
      await page.getByText('scenarios/broken-call.yaml:4:').waitFor();
    } finally {
      await ctx.close();
    }
  });

  it("fails a build of the same tree with the checker's message", async () => {
    const outDir = temp('hotliner-broken-dist-');
    const built = build({
      root,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(root, 'index.html') } },
    });
    await expect(built).rejects.toThrow(/scenarios\/broken-call\.yaml:4:/);
  });
});

describe('a call that fails to compile in the browser (its content bypassed the checker)', () => {
  const game = servedGame(ROOT);

  it('is listed with its diagnostics, and a link to it says so instead of a blank screen', async () => {
    const page = await game.ctx.newPage();
    // The built content file, with one of box-no-sync's gotos pointing nowhere.
    await page.route(/\/assets\/content-[^/]*\.json$/, async (route) => {
      const res = await route.fetch();
      const text = (await res.text()).replace(
        /("file":"scenarios\/box-no-sync\.yaml".*?"goto":")\w+/,
        '$1nowhere_node',
      );
      await route.fulfill({ status: 200, contentType: 'application/json', body: text });
    });
    await page.goto(`${game.url}?lang=en&scenario=box-no-sync&seed=1&pace=turns`);
    await page.getByRole('alert').filter({ hasText: 'The call “box-no-sync” could not be loaded' }).waitFor();
    const section = page.getByRole('region', { name: 'Calls that could not be loaded' });
    await section.getByText('scenarios/box-no-sync.yaml:1:1').waitFor();
    await section.getByText(/nowhere_node/).waitFor();
    // The other calls are offered as before.
    await expect(page.getByRole('button', { name: /^Play — / }).count()).resolves.toBe(scenarioFiles().length - 1);
  });
});
