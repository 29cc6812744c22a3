// The drawn desk and the way the game is served: the desk is built from the part of Phaser it
// uses (src/game/phaser-desk.js), so a missing piece would leave it blank (the game stays
// playable without it, which hides the fault): these tests look at its pixels, through a call's
// ringing, pick-up, a tool's run and a hang-up. And the built files go out brotli-compressed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { watchErrors } from './browser.ts';
import { pickUp } from './player.ts';
import { servedGame } from './served.ts';

const game = servedGame(ROOT);

/** How many distinct colours the desk's canvas shows (a blank or failed desk shows one or none). */
async function deskColours(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.world canvas');
    if (!(canvas instanceof HTMLCanvasElement)) return 0;
    const copy = document.createElement('canvas');
    copy.width = 320;
    copy.height = 180;
    const g = copy.getContext('2d')!;
    g.drawImage(canvas, 0, 0, copy.width, copy.height);
    const px = g.getImageData(0, 0, copy.width, copy.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < px.length; i += 4) seen.add((px[i]! << 16) | (px[i + 1]! << 8) | px[i + 2]!);
    return seen.size;
  });
}

async function deskDrawn(page: Page): Promise<void> {
  await page.waitForFunction(() => performance.getEntriesByName('hotliner:desk-frame').length > 0);
}

describe('the drawn desk', () => {
  it('is drawn behind the menu and through a call, without errors', async () => {
    const page = await (await game.relaunch()).newPage();
    const errors = watchErrors(page);
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('button', { name: /^Play/ }).first().waitFor();
    await deskDrawn(page);
    expect(await deskColours(page)).toBeGreaterThan(200);

    await page.goto(`${game.url}?lang=en&scenario=box-no-sync&mode=training&seed=1`);
    await page.getByRole('button', { name: /Pick up/ }).waitFor();
    await deskDrawn(page);
    const ringing = await deskColours(page);
    expect(ringing).toBeGreaterThan(200);
    await pickUp(page);
    await page.keyboard.press('Shift+Digit1');
    await page.waitForTimeout(1500);
    expect(await deskColours(page)).toBeGreaterThan(200);
    await page.keyboard.press('x');
    await page.getByRole('button', { name: 'See the debrief' }).waitFor();
    expect(errors).toEqual([]);
  });
});

describe('serving the build', () => {
  it('sends the scripts, styles and content brotli-compressed to a browser that accepts it', async () => {
    const page = await (await game.relaunch()).newPage();
    const encodings = new Map<string, string>();
    page.on('response', async (r) => {
      const path = new URL(r.url()).pathname;
      if (/\.(js|css|json)$/.test(path)) encodings.set(path, (await r.allHeaders())['content-encoding'] ?? 'none');
    });
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('button', { name: /^Play/ }).first().waitFor();
    await deskDrawn(page);
    expect(encodings.size).toBeGreaterThanOrEqual(4);
    expect([...encodings.values()]).toEqual([...encodings.values()].map(() => 'br'));
  });
});
