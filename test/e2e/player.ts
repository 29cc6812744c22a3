// Plays a call in the page the way a trainee at the keyboard would, in step-by-step pace: lets
// time pass with "." (a second) and ">" (ten seconds) until the moment of the next action,
// presses a line's number, Shift+n for tools, H/C/R for holds, D and T for the dialogs. It reads
// the screen as a person does: the clock's mm:ss, the lines' numbers, the tools' button labels,
// which controls are enabled, the facts listed. French or English.
import type { Locator, Page } from 'playwright-core';
import { TOOL_IDS } from '../../src/engine/model.ts';
import type { LogEntry } from '../../src/engine/replay.ts';

export type Texts = {
  choice(id: string): string;
  diagnosis(id: string): string;
  fact(id: string): string;
  /** Whether the facts shown as known are evidence enough for this diagnosis. */
  founded(diagnosis: string, knownFacts: readonly string[]): boolean;
  /** Fact ids by their label on screen. */
  factIds(labels: readonly string[]): string[];
  /** A ticket category's or priority's label. */
  ticketClass(part: 'categories' | 'priorities', id: string): string;
};

const CONTROLS = {
  hold: /^(Put on hold|Mettre en attente)/,
  checkIn: /^(Check back|Faire un point)/,
  resume: /^(Resume \(thanks\)|Reprendre \(merci\))/,
} as const;
const PRESS = { runTool: /^(Run|Lancer)$/, restartTool: /^(Restart|Redémarrer)$/ } as const;
export const DEBRIEF = /^(See the debrief|Voir le bilan)$/;

/** The call's clock as shown (mm:ss), in ms. Step by step only whole seconds pass, so it is exact. */
export async function shownTime(page: Page): Promise<number> {
  const [m, s] = (await page.getByRole('timer').innerText()).trim().split(':').map(Number);
  return (m! * 60 + s!) * 1000;
}

/** The tool windows of the desk, in the order of Shift+1…7. */
export function toolWindow(page: Page, tool: (typeof TOOL_IDS)[number]): Locator {
  return page
    .getByRole('region', { name: /^(Desk|Bureau)$/ })
    .getByRole('group')
    .nth(TOOL_IDS.indexOf(tool));
}

/** The facts the trainee has found, as listed on screen. */
export async function knownFacts(page: Page): Promise<string[]> {
  return page
    .getByRole('list', { name: /^(Known facts|Faits connus)$/ })
    .getByRole('listitem')
    .allInnerTexts();
}

/** The number a line is shown with, or null when it is not on screen. */
export async function lineNumber(page: Page, text: string): Promise<string | null> {
  const button = page
    .getByRole('region', { name: /^(Your lines|Vos répliques)$/ })
    .getByRole('button')
    .filter({ hasText: text.slice(0, 60) });
  if ((await button.count()) === 0) return null;
  return /^\s*(\d)\b/.exec(await button.first().innerText())?.[1] ?? null;
}

/**
 * Waits in call time until `at` (to the second above), as a trainee holding "." would. In
 * step-by-step pace each key moves the clock by exactly its amount, so the presses are counted
 * from one look at the clock.
 */
async function waitUntil(page: Page, at: number): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const t = await shownTime(page);
    if (t >= at || (await page.getByRole('button', { name: DEBRIEF }).count())) return;
    const tens = Math.floor((at - t) / 10_000);
    const ones = Math.ceil((at - t - tens * 10_000) / 1000);
    for (let i = 0; i < tens; i++) await page.keyboard.press('>');
    for (let i = 0; i < ones; i++) await page.keyboard.press('.');
  }
}

