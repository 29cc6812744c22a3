import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../src/cli/repo.ts';
import { buildAndServe, launch, watchErrors } from './e2e/browser.ts';

const shots = process.env.SHOTS ?? '/tmp/shots';
mkdirSync(shots, { recursive: true });
async function fps(page: Page, ms: number): Promise<number> {
  return page.evaluate((ms) => new Promise<number>((done) => {
    let frames = 0; const start = performance.now();
    const tick = (now: number): void => { frames++; if (now - start < ms) requestAnimationFrame(tick); else done((frames * 1000) / (now - start)); };
    requestAnimationFrame(tick);
  }), ms);
}
const { server, url } = await buildAndServe(ROOT);
const ctx = await launch();
const page = await ctx.newPage();
const errors = watchErrors(page);
const res: Record<string, number[]> = { menu: [], desk: [], ring: [], call: [] };
for (let run = 0; run < 3; run++) {
  await page.goto(`${url}?lang=en`);
  await page.waitForSelector('button.play:not([disabled])');
  res.menu!.push(await page.evaluate(() => performance.now()));
  await page.waitForFunction(() => performance.getEntriesByName('hotliner:desk-create').length > 0, null, { timeout: 20000 });
  res.desk!.push(await page.evaluate(() => performance.getEntriesByName('hotliner:desk-create')[0]!.duration));
  if (run === 0) { await page.waitForTimeout(800); await page.screenshot({ path: join(shots, 'menu.png') }); }
  await page.goto(`${url}?lang=en&scenario=box-no-sync&mode=training&seed=1`);
  const abandon = page.getByRole('button', { name: 'Abandon' });
  await Promise.race([abandon.waitFor().catch(() => {}), page.locator('.pick-up').waitFor().catch(() => {})]);
  if (await abandon.count()) await abandon.press('Enter');
  await page.locator('.pick-up').waitFor();
  await page.waitForTimeout(300);
  if (run === 0) await page.screenshot({ path: join(shots, 'ringing.png') });
  res.ring!.push(await fps(page, 3000));
  await page.keyboard.press('Enter');
  await page.keyboard.press('Shift+Digit2');
  await page.waitForTimeout(500);
  res.call!.push(await fps(page, 3000));
  if (run === 0) await page.screenshot({ path: join(shots, 'call.png') });
}
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!.toFixed(1);
console.log(Object.entries(res).map(([k, v]) => `${k}: ${med(v)} [${v.map((x) => x.toFixed(0)).join(',')}]`).join('\n'));
if (errors.length) console.log(errors.join('\n'));
await ctx.close();
await server.close();
