// The game as a person uses it: tool crash, freeze and restart, resume after a reload, try again
// from a debrief, keys pressed as the lines change, the language switch, results that survive a
// reload — and no console errors anywhere. Everything is found and read as a person would:
// roles, names, the words and numbers on screen.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import type { ToolId } from '../../src/engine/model.ts';
import { watchErrors } from './browser.ts';
import { DEBRIEF, pickUp, playActions, toolWindow } from './player.ts';
import { servedGame } from './served.ts';
import { englishTexts, golden, scenario } from './texts.ts';

const game = servedGame(ROOT);

/** A page in a brand-new browser profile: empty storage, as on a first visit. */
async function fresh(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  const errors = watchErrors(page);
  return { page, errors };
}

function linesPanel(page: Page): Locator {
  return page.getByRole('region', { name: 'Your lines' });
}

/** The lines on offer as shown: their number and their words. */
async function shownLines(page: Page): Promise<{ n: string; text: string }[]> {
  const texts = await linesPanel(page).getByRole('button').allInnerTexts();
  return texts.flatMap((x) => {
    const m = /^\s*(\d)\s+([\s\S]*)$/.exec(x);
    return m ? [{ n: m[1]!, text: m[2]!.trim() }] : [];
  });
}

/** A tool window's words, line by line: its name, its status, its last answer, its button. */
async function windowText(w: Locator): Promise<string[]> {
  return (await w.innerText())
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Plays the shortest call there is: fiber-tech-l2 in exam mode, hung up as soon as it is picked up. */
async function hangUpAtOnce(page: Page): Promise<void> {
  await page.goto(`${game.url}?lang=en&scenario=fiber-tech-l2&mode=exam&seed=5`);
  await pickUp(page);
  await linesPanel(page).getByRole('button').first().waitFor();
  await page.keyboard.press('x');
}

/** The call on screen can be played: it rings, it is picked up, a line said by its number is heard. */
async function expectPlayableCall(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pick up/ }).waitFor();
  expect(await page.getByRole('region', { name: 'Debrief' }).count()).toBe(0);
  await pickUp(page);
  await linesPanel(page).getByRole('button').first().waitFor({ timeout: 20_000 });
  expect(await page.getByRole('button', { name: /^Hang up/ }).isEnabled()).toBe(true);
  const [first] = await shownLines(page);
  await page.keyboard.press(first!.n);
  await expect.poll(() => page.getByRole('log').innerText()).toContain(first!.text);
}

