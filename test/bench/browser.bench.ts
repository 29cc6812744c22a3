// npm run bench:browser: builds the game and a bare Phaser 4 page, serves both, and measures in
// Debian's Chromium, side by side in one run. Prints medians and ratios; never pass/fail.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { ROOT } from '../../src/cli/repo.ts';
import { launch } from '../e2e/browser.ts';

const RUNS = 5;
const TMP = join(ROOT, '.bench-tmp');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A bare Phaser 4 page the benchmark builds itself: the yardstick for boot time and fps. */
async function buildBare(): Promise<string> {
  const dir = join(TMP, 'bare');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="./main.ts"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'main.ts'),
    `import Phaser from 'phaser';
class Bare extends Phaser.Scene {
  private box!: Phaser.GameObjects.Rectangle;
  create() { this.box = this.add.rectangle(640, 360, 200, 120, 0x3366cc); (window as any).__firstFrame ??= 0; this.game.events.once('postrender', () => { (window as any).__firstFrame = performance.now(); }); }
  update(t: number) { this.box.rotation = t / 1000; }
}
new Phaser.Game({ type: Phaser.AUTO, width: 1280, height: 720, banner: false, audio: { noAudio: true }, scene: Bare });
`,
  );
  await build({
    root: dir,
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  });
  return join(dir, 'dist');
}

async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({
    root: dir,
    build: { outDir: dir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const a = server.httpServer.address();
  return { url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`, close: () => server.close() };
}

async function fps(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((done) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number): void => {
          frames++;
          if (now - start < ms) requestAnimationFrame(tick);
          else done((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

function gz(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  await build({ root: ROOT, logLevel: 'warn' });
  const dist = resolve(ROOT, 'dist');
  const bareDist = await buildBare();
  const app = await serve(dist);
  const bare = await serve(bareDist);
  const ctx = await launch(['--js-flags=--expose-gc', '--enable-precise-memory-info']);
  const page = await ctx.newPage();
  const bareBoot: number[] = [];
  const appBoot: number[] = [];
  const bareFps: number[] = [];
  const appFps: number[] = [];
  const loaded = new Set<string>();
  page.on('response', (r) => loaded.add(new URL(r.url()).pathname));
  for (let i = 0; i < RUNS; i++) {
    await page.goto(bare.url);
    await page.waitForFunction(() => (window as unknown as { __firstFrame?: number }).__firstFrame! > 0);
    bareBoot.push(await page.evaluate(() => (window as unknown as { __firstFrame: number }).__firstFrame));
    bareFps.push(await fps(page, 3000));
    loaded.clear();
    await page.goto(`${app.url}?lang=en`);
    await page.waitForSelector('button.play:not([disabled])');
    appBoot.push(await page.evaluate(() => performance.now()));
    await page.goto(`${app.url}?lang=en&scenario=box-no-sync&mode=training&seed=1`);
    // The call measured in the previous run was cut by leaving: abandon it to open the link.
    const abandon = page.getByRole('button', { name: 'Abandon' });
    await Promise.race([abandon.waitFor(), page.getByRole('button', { name: /Pick up/ }).waitFor()]);
    if (await abandon.count()) await abandon.press('Enter');
    await page.getByRole('button', { name: /Pick up/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Digit2');
    await page.waitForTimeout(500);
    appFps.push(await fps(page, 3000));
  }
  const firstLoad = [...loaded]
    .map((p) => join(dist, p === '/' ? 'index.html' : p))
    .filter((f) => {
      try {
        return statSync(f).isFile();
      } catch {
        return false;
      }
    });
  const js = files(dist).filter((f) => f.endsWith('.js'));
  const contentFile = files(dist).filter((f) => /content-[\w-]+\.json$/.test(f));
  const heap = async (): Promise<number> => {
    await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
    return page.evaluate(
      () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize,
    );
  };
  const playOne = async (n: number): Promise<void> => {
    await page.getByRole('button', { name: /^Play/ }).first().press('Enter');
    await page.getByRole('button', { name: /Pick up/ }).press('Enter');
    await page.locator('.choice').first().waitFor();
    await page.keyboard.press('x');
    await page.getByRole('button', { name: 'See the debrief' }).press('Enter');
    await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
    void n;
  };
  await page.goto(`${app.url}?lang=en`);
  if (await page.getByRole('button', { name: 'Abandon' }).count())
    await page.getByRole('button', { name: 'Abandon' }).press('Enter');
  await playOne(1);
  const afterOne = await heap();
  for (let n = 2; n <= 10; n++) await playOne(n);
  const afterTen = await heap();
  await ctx.close();
  await app.close();
  await bare.close();
  const kb = (b: number): string => `${(b / 1024).toFixed(0)} kB`;
  const calls = (JSON.parse(readFileSync(contentFile[0]!, 'utf8')) as { calls: unknown[] }).calls.length;
  const out = [
    `Browser benchmark (Chromium ${ctx.browser()?.version() ?? ''}, median of ${RUNS} runs)`,
    `boot: bare Phaser first frame ${median(bareBoot).toFixed(0)} ms, game menu interactive ${median(appBoot).toFixed(0)} ms, ratio ${(median(appBoot) / median(bareBoot)).toFixed(2)} (aim ≤ 1.5)`,
    `fps: bare ${median(bareFps).toFixed(1)}, call with the line test running ${median(appFps).toFixed(1)}, ratio ${(median(appFps) / median(bareFps)).toFixed(2)} (aim ≥ 0.95)`,
    `JS gzipped: ${kb(js.reduce((a, f) => a + gz(f), 0))} (aim ≤ 500 kB); first-load assets gzipped: ${kb(firstLoad.reduce((a, f) => a + gz(f), 0))} over ${firstLoad.length} files (aim ≤ 1 MB)`,
    `content (calls, playbook, translations; data, not code, and part of the first load): ${kb(contentFile.reduce((a, f) => a + gz(f), 0))} gzipped for ${calls} calls`,
    `JS heap: after 1 call ${(afterOne / 1048576).toFixed(1)} MB, after 10 calls ${(afterTen / 1048576).toFixed(1)} MB, growth ${((afterTen - afterOne) / 1048576).toFixed(2)} MB (aim ≤ 5 MB)`,
  ];
  process.stdout.write(out.join('\n') + '\n');
}

await main();
