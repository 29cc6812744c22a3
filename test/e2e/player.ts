// Plays a call in the page the way a trainee at the keyboard would, in step-by-step pace: lets
// time pass with "." (a second) and ">" (ten seconds) until the moment of the next action,
// presses a line's number, Shift+n for tools, H/C/R for holds, D and T for the dialogs.
import type { Page } from 'playwright-core';
import { TOOL_IDS } from '../../src/engine/model.ts';
import type { LogEntry } from '../../src/engine/replay.ts';

export type Texts = {
  choice(id: string): string;
  diagnosis(id: string): string;
  fact(id: string): string;
  /** Whether the facts shown as known are evidence enough for this diagnosis. */
  founded(diagnosis: string, knownFacts: readonly string[]): boolean;
  /** Fact ids by their English label. */
  factIds(labels: readonly string[]): string[];
};

async function simTime(page: Page): Promise<number> {
  return Number(await page.getByRole('timer').getAttribute('data-ms'));
}

/**
 * Waits in call time until `at` (to the second above), as a trainee holding "." would. In
 * step-by-step pace each key moves the clock by exactly its amount, so the presses are counted
 * from one look at the clock.
 */
async function waitUntil(page: Page, at: number): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const t = await simTime(page);
    if (t >= at || (await page.locator('.see-debrief').count())) return;
    const tens = Math.floor((at - t) / 10_000);
    const ones = Math.ceil((at - t - tens * 10_000) / 1000);
    for (let i = 0; i < tens; i++) await page.keyboard.press('>');
    for (let i = 0; i < ones; i++) await page.keyboard.press('.');
  }
}

/** Whether the control for this action is there and enabled, as a trainee would see it. */
async function ready(page: Page, a: LogEntry['action'], texts: Texts): Promise<boolean> {
  switch (a.type) {
    case 'say': return (await choiceKey(page, texts.choice(a.choice))) !== null;
    case 'runTool': return (await page.locator(`.tool-window[data-tool="${a.tool}"]`).getAttribute('data-status')) === 'idle';
    case 'restartTool': return (await page.locator(`.tool-window[data-tool="${a.tool}"]`).getAttribute('data-status')) === 'crashed';
    case 'hold': case 'checkIn': case 'resume': return page.locator(`[data-control="${a.type}"]`).isEnabled();
    case 'writeTicket': return knows(page, a.notes.map((f) => texts.fact(f)));
    case 'diagnose': return texts.founded(a.diagnosis, texts.factIds(await page.locator('.checklist .facts li').allTextContents()));
    default: return true;
  }
}

/** The facts panel lists what the trainee has found out. */
async function knows(page: Page, facts: readonly string[]): Promise<boolean> {
  const known = await page.locator('.checklist .facts li').allTextContents();
  return facts.every((f) => known.includes(f));
}

async function choiceKey(page: Page, text: string): Promise<string | null> {
  const button = page.locator('.choice-list button.choice').filter({ hasText: text.slice(0, 60) });
  if ((await button.count()) === 0) return null;
  return (await button.first().locator('kbd').textContent())?.trim() ?? null;
}

/** Plays the actions of `log` in order, waiting (or skipping time) until each is possible. */
export async function playLog(page: Page, log: readonly LogEntry[], texts: Texts): Promise<void> {
  await page.getByRole('button', { name: /Pick up|Décrocher/ }).waitFor();
  await page.keyboard.press('Enter');
  for (const { at, action: a } of log) {
    await waitUntil(page, at);
    // A second's drift can leave the customer mid-sentence: wait, a second at a time, until it is possible.
    for (let i = 0; i < 90 && !(await ready(page, a, texts)); i++) await page.keyboard.press('.');
    if (process.env.PLAYER_DEBUG) process.stderr.write(`${at} ${await simTime(page)} ${JSON.stringify(a)}\n`);
    switch (a.type) {
      case 'say': {
        const key = await choiceKey(page, texts.choice(a.choice));
        if (!key) throw new Error(`line ${a.choice} is not offered at ${await simTime(page)} ms`);
        await page.keyboard.press(key);
        break;
      }
      case 'runTool': case 'restartTool':
        await page.keyboard.press(`Shift+Digit${TOOL_IDS.indexOf(a.tool) + 1}`);
        break;
      case 'hold': await page.keyboard.press('h'); break;
      case 'checkIn': await page.keyboard.press('c'); break;
      case 'resume': await page.keyboard.press('r'); break;
      case 'hangUp': await page.keyboard.press('x'); break;
      case 'diagnose': {
        await page.keyboard.press('d');
        await page.getByRole('dialog').getByRole('button', { name: texts.diagnosis(a.diagnosis), exact: true }).press('Enter');
        break;
      }
      case 'writeTicket': {
        await page.keyboard.press('t');
        const dialog = page.getByRole('dialog');
        for (const box of await dialog.getByRole('checkbox').all()) if (await box.isChecked()) await box.press('Space');
        for (const f of a.notes) await dialog.getByRole('checkbox', { name: texts.fact(f) }).press('Space');
        await dialog.getByRole('button', { name: /Write the notes|Écrire les notes/ }).press('Enter');
        await page.keyboard.press('Escape');
        break;
      }
      default: throw new Error(`no keyboard route for ${a.type}`);
    }
  }
  // Let the last words be said and the call end.
  for (let i = 0; i < 60 && (await page.locator('.see-debrief').count()) === 0; i++) await page.keyboard.press('w');
}
