// Issue 11, as a person meets it in the browser: a hostile call's words shown as written, wrapped
// and isolated under a Content-Security-Policy without eval; a call that survives its database
// being deleted mid-call; two tabs that keep their own calls; a step-by-step call resumed at the
// very second it was left. Found and read as a person would: roles, names, words.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { watchErrors } from './browser.ts';
import { HOSTILE_ID, LONG, NESTED, RLO_NAME, serveHostileCall, TITLE } from './hostile.ts';
import { DEBRIEF, pickUp, shownTime } from './player.ts';
import { servedGame } from './served.ts';

const game = servedGame(ROOT);

const lineButtons = (page: Page): Locator =>
  page.getByRole('region', { name: /^(Your lines|Vos répliques)$/ }).getByRole('button');
const conversation = (page: Page): Locator => page.getByRole('log');
const resumeOffers = (page: Page): Locator =>
  page.getByRole('alertdialog', { name: 'Interrupted call' }).getByRole('listitem');

/** A page in a brand-new browser profile, that records Content-Security-Policy violations. */
async function fresh(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  await watchCsp(page);
  return { page, errors: watchErrors(page) };
}

async function watchCsp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}
const violations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** Whether an element's words overflow its box sideways (clipped rather than wrapped). */
const overflows = (l: Locator): Promise<boolean> => l.evaluate((el) => el.scrollWidth > el.clientWidth + 1);

async function openCall(page: Page, query: string): Promise<void> {
  await page.goto(`${game.url}?lang=en&${query}`);
  await pickUp(page);
  await lineButtons(page).first().waitFor();
}

describe('hostile content', () => {
  it('is shown as written, wraps, keeps a right-to-left name isolated, under a CSP the game never violates', async () => {
    const { page, errors } = await fresh();
    await serveHostileCall(page);
    await openCall(page, `scenario=${HOSTILE_ID}&mode=training&seed=1&pace=turns`);
    // The page's policy: no eval, no inline script; the desk is drawn under it.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    expect(await page.locator('canvas').evaluate((c: HTMLCanvasElement) => c.width * c.height)).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(TITLE);
    // The trainee's 3,000-character line, with an i18next nesting in it: as written, wrapped.
    const line = lineButtons(page).first();
    expect(await line.innerText()).toContain(`${LONG} $t(ui:app.title)`);
    expect(await overflows(line)).toBe(false);
    await page.keyboard.press('1');
    await page.keyboard.press('w');
    const said = conversation(page).getByRole('listitem').filter({ hasText: NESTED });
    await said.waitFor();
    expect(await said.locator('.words').last().innerText()).toBe(`${LONG} ${NESTED}`);
    expect(await overflows(said)).toBe(false);
    expect(await overflows(said.locator('.words').last())).toBe(false);
    // Her name, behind a right-to-left override, does not reorder the rest of the header.
    const who = said.locator('.who');
    expect(await who.locator('bdi').textContent()).toContain(RLO_NAME);
    const order = await who.evaluate((el) => {
      const name = el.querySelector('bdi')!;
      const range = document.createRange();
      range.selectNodeContents(name.nextSibling!);
      return { name: name.getBoundingClientRect().right, rest: range.getBoundingClientRect().left };
    });
    expect(order.rest).toBeGreaterThanOrEqual(order.name - 1);
    // The debrief's title wraps too.
    await page.keyboard.press('x');
    await page.getByRole('button', { name: DEBRIEF }).click();
    const title = page.getByRole('heading', { level: 1 });
    await title.waitFor();
    expect(await title.innerText()).toContain(TITLE);
    expect(await overflows(title)).toBe(false);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the database deleted mid-call', () => {
  const deleteDatabase = (page: Page): Promise<void> =>
    page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const req = indexedDB.deleteDatabase('hotliner');
          req.onsuccess = req.onerror = req.onblocked = () => resolve();
        }),
    );

  it('opened again: the result is kept (in past results after a reload), and the page says what happened', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1&pace=turns');
    await page.keyboard.press('1');
    await page.keyboard.press('w');
    await lineButtons(page).first().waitFor();
    await deleteDatabase(page);
    await page.keyboard.press('2');
    await page.keyboard.press('x');
    await page.getByRole('button', { name: DEBRIEF }).waitFor();
    const said = await page.getByRole('region', { name: 'Your lines' }).innerText();
    expect(said).toContain("The browser's storage was cleared or closed while you played");
    expect(said).not.toContain('could not be saved');
    expect(await page.getByRole('button', { name: 'Download this result' }).count()).toBe(0);
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Results' }).innerText()).toContain('Broadband box');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('that cannot be opened again: the result is offered as a file (the export format) and listed meanwhile', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1&pace=turns');
    await page.keyboard.press('1');
    await page.evaluate(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('refused', 'UnknownError');
      };
    });
    await deleteDatabase(page);
    await page.keyboard.press('x');
    const download = page.getByRole('button', { name: 'Download this result' });
    await download.waitFor({ timeout: 10_000 });
    const said = await page.getByRole('region', { name: 'Your lines' }).innerText();
    expect(said).toContain('This result could not be saved.');
    expect(said).toContain('download it so as not to lose it');
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    const { readFile } = await import('node:fs/promises');
    const saved = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
      format: string;
      results: { scenario: string }[];
    };
    expect(saved.format).toBe('hotliner-results');
    expect(saved.results.map((r) => r.scenario)).toEqual(['box-no-sync']);
    await page.getByRole('button', { name: DEBRIEF }).click();
    await page.getByRole('button', { name: 'Back to the calls' }).click();
    expect(await page.getByRole('region', { name: 'Results' }).innerText()).toContain('Broadband box');
    // The pre-existing message only: no console error beyond what the browser logs for the refusal.
    expect(errors.filter((e) => !/refused/.test(e))).toEqual([]);
    await page.close();
  });
});

