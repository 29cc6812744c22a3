// Issue 9, "fair to a person", as a person meets the call screen: whose turn it is and the lines
// to read while the customer speaks, "skip the wait" that stops short of a complaint, the pause,
// leaving a call (and finding it again), settings that survive a reload and a deep link, the
// ticket form, the conversation in the order things are heard, and a screen where everything
// fits at 1024×600, 1280×720 and 1920×1080. Found and read as a person would: roles, names, words.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { replay } from '../../src/engine/replay.ts';
import { watchErrors } from './browser.ts';
import { DEBRIEF, knownFacts, pickUp, playActions, shownTime, toolWindow } from './player.ts';
import { servedGame } from './served.ts';
import { englishTexts, golden, scenario } from './texts.ts';

const game = servedGame(ROOT);

async function fresh(): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  return { page, errors: watchErrors(page) };
}

const linesPanel = (page: Page): Locator => page.getByRole('region', { name: /^(Your lines|Vos répliques)$/ });
const lineButtons = (page: Page): Locator => linesPanel(page).getByRole('button');
/** The sentence saying whose turn it is. */
const turn = (page: Page): Locator => linesPanel(page).getByRole('status');
const upcoming = (page: Page): Locator => page.getByRole('list', { name: /^Your next lines/ });
const conversation = (page: Page): Locator => page.getByRole('log');
const leave = (page: Page): Locator => page.getByRole('button', { name: 'Leave', exact: true });

/** Numbers and words of a list of lines (buttons on offer, or lines to read ahead). */
async function numbered(items: Locator): Promise<{ n: string; text: string }[]> {
  return (await items.allInnerTexts()).flatMap((x) => {
    const m = /^\s*(\d)\s+([\s\S]*)$/.exec(x);
    return m ? [{ n: m[1]!, text: m[2]!.trim() }] : [];
  });
}

/** Presses a key until `done` holds (at most `max` times). */
async function pressUntil(page: Page, key: string, done: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max && !(await done()); i++) await page.keyboard.press(key);
}

/** Opens a call by its link, on a first visit (no call to resume), and picks up. */
async function openCall(page: Page, query: string): Promise<void> {
  await page.goto(`${game.url}?lang=en&${query}`);
  await pickUp(page);
  await lineButtons(page).first().waitFor();
}

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

/** Whether `inner` lies wholly inside `outer` (to half a pixel), as drawn. */
async function inside(inner: Locator, outer: Locator): Promise<boolean> {
  const [a, b] = [await box(inner), await box(outer)];
  return (
    a.x >= b.x - 0.5 &&
    a.y >= b.y - 0.5 &&
    a.x + a.width <= b.x + b.width + 0.5 &&
    a.y + a.height <= b.y + b.height + 0.5
  );
}

/** Whether an element's words are cut (ellipsis or clipped): its content is wider or taller than its box. */
async function cut(l: Locator): Promise<boolean> {
  return l.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
}