describe('the call screen', () => {
  it('shows a crashed tool with its dialog, and a restart brings it back', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=box-no-sync&mode=training&seed=1`);
    await pickUp(page);
    const crm = toolWindow(page, 'crm');
    expect(await windowText(crm)).toEqual(['CRM', 'ready', 'Run']);
    await page.keyboard.press('Shift+Digit1');
    await expect.poll(() => windowText(crm), { timeout: 15_000 }).toContain('crashed');
    expect(await windowText(crm)).toEqual(['CRM', 'crashed', 'CRM has stopped working.', 'Restart']);
    await expect.poll(() => page.getByRole('log').innerText()).toContain('CRM crashed');
    // Put the customer on hold (asking) so the silence of the restart does not end the call.
    await page.keyboard.press('h');
    await crm.getByRole('button', { name: /^Restart/ }).press('Enter');
    await expect.poll(() => windowText(crm)).toContain('restarting…');
    // While it restarts, its button does not offer to run it: a press is only a click on a busy tool.
    expect(await crm.getByRole('button').innerText()).toBe('Click anyway');
    expect(await crm.getByRole('button').getAttribute('aria-label')).toBe(
      'Click anyway — CRM (restarting…): clicking again does not make it faster',
    );
    for (let i = 0; i < 30 && !(await windowText(crm)).includes('ready'); i++)
      (await page.keyboard.press('w'), await page.waitForTimeout(150));
    expect(await windowText(crm)).toEqual(['CRM', 'ready', 'Run']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a frozen tool says it is not responding, and its button says what a click does', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=tv-no-picture&mode=training&seed=1&pace=turns`);
    await pickUp(page);
    const kb = toolWindow(page, 'kb');
    await page.keyboard.press('Shift+Digit3');
    expect(await windowText(kb)).toEqual(['Knowledge base', 'working…', 'Click anyway']);
    for (let i = 0; i < 5 && !(await windowText(kb)).includes('not responding'); i++) await page.keyboard.press('.');
    expect(await windowText(kb)).toEqual(['Knowledge base', 'not responding', 'Click anyway']);
    await expect.poll(() => page.getByRole('log').innerText()).toContain('Knowledge base is not responding');
    // Clicking it again and again is a rage click: the coach says so.
    await page.keyboard.press('Shift+Digit3');
    await kb.getByRole('button', { name: /^Click anyway — Knowledge base \(not responding\)/ }).click();
    await expect
      .poll(() => page.getByRole('log').innerText())
      .toContain('Clicking a stuck tool does not make it faster.');
    expect(await windowText(kb)).toEqual(['Knowledge base', 'not responding', 'Click anyway']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in step by step, words come a second at a time as they are said, to the eye and to a screen reader; W lets her finish', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=tv-no-picture&mode=training&seed=1&pace=turns`);
    await pickUp(page);
    await linesPanel(page).getByRole('button').first().waitFor();
    await page.keyboard.press('1');
    const customer = page.getByRole('log').getByRole('listitem').filter({ hasText: 'Jeannine Roux' }).last();
    for (let i = 0; i < 30 && (await customer.count()) === 0; i++) await page.keyboard.press('.');
    for (let i = 0; i < 3; i++) await page.keyboard.press('.');
    // A few seconds into her answer: its first words on screen, and a screen reader has heard no more than that.
    const seen = (await customer.locator('[aria-hidden="true"]').innerText()).trim();
    const heard = await customer.ariaSnapshot();
    expect(seen.length).toBeGreaterThan(0);
    // Skipping the wait lets her finish: all her words, on screen and heard.
    await page.keyboard.press('w');
    const whole = (await customer.locator('[aria-hidden="true"]').innerText()).trim();
    expect(whole.length).toBeGreaterThan(seen.length + 40);
    expect(whole.startsWith(seen)).toBe(true);
    expect(heard).not.toContain(whole.slice(seen.length + 5));
    const end = whole.slice(-30);
    await expect.poll(() => customer.ariaSnapshot()).toContain(end);
    await linesPanel(page).getByRole('button').first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('offers to resume a call cut by a reload, and resuming continues the same call', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=printer-nothing&mode=exam&seed=3`);
    await pickUp(page);
    await linesPanel(page).getByRole('button').first().waitFor();
    await page.keyboard.press('1');
    const log = page.getByRole('log');
    await expect.poll(() => log.getByRole('listitem').count(), { timeout: 20_000 }).toBeGreaterThan(1);
    const before = await log.innerText();
    await page.waitForTimeout(3500);
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('button', { name: 'Resume the call' }).press('Enter');
    await log.waitFor();
    expect(await log.innerText()).toContain(before.slice(0, 120));
    for (let i = 0; i < 40 && (await shownLines(page)).length === 0; i++)
      (await page.keyboard.press('w'), await page.waitForTimeout(150));
    expect((await shownLines(page)).length).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Printer');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('try again', () => {
  it('from the debrief of the call just played opens a call that can be played', async () => {
    const { page, errors } = await fresh();
    await hangUpAtOnce(page);
    await page.getByRole('button', { name: DEBRIEF }).press('Enter');
    await page.getByRole('region', { name: 'Debrief' }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).press('Enter');
    await expectPlayableCall(page);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('from a past result opens a call that can be played', async () => {
    const { page, errors } = await fresh();
    await hangUpAtOnce(page);
    await page.getByRole('button', { name: DEBRIEF }).waitFor();
    await page.getByRole('button', { name: /Leave/ }).press('Enter');
    await page
      .getByRole('region', { name: 'Results' })
      .getByRole('button', { name: /\d+\/100$/ })
      .press('Enter');
    await page.getByRole('region', { name: 'Debrief' }).waitFor();
    await page.getByRole('button', { name: 'Try again' }).press('Enter');
    await expectPlayableCall(page);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a key pressed as a tool answers', () => {
  // Moments of golden best paths where a tool's answer changes the lines on screen (voip-needs-l2's
  // supervisor, tv-no-picture's CRM): the golden path is played up to the tool's last run, and the
  // key pressed is the number of a line that stays on screen while others come and go.
  it.each([
    { id: 'voip-needs-l2', tool: 'supervisor' as ToolId },
    { id: 'tv-no-picture', tool: 'crm' as ToolId },
  ])('$id: the number pressed as the $tool answers says the line that had that number', async ({ id, tool }) => {
    const g = golden(id);
    const runs = g.log.flatMap((e, i) => (e.action.type === 'runTool' && e.action.tool === tool ? [i] : []));
    const played = (runs.at(-1) ?? -1) + 1;
    expect(played).toBeGreaterThan(0);
    const texts = englishTexts(id, scenario(id));
    const open = async (): Promise<{ page: Page; errors: string[] }> => {
      const opened = await fresh();
      await opened.page.goto(`${game.url}?lang=en&scenario=${id}&mode=training&seed=${g.seed}&pace=turns`);
      await pickUp(opened.page);
      await playActions(opened.page, g.log.slice(0, played), texts);
      return opened;
    };
    const answered = async (page: Page): Promise<boolean> =>
      !(await windowText(toolWindow(page, tool))).includes('working…');
    // A first time through: the second at which the tool answers, and the lines just before and after.
    const first = await open();
    let seconds = 0;
    let before: { n: string; text: string }[] = [];
    while (!(await answered(first.page)) && seconds < 120) {
      before = await shownLines(first.page);
      await first.page.keyboard.press('.');
      seconds++;
    }
    const after = await shownLines(first.page);
    expect(after).not.toEqual(before);
    const seen = before.find((l) => after.some((a) => a.text === l.text))!;
    expect(seen).toBeDefined();
    const key = seen.n;
    // The other lines come and go around it; the line keeps its number.
    expect(after.find((l) => l.n === key)).toEqual(seen);
    await first.page.close();
    // The same call and the same keys again; this time the number goes with the second at which it answers.
    const { page, errors } = await open();
    for (let i = 0; i < seconds - 1; i++) await page.keyboard.press('.');
    expect(await shownLines(page)).toEqual(before);
    await page.keyboard.press('.');
    await page.keyboard.press(key);
    expect(await answered(page)).toBe(true);
    await expect.poll(() => page.getByRole('log').innerText()).toContain(seen.text);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('results of a call edited since', () => {
  it('the debrief says from when the replay parts from what was done, and the score recorded then', async () => {
    const { page, errors } = await fresh();
    await hangUpAtOnce(page);
    await page.getByRole('button', { name: DEBRIEF }).waitFor();
    // As if a trainer had since removed a line this trainee said: the stored log names it.
    await page.evaluate(
      () =>
        new Promise<void>((done, fail) => {
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
            tx.oncomplete = () => {
              open.result.close();
              done();
            };
            tx.onerror = () => fail(tx.error);
          };
        }),
    );
    await page.goto(`${game.url}?lang=en`);
    await page
      .getByRole('region', { name: 'Results' })
      .getByRole('button', { name: /\d+\/100$/ })
      .press('Enter');
    const note = page.getByRole('region', { name: 'Debrief' }).getByRole('status');
    await note.waitFor();
    expect(await note.innerText()).toMatch(
      /edited since it was played: from 00:00, .*1 action\(s\).* Score recorded at the time: \d+\/100\./,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the content file', () => {
  it("when it cannot be loaded, the page says so in the trainee's language, with the reason", async () => {
    const { page, errors } = await fresh();
    await page.route('**/content-*.json', (route) => route.fulfill({ status: 503, body: 'down' }));
    await page.goto(`${game.url}?lang=fr`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain("Les appels n'ont pas pu être chargés");
    expect(await alert.innerText()).toMatch(/content-[\w-]+\.json: HTTP 503/);
    // The only console error is the browser's own report of the failed request.
    expect(errors.filter((e) => !e.includes('503'))).toEqual([]);
    await page.close();
  });
});

describe('the menu', () => {
  it('switches language and every text follows', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('heading', { name: 'Appels', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Jouer/ }).count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // The choice is remembered: a plain visit (no ?lang=) comes back in French.
    await page.goto(game.url);
    await page.getByRole('heading', { name: 'Appels', exact: true }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lists the calls easiest first and narrows them by customer and difficulty, by keyboard', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    const calls = page.getByRole('region', { name: 'Calls', exact: true });
    const cards = calls.getByRole('listitem');
    await cards.first().waitFor();
    const all = await cards.count();
    const difficulty = (): Promise<number[]> =>
      cards.evaluateAll((els) =>
        els.map((e) =>
          Number(
            /Difficulty (\d)/.exec(
              e.querySelector('[aria-label^="Difficulty"]')?.getAttribute('aria-label') ?? '',
            )?.[1],
          ),
        ),
      );
    const levels = await difficulty();
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(await calls.getByText(/^Played:/).innerText()).toBe(`Played: 0 of ${all} · won: 0`);
    const technical = page.getByRole('group', { name: 'Customer' }).getByRole('button', { name: 'Technical' });
    await technical.focus();
    await page.keyboard.press('Enter');
    const personas = await cards.evaluateAll((els) =>
      els.map((e) =>
        ['Angry', 'Confused', 'Technical'].filter((p) => (e as HTMLElement).innerText.split('\n').includes(p)),
      ),
    );
    expect(new Set(personas.flat())).toEqual(new Set(['Technical']));
    expect(await technical.getAttribute('aria-pressed')).toBe('true');
    // The keyboard stays on the filter: Tab then Enter picks the next option.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Technical');
    await page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: 'Difficulty 3' }).press('Enter');
    const narrowed = await cards.count();
    expect(narrowed).toBeGreaterThan(0);
    expect(narrowed).toBeLessThan(all);
    expect(await difficulty()).toEqual(Array(narrowed).fill(3));
    await page.getByRole('group', { name: 'Customer' }).getByRole('button', { name: 'All' }).press('Enter');
    await page.getByRole('group', { name: 'Difficulty' }).getByRole('button', { name: 'All' }).press('Enter');
    expect(await cards.count()).toBe(all);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps finished calls across a reload', async () => {
    const { page, errors } = await fresh();
    await hangUpAtOnce(page);
    await page.getByRole('button', { name: DEBRIEF }).press('Enter');
    const debrief = page.getByRole('region', { name: 'Debrief' });
    await debrief.waitFor();
    expect(await debrief.innerText()).toContain('Lost');
    // Back on the menu, the keyboard is on the call just played, wherever it is in the list.
    await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Play — Fibre/);
    await page.reload();
    await page.goto(`${game.url}?lang=en`);
    const results = page.getByRole('region', { name: 'Results' }).getByRole('listitem');
    await results.first().waitFor();
    expect(await results.count()).toBe(1);
    expect(await results.innerText()).toContain('Lost');
    expect(errors).toEqual([]);
    await page.close();
  });
});