describe('two tabs', () => {
  it('keep a call each: one ending clears only its own, and every cut call is offered, newest first', async () => {
    const ctx = await game.relaunch();
    const a = await ctx.newPage();
    const b = await ctx.newPage();
    const errors = [...watchErrors(a), ...watchErrors(b)];
    await openCall(a, 'scenario=tv-no-picture&mode=training&seed=2&pace=turns');
    await a.keyboard.press('1');
    await a.waitForTimeout(500);
    // Tab B: A's call is live in A, so B's link opens at once; B's call ends (its result kept).
    await openCall(b, 'scenario=box-no-sync&mode=exam&seed=1&pace=turns');
    await b.keyboard.press('1');
    await b.keyboard.press('x');
    await b.getByRole('button', { name: DEBRIEF }).waitFor();
    // A is cut (its tab closed): a new tab offers it.
    await a.close();
    const c = await ctx.newPage();
    errors.push(...watchErrors(c));
    await c.goto(`${game.url}?lang=en`);
    await c.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await resumeOffers(c).allInnerTexts()).toEqual([expect.stringContaining("TV: “it doesn't work any more”")]);
    // B starts another call from its menu (which offers A's) and is cut in turn: both are offered, B's first.
    await b.goto(`${game.url}?lang=en`);
    await b.getByRole('button', { name: /^Play — Printer/ }).press('Enter');
    await pickUp(b);
    await lineButtons(b).first().waitFor();
    await b.keyboard.press('1');
    await b.waitForTimeout(500);
    await b.goto('about:blank');
    await c.reload();
    await c.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    const offers = await resumeOffers(c).allInnerTexts();
    expect(offers).toHaveLength(2);
    expect(offers[0]).toContain('Printer');
    expect(offers[1]).toContain('TV');
    // Resuming the older goes on with it; the other stays offered.
    await resumeOffers(c).nth(1).getByRole('button', { name: 'Resume the call' }).click();
    await conversation(c).waitFor();
    expect(await c.getByRole('heading', { level: 1 }).innerText()).toContain('TV');
    await c.getByRole('button', { name: 'Leave', exact: true }).press('Enter');
    await c.getByRole('button', { name: /^Abandon the call/ }).press('Enter');
    await c.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await resumeOffers(c).allInnerTexts()).toEqual([expect.stringContaining('Printer')]);
    expect(errors).toEqual([]);
    await ctx.close();
  });
});

describe('step by step, a reload', () => {
  it('resumes at the very second the trainee was, waits (W, a second, ten seconds) included', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1&pace=turns');
    await page.keyboard.press('1');
    await page.keyboard.press('w');
    await lineButtons(page).first().waitFor();
    for (const key of ['>', '>', '>', '.', '.']) await page.keyboard.press(key);
    const at = await shownTime(page);
    expect(at).toBeGreaterThanOrEqual(30_000);
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByRole('button', { name: 'Resume the call' }).press('Enter');
    await conversation(page).waitFor();
    expect(await shownTime(page)).toBe(at);
    expect(errors).toEqual([]);
    await page.close();
  });
});
