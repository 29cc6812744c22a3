// npx tsx test/e2e/debrief-shots.ts: pictures of the debrief of a lost call (a recruit who picks up
// and stays silent) and of a won call (the golden best path), in French and in English, at
// 1280×720. The lost ones are the README's (docs/debrief-lost-<lang>.png); the others go to
// SHOT_DIR (default /tmp/hotliner-shots) to be looked at.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../src/cli/repo.ts';
import { buildAndServe, launch, watchErrors } from './browser.ts';
import { DEBRIEF, pickUp, playLog } from './player.ts';
import { englishTexts, golden, scenario } from './texts.ts';

const CALL = process.env.SHOT_CALL ?? 'box-no-sync';
const docs = join(ROOT, 'docs');
const out = process.env.SHOT_DIR ?? '/tmp/hotliner-shots';
mkdirSync(out, { recursive: true });

/** Step by step, a trainee who says nothing and only lets time pass (W) until the call is over. */
async function staySilent(page: Page): Promise<void> {
  await pickUp(page);
  const debrief = page.getByRole('button', { name: DEBRIEF });
  for (let i = 0; i < 200 && (await debrief.count()) === 0; i++) await page.keyboard.press('w');
  await debrief.click();
  await page.getByRole('region', { name: /^(Debrief|Bilan)$/ }).waitFor();
  await page.waitForTimeout(400);
}

const { server, url } = await buildAndServe(ROOT);
const ctx = await launch();
try {
  for (const lang of ['en', 'fr'] as const) {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 720 });
    const errors = watchErrors(page);
    await page.goto(`${url}?lang=${lang}&scenario=${CALL}&mode=training&seed=1&pace=turns`);
    await staySilent(page);
    await page.screenshot({ path: join(CALL === 'box-no-sync' ? docs : out, `debrief-lost-${lang}.png`) });
    await page.locator('details.explainer summary').click();
    await page.screenshot({ path: join(out, `debrief-lost-explainer-${lang}.png`) });
    await page.locator('.debrief-left').evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await page.screenshot({ path: join(out, `debrief-lost-hints-${lang}.png`) });
    if (lang === 'en') {
      // The golden best path, played by keyboard (English words on screen), the ticket notes left out.
      await page.goto(`${url}?lang=en&scenario=${CALL}&mode=training&seed=1&pace=turns`);
      const log = golden(CALL).log.filter((e) => e.action.type !== 'writeTicket');
      await playLog(page, log, englishTexts(CALL, scenario(CALL)));
      await page.getByRole('button', { name: DEBRIEF }).click();
      await page.getByRole('region', { name: 'Debrief' }).waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `debrief-won-en.png`) });
      await page.locator('.debrief-left').evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.screenshot({ path: join(out, `debrief-won-hints-en.png`) });
      // The same result in French, opened again from the menu's results.
      await page.goto(`${url}?lang=fr`);
      await page
        .getByRole('region', { name: 'Résultats' })
        .getByRole('button', { name: /\d+\/100$/ })
        .first()
        .click();
      await page.getByRole('region', { name: 'Bilan' }).waitFor();
      await page.waitForTimeout(400);
      await page.screenshot({ path: join(out, `debrief-won-fr.png`) });
    }
    if (errors.length) console.error(lang, errors);
    await page.close();
  }
} finally {
  await ctx.close();
  await server.close();
}