describe('whose turn it is', () => {
  it('says the customer is speaking only while they speak, shows the next lines to read meanwhile, and whose turn it is', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1&pace=turns');
    expect((await turn(page).innerText()).trim()).toMatch(/^Your turn\s+Sandrine Morel is waiting for your answer/);
    await page.keyboard.press('1');
    expect((await turn(page).innerText()).trim()).toMatch(/^Speaking\s+You are speaking\./);
    const said = await conversation(page).getByRole('listitem').count();
    // A second at a time until she speaks: the lines to come are on screen, numbered, not yet sayable.
    await pressUntil(page, '.', async () => /is speaking/.test(await turn(page).innerText()));
    expect((await turn(page).innerText()).trim()).toMatch(
      /^Listening\s+Sandrine Morel is speaking\. Read your next lines now: you can say one once they have finished \(step by step: W\)\./,
    );
    const ahead = await numbered(upcoming(page).getByRole('listitem'));
    expect(ahead.map((l) => l.n)).toEqual(ahead.map((_, i) => String(i + 1)));
    expect(ahead.length).toBeGreaterThan(1);
    expect(await lineButtons(page).count()).toBe(0);
    // A number pressed now says nothing (she is still speaking).
    await page.keyboard.press('1');
    await page.waitForTimeout(200);
    expect(
      await conversation(page)
        .getByRole('listitem')
        .filter({ hasText: /^You ·/ })
        .count(),
    ).toBe(1);
    expect(await conversation(page).getByRole('listitem').count()).toBeGreaterThanOrEqual(said);
    // Once she has finished, they can be said, with the numbers they had.
    await page.keyboard.press('w');
    await lineButtons(page).first().waitFor();
    expect((await turn(page).innerText()).trim()).toMatch(/^Your turn/);
    expect(await numbered(lineButtons(page))).toEqual(ahead);
    // A tool at work: she waits on it, and the screen says what can be done.
    await page.keyboard.press('Shift+Digit2');
    expect((await turn(page).innerText()).trim()).toMatch(
      /Sandrine Morel is waiting on a tool \(Line test\): keep them company with a line, or put them on hold \(H\)\./,
    );
    await page.keyboard.press('h');
    await expect
      .poll(async () => (await turn(page).innerText()).trim())
      .toMatch(/^On hold\s+Sandrine Morel hears the hold music/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at real pace too, the lines to read are on screen while the customer speaks', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1');
    await page.keyboard.press('1');
    await upcoming(page).waitFor({ timeout: 20_000 });
    expect((await turn(page).innerText()).trim()).toMatch(/Sandrine Morel is speaking/);
    expect((await numbered(upcoming(page).getByRole('listitem'))).length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('skip the wait', () => {
  it('shows the words of the customer after W, and the conversation keeps its newest line in view', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1&pace=turns');
    const log = conversation(page);
    for (let round = 0; round < 4; round++) {
      await page.keyboard.press('1');
      await page.keyboard.press('w');
      await lineButtons(page).first().waitFor();
      const last = log.getByRole('listitem').last();
      // Her bubble is full, not waiting for another W.
      expect((await last.innerText()).split('\n').pop()!.trim().length).toBeGreaterThan(10);
      await expect.poll(() => inside(last, log)).toBe(true);
    }
    // By now the conversation is longer than its box: it was scrolled to follow.
    expect(await log.evaluate((el) => el.scrollHeight > el.clientHeight && el.scrollTop > 0)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stops short of the customer speaking up, says so, and only a second W lets it come', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1&pace=turns');
    await page.keyboard.press('1');
    await page.keyboard.press('w');
    await lineButtons(page).first().waitFor();
    // She has finished; the trainee says nothing and skips the wait.
    await page.keyboard.press('w');
    const warning = linesPanel(page).getByRole('alert');
    expect(await warning.innerText()).toMatch(
      /^Stopped before the silence gets long: Sandrine Morel will speak up at (\d\d:\d\d) if nobody says anything\./,
    );
    const at = /at (\d\d):(\d\d)/.exec(await warning.innerText())!;
    expect(await shownTime(page)).toBeLessThan((Number(at[1]) * 60 + Number(at[2])) * 1000);
    expect(await log(page)).not.toContain('Are you still there');
    await page.keyboard.press('w');
    await expect.poll(() => log(page)).toContain('Hello? Are you still there?!');
    expect(errors).toEqual([]);
    await page.close();

    function log(p: Page): Promise<string> {
      return conversation(p).innerText();
    }
  });
});

describe('pause', () => {
  it('in training, P stops the clock with a paused screen, and P or Resume starts it again; Escape too', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1');
    await page.keyboard.press('p');
    const paused = page.getByRole('dialog', { name: 'Paused' });
    await paused.waitFor();
    const t0 = await page.getByRole('timer').innerText();
    await page.waitForTimeout(2500);
    expect(await page.getByRole('timer').innerText()).toBe(t0);
    await paused.getByRole('button', { name: /^Resume/ }).press('Enter');
    await paused.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('timer').innerText(), { timeout: 5000 }).not.toBe(t0);
    await page.keyboard.press('Escape');
    await paused.waitFor();
    const t1 = await page.getByRole('timer').innerText();
    await page.waitForTimeout(2000);
    expect(await page.getByRole('timer').innerText()).toBe(t1);
    await page.keyboard.press('Escape');
    await paused.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByRole('timer').innerText(), { timeout: 5000 }).not.toBe(t1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in an exam, P says that pause is not available, and the clock runs on', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=exam&seed=1');
    const t0 = await page.getByRole('timer').innerText();
    await page.keyboard.press('p');
    await page.getByText('Pause is not available in exams.').waitFor();
    expect(await page.getByRole('dialog', { name: 'Paused' }).count()).toBe(0);
    await expect.poll(() => page.getByRole('timer').innerText(), { timeout: 5000 }).not.toBe(t0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('leaving a call', () => {
  it('asks first; kept, the menu offers the call just left first (the older one after it), and resuming goes on with it', async () => {
    const { page, errors } = await fresh();
    // An older call cut by a reload.
    await openCall(page, 'scenario=tv-no-picture&mode=training&seed=2');
    await page.keyboard.press('1');
    await page.waitForTimeout(3500);
    await page.goto(`${game.url}?lang=en`);
    await page.getByText(/A call was interrupted: "TV: “it doesn't work any more”"/).waitFor();
    // Another call, played from the menu.
    await page.getByRole('button', { name: /^Play — Broadband box/ }).press('Enter');
    await pickUp(page);
    await lineButtons(page).first().waitFor();
    await page.keyboard.press('1');
    await leave(page).press('Enter');
    const ask = page.getByRole('dialog', { name: 'Leave the call?' });
    await ask.waitFor();
    // Staying: back on the call, nothing lost.
    await ask.getByRole('button', { name: 'Stay on the call' }).press('Enter');
    await ask.waitFor({ state: 'hidden' });
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Broadband box');
    await leave(page).press('Enter');
    await ask.getByRole('button', { name: /^Leave and keep it/ }).press('Enter');
    // Each call keeps its own slot: both are offered, the newest first.
    const offers = page.getByRole('alertdialog', { name: 'Interrupted call' }).getByRole('listitem');
    await offers
      .first()
      .getByText(/A call was interrupted: "Broadband box/)
      .waitFor();
    expect(await offers.nth(1).innerText()).toContain('A call was interrupted: "TV: “it doesn\'t work any more”"');
    await offers.first().getByRole('button', { name: 'Resume the call' }).press('Enter');
    await conversation(page).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Broadband box');
    expect(await conversation(page).innerText()).toContain('Alto Telecom, good morning');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('abandoned, it is gone: the menu offers nothing to resume', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=box-no-sync&mode=training&seed=1');
    await leave(page).press('Enter');
    await page
      .getByRole('dialog', { name: 'Leave the call?' })
      .getByRole('button', { name: /^Abandon the call/ })
      .press('Enter');
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Resume the call' }).count()).toBe(0);
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Resume the call' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('settings', () => {
  const stepByStep = (page: Page): Locator => page.getByRole('checkbox', { name: /^Step by step/ });
  const exam = (page: Page): Locator => page.getByRole('radio', { name: 'Exam' });

  it('pace and mode survive a reload, a resumed call keeps its pace, and a deep link leaves them as they were', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=en`);
    await exam(page).check();
    await stepByStep(page).check();
    await page.reload();
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await exam(page).isChecked()).toBe(true);
    expect(await stepByStep(page).isChecked()).toBe(true);
    // A call from the menu, step by step: the clock waits for the trainee, across a reload.
    await page.getByRole('button', { name: /^Play — Broadband box/ }).press('Enter');
    await pickUp(page);
    await lineButtons(page).first().waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('w');
    await lineButtons(page).first().waitFor();
    const at = await shownTime(page);
    await page.waitForTimeout(3500);
    expect(await shownTime(page)).toBe(at);
    await page.reload();
    await page.getByRole('button', { name: 'Resume the call' }).press('Enter');
    await conversation(page).waitFor();
    await page.waitForTimeout(2000);
    expect(await shownTime(page)).toBe(at);
    expect(await page.getByRole('region', { name: 'Call process' }).innerText()).toContain('Exam mode: no checklist');
    // A deep link in training, in real time: that call only.
    await leave(page).press('Enter');
    await page.getByRole('button', { name: /^Abandon the call/ }).press('Enter');
    // The menu is back once the store has forgotten the call: leaving earlier would cut that write.
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    await page.goto(`${game.url}?lang=en&scenario=tv-no-picture&mode=training&pace=real&seed=4`);
    await pickUp(page);
    await expect.poll(() => shownTime(page), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Call process' }).innerText()).toContain('Opening');
    await leave(page).press('Enter');
    await page.getByRole('button', { name: /^Abandon the call/ }).press('Enter');
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await exam(page).isChecked()).toBe(true);
    expect(await stepByStep(page).isChecked()).toBe(true);
    await page.goto(`${game.url}?lang=en`);
    await page.getByRole('heading', { name: 'Calls', exact: true }).waitFor();
    expect(await exam(page).isChecked()).toBe(true);
    expect(await stepByStep(page).isChecked()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** box-no-sync along its golden path up to (not including) action `upTo`, step by step. */
/**
 * How many of box-no-sync's golden actions to play for `facts` facts to be known once the last
 * one is done (read from the engine: the golden path changes with the call).
 */
function actionsForFacts(facts: number): number {
  const g = golden('box-no-sync');
  const sc = scenario('box-no-sync');
  for (let j = 0; j < g.log.length; j++) {
    const s = replay(sc, g.seed, g.log.slice(0, j), g.mode, g.log[j]!.at).state;
    if (s.facts.filter(Boolean).length >= facts) return j + 1;
  }
  throw new Error(`box-no-sync's golden path never knows ${facts} facts`);
}

/** How many golden actions until the CRM has been run (it crashes on its first use). */
function actionsForCrm(): number {
  const i = golden('box-no-sync').log.findIndex((e) => e.action.type === 'runTool' && e.action.tool === 'crm');
  if (i < 0) throw new Error("box-no-sync's golden path never runs the CRM");
  return i + 1;
}

async function boxNoSync(page: Page, upTo: number, lang: 'en' = 'en'): Promise<void> {
  const g = golden('box-no-sync');
  await page.goto(`${game.url}?lang=${lang}&scenario=box-no-sync&mode=training&seed=${g.seed}&pace=turns`);
  await pickUp(page);
  await playActions(page, g.log.slice(0, upTo), englishTexts('box-no-sync', scenario('box-no-sync')));
}

describe('the ticket form', () => {
  it('keeps the notes as facts are ticked and says so; Close closes it; the clock can still be moved on meanwhile', async () => {
    const { page, errors } = await fresh();
    await boxNoSync(page, actionsForFacts(1));
    expect((await knownFacts(page)).length).toBeGreaterThan(0);
    await page.keyboard.press('t');
    const form = page.getByRole('dialog', { name: 'Ticket' });
    await form.waitFor();
    expect(await form.getByRole('status').innerText()).toBe('No notes yet: tick the facts to note.');
    await form.getByRole('checkbox').first().press('Space');
    await expect.poll(() => form.getByRole('status').innerText()).toBe('Notes kept: 1 fact.');
    // Step by step, time can be let pass with the form open.
    const at = await shownTime(page);
    await page.keyboard.press('.');
    await expect.poll(() => shownTime(page)).toBe(at + 1000);
    expect(await form.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    await form.getByRole('button', { name: 'Close (the notes are kept)' }).press('Enter');
    await form.waitFor({ state: 'hidden' });
    expect(await toolWindow(page, 'ticket').innerText()).toContain('Notes kept: 1 fact.');
    // The keys are the call's again.
    await page.keyboard.press('t');
    await form.waitFor();
    expect(await form.getByRole('checkbox').first().isChecked()).toBe(true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'hidden' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the conversation', () => {
  it('announces a right diagnosis once, even when a line states it again', async () => {
    const { page, errors } = await fresh();
    // Up to the line after the diagnosis that states it again (the golden path has one).
    const g = golden('box-no-sync');
    const sc = scenario('box-no-sync');
    const stated = g.log.findIndex((e) => e.action.type === 'diagnose');
    const again = g.log.findIndex(
      (e, i) =>
        i > stated && e.action.type === 'say' && sc.choices[sc.index.choices.get(e.action.choice)!]!.diagnose >= 0,
    );
    expect([stated, again].every((i) => i >= 0)).toBe(true);
    await boxNoSync(page, again + 1);
    await page.keyboard.press('w');
    const text = await conversation(page).innerText();
    expect(text.match(/Diagnosis stated/g)).toHaveLength(1);
    expect(text.match(/Right diagnosis\./g)).toHaveLength(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says the customer hung up after their goodbye', async () => {
    const { page, errors } = await fresh();
    await openCall(page, 'scenario=cancel-crm-down&mode=training&seed=1&pace=turns');
    await page.keyboard.press('2');
    await pressUntil(page, 'w', async () => (await lineButtons(page).count()) > 0);
    await page.keyboard.press('4');
    await pressUntil(page, 'w', async () => (await page.getByRole('button', { name: DEBRIEF }).count()) > 0);
    const lines = await conversation(page).getByRole('listitem').allInnerTexts();
    const hungUp = lines.findIndex((l) => /Patrick Lemoine hung up\./.test(l));
    const goodbye = lines.map((l) => l.startsWith('Patrick Lemoine ·')).lastIndexOf(true);
    expect(hungUp).toBeGreaterThan(0);
    expect(goodbye).toBeGreaterThan(0);
    expect(goodbye).toBeLessThan(hungUp);
    expect(lines.at(-1)).toMatch(/Lost/);
    expect((await turn(page).innerText()).trim()).toMatch(/^Ended\s+The call is over\.$/);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('everything fits', () => {
  const SIZES = [
    { width: 1024, height: 600 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ];

  /**
   * The checks at one moment: facts, checklist, lines and the tools' words wholly inside their
   * boxes. A tool's long answer may be cut short in its window when the conversation has it in full.
   */
  async function fits(page: Page, withLines: boolean): Promise<string[]> {
    const bad: string[] = [];
    const facts = page.getByRole('region', { name: /^(Known facts|Faits connus)/ });
    for (const f of await facts.getByRole('listitem').all())
      if (!(await inside(f, facts)) || (await cut(f))) bad.push(`fact ${await f.innerText()}`);
    const process = page.getByRole('region', { name: /^(Call process|Déroulé de l'appel)$/ });
    for (const h of await process.getByRole('heading').all())
      if (!(await inside(h, process))) bad.push(`phase ${await h.innerText()}`);
    for (const s of await process.getByRole('listitem').all()) if (!(await inside(s, process))) bad.push('a step');
    if (withLines)
      for (const l of await lineButtons(page).all())
        if (!(await inside(l, linesPanel(page)))) bad.push(`line ${await l.innerText()}`);
    const said = await conversation(page).innerText();
    const desk = page.getByRole('region', { name: /^(Desk|Bureau)$/ });
    for (const w of await desk.getByRole('group').all()) {
      const name = await w.getAttribute('aria-label');
      const button = w.getByRole('button');
      const pressed = (await button.innerText()).trim();
      // Its name, its status, its last words: each wholly in the window, and not cut short.
      for (const words of (await w.innerText()).split('\n').map((x) => x.trim())) {
        if (!words || words === pressed) continue;
        const part = w.getByText(words, { exact: true }).first();
        if (!(await inside(part, w)) || ((await cut(part)) && !said.includes(words))) bad.push(`${name}: ${words}`);
      }
      if (!(await inside(button, w))) bad.push(`${name}: its button`);
    }
    return bad;
  }

  async function atEverySize(page: Page, withLines = true): Promise<string[]> {
    const bad: string[] = [];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(150);
      bad.push(...(await fits(page, withLines)).map((b) => `${size.width}×${size.height} ${b}`));
    }
    return bad;
  }

  it('the facts, the checklist, the lines and the tool windows are wholly in their boxes at three window sizes', async () => {
    const { page, errors } = await fresh();
    // The CRM has just crashed; the lines are on offer.
    const crm = actionsForCrm();
    await boxNoSync(page, crm);
    await pressUntil(page, '.', async () => (await toolWindow(page, 'crm').innerText()).includes('crashed'));
    expect(await toolWindow(page, 'crm').innerText()).toContain('CRM has stopped working.');
    expect(await atEverySize(page)).toEqual([]);
    // Facts found, a tool restarting, other lines.
    await playActions(
      page,
      golden('box-no-sync').log.slice(crm, Math.max(crm + 3, actionsForFacts(2))),
      englishTexts('box-no-sync', scenario('box-no-sync')),
    );
    expect((await knownFacts(page)).length).toBeGreaterThanOrEqual(2);
    expect(await atEverySize(page)).toEqual([]);
    // The whole checklist, the closing phase included, is in view without scrolling.
    const process = page.getByRole('region', { name: 'Call process' });
    expect(await process.getByRole('heading', { name: /^Closing/ }).isVisible()).toBe(true);
    expect(await process.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('in French too', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${game.url}?lang=fr&scenario=box-no-sync&mode=training&seed=1&pace=turns`);
    await pickUp(page);
    await lineButtons(page).first().waitFor();
    await page.keyboard.press('1');
    await pressUntil(page, 'w', async () => (await lineButtons(page).count()) > 0);
    expect(await atEverySize(page)).toEqual([]);
    // With the CRM crashed, the lines that keep the customer company join the others (the list scrolls).
    await page.keyboard.press('Shift+Digit1');
    await pressUntil(page, '.', async () => (await toolWindow(page, 'crm').innerText()).includes('planté'));
    expect(await toolWindow(page, 'crm').innerText()).toContain('CRM a cessé de fonctionner.');
    expect(await atEverySize(page, false)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
