// The game as a person uses it: tool crash and restart, resume after a reload, the language
// switch, results that survive a reload — and no console errors anywhere.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { watchErrors } from './browser.ts';
import { servedGame } from './served.ts';

const game = servedGame(ROOT);

/** A page in a brand-new browser profile: empty storage, as on a first visit. */
async function fresh(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  const errors = watchErrors(page);
  return { page, errors };
}

/** Plays the shortest call there is: fiber-tech-l2 in exam mode, hung up as soon as it is picked up. */
async function hangUpAtOnce(page: Page): Promise<void> {
  await page.goto(`${game.url}?lang=en&scenario=fiber-tech-l2&mode=exam&seed=5`);
  await page.getByRole('button', { name: /Pick up/ }).waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.choice').first().waitFor();
  await page.keyboard.press('x');
}

describe('the call screen', () => {
  it('shows a crashed tool with its dialog, and a restart brings it back', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=box-no-sync&mode=training&seed=1`);
    await page.getByRole('button', { name: /Pick up/ }).waitFor();
    await page.keyboard.press('Enter');
    const crm = page.locator('.tool-window[data-tool="crm"]');
    await page.keyboard.press('Shift+Digit1');
    await expect.poll(() => crm.getAttribute('data-status'), { timeout: 15_000 }).toBe('crashed');
    await expect.poll(() => crm.textContent()).toContain('CRM has stopped working');
    await expect.poll(() => page.getByRole('log').textContent()).toContain('CRM crashed');
    // Put the customer on hold (asking) so the silence of the restart does not end the call.
    await page.keyboard.press('h');
    await crm.getByRole('button', { name: /Restart/ }).press('Enter');
    await expect.poll(() => crm.getAttribute('data-status')).toBe('restarting');
    for (let i = 0; i < 30 && (await crm.getAttribute('data-status')) !== 'idle'; i++) await page.keyboard.press('w'), await page.waitForTimeout(150);
    expect(await crm.getAttribute('data-status')).toBe('idle');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in step by step, a line the clock has gone past is shown whole, and one being said only in part', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=tv-no-picture&mode=training&seed=1&pace=turns`);
    await page.getByRole('button', { name: /Pick up/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.choice').first().waitFor();
    await page.keyboard.press('1');
    const customer = page.locator('.transcript .line.customer').last();
    // A second into her answer, only its first words are there.
    for (let i = 0; i < 10 && (await page.locator('.transcript .line.customer').count()) === 0; i++) await page.keyboard.press('w');
    await page.keyboard.press('.');
    const full = await customer.locator('.words.sr-only').textContent();
    const partial = await customer.locator('.words[aria-hidden]').textContent();
    expect(full!.startsWith(partial!)).toBe(true);
    expect(partial!.length).toBeLessThan(full!.length);
    // Skipping to the end of her answer shows all of it at once, without waiting in real time.
    await page.keyboard.press('w');
    expect(await customer.locator('.words[aria-hidden]').textContent()).toBe(full);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to resume a call cut by a reload, and resuming continues the same call', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=printer-nothing&mode=exam&seed=3`);
    await page.getByRole('button', { name: /Pick up/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.choice').first().waitFor();
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('.transcript .line.customer').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const before = await page.getByRole('log').textContent();
    await page.waitForTimeout(3500);
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('button', { name: 'Resume the call' }).press('Enter');
    await page.getByRole('log').waitFor();
    const after = await page.getByRole('log').textContent();
    expect(after).toContain(before!.slice(0, 120));
    for (let i = 0; i < 40 && (await page.locator('.choice').count()) === 0; i++) await page.keyboard.press('w'), await page.waitForTimeout(150);
    expect(await page.locator('.choice').count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Printer');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('results of a call edited since', () => {
  it('the debrief says from when the replay parts from what was done, and the score recorded then', async () => {
    const { page, errors } = await fresh();
    await hangUpAtOnce(page);
    await page.getByRole('button', { name: 'See the debrief' }).waitFor();
    // As if a trainer had since removed a line this trainee said: the stored log names it.
    await page.evaluate(() => new Promise<void>((done, fail) => {
      const open = indexedDB.open('hotliner');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('results', 'readwrite');
        const store = tx.objectStore('results');
        const all = store.getAll();
        all.onsuccess = () => {
          const r = all.result[0] as { log: { entries: { at: number; action: unknown }[] } };
          r.log.entries.unshift({ at: 0, action: { type: 'say', choice: 'a_line_since_removed' } });
          store.put(r);
        };
        tx.oncomplete = () => { open.result.close(); done(); };
        tx.onerror = () => fail(tx.error);
      };
    }));
    await page.goto(`${game.url}?lang=en`);
    await page.locator('.results li button').press('Enter');
    const note = page.getByRole('region', { name: 'Debrief' }).getByRole('status');
    await note.waitFor();
    expect(await note.textContent()).toMatch(/edited since it was played: from 00:00, .*1 action\(s\).* Score recorded at the time: \d+\/100\./);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the content file', () => {
  it('when it cannot be loaded, the page says so in the trainee\'s language, with the reason', async () => {
    const { page, errors } = await fresh();
    await page.route('**/content-*.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(`${game.url}?lang=fr`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Les appels n\'ont pas pu être chargés');
    expect(await alert.textContent()).toMatch(/content-[\w-]+\.json: HTTP 503/);
    // The only console error is the browser's own report of the failed request.
    expect(errors.filter((e) => !e.includes('503'))).toEqual([]);
    await page.close();
  });
});

describe('the menu', () => {
  it('switches language and every text follows', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('heading', { name: 'Calls' }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Appels' }).waitFor();
    expect(await page.getByRole('button', { name: /^Jouer/ }).count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The choice is remembered: a plain visit (no ?lang=) comes back in French.
    await page.goto(game.url);
    await page.getByRole('heading', { name: 'Appels' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the calls easiest first and narrows them by customer and difficulty, by keyboard', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    const cards = page.locator('.call-card');
    await cards.first().waitFor();
    const all = await cards.count();
    const levels = await page.locator('.call-card .difficulty').evaluateAll((els) => els.map((e) => e.textContent!.split('●').length - 1));
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(await page.locator('.progress').textContent()).toBe(`Played: 0 of ${all} · won: 0`);
    const technical = page.getByRole('group', { name: 'Customer' }).getByRole('button', { name: 'Technical' });
    await technical.focus();
    await page.keyboard.press('Enter');
    expect(new Set(await page.locator('.call-card .persona').allTextContents())).toEqual(new Set(['Technical']));
    expect(await technical.getAttribute('aria-pressed')).toBe('true');
    // The keyboard stays on the filter: Tab then Enter picks the next option.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Technical');
    await page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: 'Difficulty 3' }).press('Enter');
    const narrowed = await cards.count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    expect(await page.locator('.call-card .difficulty').allTextContents()).toEqual(Array(narrowed).fill('●●●'));
    await page.getByRole('group', { name: 'Customer' }).getByRole('button', { name: 'All' }).press('Enter');
    await page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: 'All' }).press('Enter');
    expect(await cards.count()).toBe(all);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps finished calls across a reload', async () => {
    const { page, errors } = await fresh();
    await hangUpAtOnce(page);
    await page.getByRole('button', { name: 'See the debrief' }).press('Enter');
    await page.getByRole('region', { name: 'Debrief' }).waitFor();
    expect(await page.locator('.verdict').textContent()).toContain('Lost');
    // Back on the menu, the keyboard is on the call just played, wherever it is in the list.
    await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
    await page.getByRole('heading', { name: 'Calls' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[data-call]')?.getAttribute('data-call'))).toBe('fiber-tech-l2');
    await page.reload();
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('heading', { name: 'Results' }).waitFor();
    expect(await page.locator('.results li').count()).toBe(1);
    expect(await page.locator('.results li').textContent()).toContain('Lost');
    expect(errors).toEqual([]);
    await page.close();
  });
});
