// The guided first call as a newcomer meets it: offered on the first visit, skippable (and the
// choice remembered), always at the top of the calls, and playable from its card with the coach
// speaking from the first line. Found and read as a person would: roles, names, words on screen.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { watchErrors } from './browser.ts';
import { pickUp } from './player.ts';
import { servedGame } from './served.ts';

const game = servedGame(ROOT);
const TITLE = 'Guided call: the box that switches itself off';

/** A page in a brand-new browser profile: nothing stored, as on a first visit. */
async function fresh(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  return { page, errors: watchErrors(page) };
}

const invitation = (page: Page) => page.getByRole('region', { name: /^New here\? Start with the guided call/ });
const cards = (page: Page) => page.getByRole('region', { name: 'Calls', exact: true }).getByRole('listitem');

describe('the guided first call', () => {
  it('is offered on the first visit; Skip hides the offer, and it stays hidden after a reload', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    await invitation(page).waitFor();
    expect(await invitation(page).innerText()).toContain(TITLE);
    await invitation(page).getByRole('button', { name: 'Skip' }).press('Enter');
    await expect.poll(() => invitation(page).count()).toBe(0);
    await page.reload();
    await cards(page).first().waitFor();
    expect(await invitation(page).count()).toBe(0);
    // Skipped, not gone: the guided call is still the first card, marked as the place to start.
    const first = cards(page).first();
    expect(await first.getByRole('heading').innerText()).toBe(TITLE);
    expect(await first.innerText()).toContain('Start here');
    expect(await first.getByLabel('Difficulty 0: guided call').innerText()).toBe('Guided');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is offered in French too, and the difficulty filter keeps it under "Guidé"', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=fr`);
    const offer = page.getByRole('region', { name: /^Première fois \? Commencez par l'appel guidé/ });
    await offer.waitFor();
    expect(await offer.getByRole('button', { name: "Jouer l'appel guidé" }).count()).toBe(1);
    await page.getByRole('group', { name: 'Difficulté' }).getByRole('button', { name: 'Guidé' }).press('Enter');
    const shown = page.getByRole('region', { name: 'Appels', exact: true }).getByRole('listitem');
    await expect.poll(() => shown.count()).toBe(1);
    expect(await shown.innerText()).toContain('Commencez ici');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is played from its card: it rings, and the coach explains the first keys as soon as a line is said', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    await cards(page)
      .first()
      .getByRole('button', { name: `Play — ${TITLE}` })
      .press('Enter');
    await pickUp(page);
    const lines = page.getByRole('region', { name: 'Your lines' }).getByRole('button');
    await lines.first().waitFor({ timeout: 20_000 });
    // The call's two greetings come first (the playbook's stall line may follow).
    expect((await lines.allInnerTexts()).slice(0, 2)).toEqual([
      expect.stringMatching(/^1\s+Alto Telecom, good morning, Camille speaking/),
      expect.stringMatching(/^2\s+Hello, yes\?/),
    ]);
    await page.keyboard.press('1');
    const log = page.getByRole('log');
    await expect
      .poll(() => log.innerText())
      .toContain('You picked up with Enter and said this line by typing its number');
    // The customer speaks; the coach's next word comes with the trainee's next line.
    await expect.poll(() => log.innerText(), { timeout: 20_000 }).toContain('since the day before yesterday');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops being offered once played from the offer', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    await invitation(page).getByRole('button', { name: 'Play the guided call' }).press('Enter');
    await page.getByRole('button', { name: /Pick up/ }).waitFor();
    await page.goto(`${game.url}?lang=en`);
    await cards(page).first().waitFor();
    expect(await invitation(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