/** Whether the control for this action is there and can be used, as a trainee would see it. */
async function ready(page: Page, a: LogEntry['action'], texts: Texts): Promise<boolean> {
  switch (a.type) {
    case 'say':
      return (await lineNumber(page, texts.choice(a.choice))) !== null;
    case 'runTool':
    case 'restartTool': {
      const button = toolWindow(page, a.tool).getByRole('button');
      return PRESS[a.type].test((await button.innerText()).trim()) && (await button.isEnabled());
    }
    case 'hold':
    case 'checkIn':
    case 'resume':
      return page.getByRole('button', { name: CONTROLS[a.type] }).isEnabled();
    case 'writeTicket': {
      const known = await knownFacts(page);
      return a.notes.every((f) => known.includes(texts.fact(f)));
    }
    case 'diagnose':
      return texts.founded(a.diagnosis, texts.factIds(await knownFacts(page)));
    default:
      return true;
  }
}

/** Picks up the phone: the trainee sees it ring and presses Enter. */
export async function pickUp(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Pick up|Décrocher/ }).waitFor();
  await page.keyboard.press('Enter');
}

/** Plays the actions of `log` in order, waiting (or skipping time) until each is possible. */
export async function playActions(page: Page, log: readonly LogEntry[], texts: Texts): Promise<void> {
  for (const { at, action: a } of log) {
    await waitUntil(page, at);
    // A second's drift can leave the customer mid-sentence: wait, a second at a time, until it is possible.
    for (let i = 0; i < 90 && !(await ready(page, a, texts)); i++) await page.keyboard.press('.');
    if (process.env.PLAYER_DEBUG) process.stderr.write(`${at} ${await shownTime(page)} ${JSON.stringify(a)}\n`);
    switch (a.type) {
      case 'say': {
        const key = await lineNumber(page, texts.choice(a.choice));
        if (!key) throw new Error(`line ${a.choice} is not offered at ${await shownTime(page)} ms`);
        await page.keyboard.press(key);
        break;
      }
      case 'runTool':
      case 'restartTool':
        await page.keyboard.press(`Shift+Digit${TOOL_IDS.indexOf(a.tool) + 1}`);
        break;
      case 'hold':
        await page.keyboard.press('h');
        break;
      case 'checkIn':
        await page.keyboard.press('c');
        break;
      case 'resume':
        await page.keyboard.press('r');
        break;
      case 'hangUp':
        await page.keyboard.press('x');
        break;
      case 'diagnose': {
        await page.keyboard.press('d');
        await page
          .getByRole('dialog')
          .getByRole('button', { name: texts.diagnosis(a.diagnosis), exact: true })
          .press('Enter');
        break;
      }
      case 'writeTicket': {
        // Each tick writes the notes at once; the form is then closed (the notes are kept).
        await page.keyboard.press('t');
        const dialog = page.getByRole('dialog');
        const wanted = new Set(a.notes.map((f) => texts.fact(f)));
        for (const box of await dialog.getByRole('checkbox').all()) {
          const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
          if ((await box.isChecked()) !== wanted.has(name)) await box.press('Space');
        }
        await dialog.getByRole('button', { name: /^(Close|Fermer)/ }).press('Enter');
        break;
      }
      case 'classifyTicket': {
        await page.keyboard.press('t');
        const dialog = page.getByRole('dialog');
        await dialog
          .getByRole('combobox', { name: /Category|Catégorie/ })
          .selectOption({ label: texts.ticketClass('categories', a.category) });
        await dialog
          .getByRole('combobox', { name: /Priority|Priorité/ })
          .selectOption({ label: texts.ticketClass('priorities', a.priority) });
        await dialog.getByRole('button', { name: /^(Close|Fermer)/ }).press('Enter');
        break;
      }
      default:
        throw new Error(`no keyboard route for ${a.type}`);
    }
  }
}

/** Picks up, plays the whole log, then lets the last words be said and the call end. */
export async function playLog(page: Page, log: readonly LogEntry[], texts: Texts): Promise<void> {
  await pickUp(page);
  await playActions(page, log, texts);
  const debrief = page.getByRole('button', { name: DEBRIEF });
  for (let i = 0; i < 60 && (await debrief.count()) === 0; i++) await page.keyboard.press('w');
}
