// The debrief as a recruit meets it after a lost call, played by keyboard: the first sentence says
// why the call was lost, the model answer is there, the total's explainer opens, a hint's moment
// opens the conversation there, and the timeline's time labels stay inside the chart.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { watchErrors } from './browser.ts';
import { DEBRIEF, pickUp, shownTime } from './player.ts';
import { servedGame } from './served.ts';
import { englishTexts, golden, scenario } from './texts.ts';
import { playbook } from '../support/load.ts';

const game = servedGame(ROOT);
const CALL = 'box-no-sync';

async function fresh(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  return { page, errors: watchErrors(page) };
}

/** Step by step: picks up, then only lets time pass (W) until the customer has gone; opens the debrief. */
async function pickUpAndStaySilent(page: Page, lang: 'en' | 'fr'): Promise<void> {
  await page.goto(`${game.url}?lang=${lang}&scenario=${CALL}&mode=training&seed=1&pace=turns`);
  await pickUp(page);
  const debrief = page.getByRole('button', { name: DEBRIEF });
  for (let i = 0; i < 100 && (await debrief.count()) === 0; i++) await page.keyboard.press('w');
  await debrief.press('Enter');
}

/** The debrief's words as a person reads them, line by line. */
async function debriefLines(page: Page, name: RegExp): Promise<string[]> {
  const region = page.getByRole('region', { name });
  await region.waitFor();
  return (await region.innerText())
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Every time label of the timeline lies inside the chart's box. */
async function expectLabelsInside(page: Page, name: string): Promise<string[]> {
  const chart = page.getByRole('group', { name });
  const box = (await chart.boundingBox())!;
  const labels = chart.locator('text.axis');
  const out: string[] = [];
  for (const label of await labels.all()) {
    const text = (await label.textContent()) ?? '';
    if (!/^\d\d:\d\d$/.test(text)) continue;
    const b = (await label.boundingBox())!;
    expect(b.x, text).toBeGreaterThanOrEqual(box.x);
    expect(b.x + b.width, text).toBeLessThanOrEqual(box.x + box.width);
    expect(b.y + b.height, text).toBeLessThanOrEqual(box.y + box.height);
    out.push(text);
  }
  return out;
}

describe('the debrief of a call lost to silence', () => {
  it('says first that the silence lost it, shows the model answer, and explains the total', async () => {
    const { page, errors } = await fresh();
    await pickUpAndStaySilent(page, 'en');
    const lines = await debriefLines(page, /^Debrief$/);
    expect(lines[0]).toMatch(/^Debrief — /);
    expect(lines[1]).toMatch(/^Lost · Failed · Total \d+\/100$/);
    // The first sentence: who hung up, when, after how long a silence, and the hellos unanswered.
    expect(lines[2]).toMatch(/^Sandrine Morel hung up at 00:\d\d after \d+ s of silence on your side: “Hello\?/);
    expect(lines[2]).toContain('got no answer');

    // The model answer is open, beside the trainee's call, from the line where they parted.
    const first = golden(CALL).log.find((e) => e.action.type === 'say')!.action as { choice: string };
    const firstWords = englishTexts(CALL, scenario(CALL)).choice(first.choice);
    const model = page.getByRole('region', { name: /^The model answer \(Resolved, \d+\/100\)$/ });
    await model.waitFor();
    expect(await model.isVisible()).toBe(true);
    expect(await model.getByRole('listitem').first().innerText()).toContain(firstWords);
    const mine = page.getByRole('region', { name: 'Your call' });
    expect(await mine.innerText()).toContain('Hello? Are you still there?!');
    expect(lines.join('\n')).toContain(`You said nothing; the model answer starts at 00:00 with “${firstWords}”.`);

    // The explainer opens from its summary, with this call's numbers.
    const explained = page.getByText('Passed requires all three:');
    expect(await explained.isVisible()).toBe(false);
    await page.getByText('How the total is built').press('Enter');
    await explained.waitFor();
    const process = (await page.locator('[data-score="process"] .score-value').innerText()).replace(' %', '');
    // The playbook's weights, as the explainer must show them.
    const w = playbook().scoring.weights;
    const formula = page.getByText(
      new RegExp(
        `^Total = \\(${w.process} × Process \\d+ \\+ ${w.diagnosis} × Time to diagnosis \\d+ \\+ ${w.calmness} × Calmness \\d+ \\+ ${w.resolution} × Outcome \\d+\\)`,
      ),
    );
    expect(await formula.innerText()).toContain(`Process ${process} +`);
    const factor = String(playbook().scoring.lostFactor);
    expect(
      await page
        .getByText(
          new RegExp(
            `^The call did not end resolved, rightly escalated or handled by the book, so this is multiplied by ${factor.replace('.', '\\.')}`,
          ),
        )
        .count(),
    ).toBe(1);
    await page.getByText('How the total is built').press('Enter');
    expect(await explained.isVisible()).toBe(false);

    // A hint's moment opens the conversation there: the greeting was on offer from 00:00.
    const greeting = page.locator('[data-line="step.greet"]');
    expect(await greeting.innerText()).toContain(`Would have done it: “${firstWords}”, on offer at 00:00.`);
    await greeting.locator('.hint').getByRole('button', { name: 'Show the moment 00:00' }).press('Enter');
    const conversation = page.getByRole('log', { name: 'Conversation' });
    await expect.poll(() => conversation.isVisible()).toBe(true);
    expect(await model.isVisible()).toBe(false);

    expect(await expectLabelsInside(page, 'Timeline')).toContain('00:00');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in French too, the first sentence names the silence', async () => {
    const { page, errors } = await fresh();
    await pickUpAndStaySilent(page, 'fr');
    const lines = await debriefLines(page, /^Bilan$/);
    expect(lines[2]).toMatch(
      /^Sandrine Morel a raccroché à 00:\d\d après \d+ s de silence de votre côté\s:\s«\sAllô\s\?/,
    );
    expect(await page.getByRole('region', { name: /^La réponse modèle \(Résolu, \d+\/100\)$/ }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the timeline of a call that ends on a whole minute', () => {
  it('keeps its last time label inside the chart (it was cut to "06:0")', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en&scenario=${CALL}&mode=training&seed=1&pace=turns`);
    await pickUp(page);
    // On hold (asking first), the customer waits a minute; hang up as the clock shows 01:00.
    await page.keyboard.press('h');
    for (let i = 0; i < 80 && (await shownTime(page)) < 60_000; i++) await page.keyboard.press('.');
    expect(await shownTime(page)).toBe(60_000);
    await page.keyboard.press('x');
    await page.getByRole('button', { name: DEBRIEF }).press('Enter');
    const lines = await debriefLines(page, /^Debrief$/);
    expect(lines[2]).toBe('You hung up on the customer at 01:00: an automatic fail, so the total is 0. 01:00');
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 600 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      // The stage is scaled to the window after the resize is seen: measured once it has settled.
      const settled = () => expectLabelsInside(page, 'Timeline').catch((e: Error) => e.message);
      await expect.poll(settled, { message: `${size.width}×${size.height}` }).toEqual(['00:00', '01:00']);
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
