// Plays a call in the page the way a trainee at the keyboard would: reads the clock and the
// offered lines, presses their number, uses Shift+n for tools, H/C/R for holds, D and T for
// the diagnosis and ticket dialogs, and W to skip a wait it would otherwise sit through.
import type { Page } from 'playwright-core';
import { TOOL_IDS } from '../../src/engine/model.ts';
import type { LogEntry } from '../../src/engine/replay.ts';

export type Texts = { choice(id: string): string; diagnosis(id: string): string; fact(id: string): string };

async function simTime(page: Page): Promise<number> {
  const text = (await page.getByRole('timer').textContent()) ?? '00:00';
  const [m, s] = text.split(':').map(Number);
  return ((m ?? 0) * 60 + (s ?? 0)) * 1000;
}

async function until(page: Page, ready: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    if (await ready()) return;
    // Nothing to do yet: skip to the next thing that happens, as the "Skip the wait" key does.
    if (i % 3 === 2) await page.keyboard.press('w');
    await page.waitForTimeout(120);
  }
  throw new Error(`timed out waiting for ${what}`);
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
    if (await simTime(page) + 1000 < at && a.type !== 'say') await until(page, async () => (await simTime(page)) + 1000 >= at, `time ${at}`);
    switch (a.type) {
      case 'say': {
        const text = texts.choice(a.choice);
        await until(page, async () => (await choiceKey(page, text)) !== null, `line ${a.choice}`);
        await page.keyboard.press((await choiceKey(page, text))!);
        break;
      }
      case 'runTool': case 'restartTool': {
        const i = TOOL_IDS.indexOf(a.tool);
        const win = page.locator(`.tool-window[data-tool="${a.tool}"]`);
        const want = a.type === 'restartTool' ? ['crashed'] : ['idle'];
        await until(page, async () => want.includes((await win.getAttribute('data-status')) ?? ''), `${a.tool} ${want}`);
        await page.keyboard.press(`Shift+Digit${i + 1}`);
        break;
      }
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
    await page.waitForTimeout(60);
  }
}
