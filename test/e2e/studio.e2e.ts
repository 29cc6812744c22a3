// The trainers' Studio (studio.html) as a trainer meets it: a library call opened in French, an
// unknown `goto` and an unquoted French colon typed in, each underlined with the checker's French
// sentence and listed below; both fixed, the status line says winnable; the page reloaded, the
// draft is there. And the game's own first load never reaches the Studio's editor and checker.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { sharedBuild } from './browser.ts';
import { watchErrors } from './browser.ts';
import { servedGame } from './served.ts';
import { DEBRIEF, playLog } from './player.ts';
import { englishTexts, golden as goldenOf, scenario } from './texts.ts';

const game = servedGame(ROOT);

const CALL = 'billing-fault';
const GOTO_MESSAGE = "Le nœud « nowhere » n'existe pas";
const COLON_MESSAGE = 'Ce texte contient « : » (espace, deux-points)';

/** The YAML editor's line holding `text` (the first one shown). */
const line = (page: Page, text: string): Locator => page.locator('#editor-yaml .cm-line', { hasText: text }).first();
const problems = (page: Page): Locator => page.locator('.problems');
const underlined = (page: Page): Locator => page.locator('#editor-yaml .cm-lintRange-error');

/**
 * Finds `find` in the YAML editor with its search (Ctrl+F, Enter, Escape: the match is selected)
 * and types `text` in its place.
 */
async function replace(page: Page, find: string, text: string): Promise<void> {
  await page.locator('#editor-yaml .cm-content').click();
  await page.keyboard.press('Control+f');
  await page.keyboard.press('Control+a');
  await page.keyboard.type(find);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
  // The completion list may be open after typing: Escape closes it, as a person would.
  await page.keyboard.press('Escape');
}

describe('the Studio', () => {
  it('underlines the checker’s errors as a trainer types, in French, and keeps the draft', async () => {
    const page = await (await game.relaunch()).newPage();
    const errors = watchErrors(page);
    await page.goto(`${game.url}studio.html`);
    // The browser speaks English: the trainer switches the Studio to French.
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'French' });
    await page.getByRole('heading', { name: /Studio Hotliner/ }).waitFor();

    await page.getByRole('combobox', { name: 'Bibliothèque' }).selectOption(CALL);
    await page.getByRole('button', { name: 'Ouvrir', exact: true }).click();
    await line(page, `id: ${CALL}`).waitFor();
    await expect.poll(() => problems(page).innerText()).toMatch(/0 erreur/);
    // Hovering a key says what it is, from the schema, in French (the pointer rests on it a moment).
    // Once the call is checked and analysed (nothing redraws the editor under the pointer then).
    await expect.poll(() => page.locator('.studio-status').innerText()).toMatch(/Gagnable/);
    const hoverText = async (): Promise<string> => {
      await page.mouse.move(600, 400);
      await line(page, 'persona:').hover({ position: { x: 10, y: 5 } });
      const tip = page.locator('#editor-yaml .studio-hover');
      await tip.waitFor({ timeout: 2000 }).catch(() => {});
      return (await tip.count()) ? tip.innerText() : '';
    };
    await expect.poll(hoverText).toMatch(/^Profil du client/);

    // A `goto` to a node that does not exist.
    await replace(page, 'goto: identity', 'goto: nowhere');
    await expect.poll(() => problems(page).innerText()).toContain(GOTO_MESSAGE);
    await expect.poll(() => underlined(page).allInnerTexts()).toContain('nowhere');
    await expect.poll(() => page.locator('.studio-status').innerText()).toMatch(/Gagnable|Pas gagnable|erreurs/);

    // An unquoted French colon in a text: YAML reads a new key there, and nothing past it is checked.
    await replace(page, `"Service client, j'écoute."`, 'Service client : je vous écoute.');
    await expect.poll(() => problems(page).innerText()).toContain(COLON_MESSAGE);
    await expect.poll(() => underlined(page).count()).toBeGreaterThan(0);
    // The underline is on the text's line, and hovering it says the checker's sentence.
    await underlined(page).first().hover();
    await expect.poll(() => page.locator('#editor-yaml .cm-tooltip-lint').innerText()).toContain(COLON_MESSAGE);
    // The problem in the list jumps to its line.
    await problems(page)
      .getByRole('button', { name: new RegExp(COLON_MESSAGE.slice(0, 20)) })
      .click();
    await expect.poll(() => page.locator('#editor-yaml .cm-activeLine').innerText()).toContain('Service client : je');

    // Fixed as it was: the goto's error is seen again, then fixed too.
    await replace(page, 'Service client : je vous écoute.', `"Service client, j'écoute."`);
    await expect.poll(() => problems(page).innerText()).toContain(GOTO_MESSAGE);
    await expect.poll(() => problems(page).innerText()).not.toContain(COLON_MESSAGE);
    await replace(page, 'goto: nowhere', 'goto: identity');
    await page.keyboard.press('End');
    await page.keyboard.type(' # vérifié');
    await expect.poll(() => problems(page).innerText()).toMatch(/0 erreur/);
    await expect.poll(() => underlined(page).count()).toBe(0);
    await expect
      .poll(() => page.locator('.studio-status').innerText(), { timeout: 60_000 })
      .toMatch(/Gagnable · meilleur score \d+/);

    // Reloaded: the same draft, where it was, in French.
    await expect.poll(() => page.locator('.studio-head .saved').innerText()).toBe('Brouillon enregistré');
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(`${CALL}.yaml`);
    // The cursor is back where the trainer left it, on the line they last fixed.
    await expect
      .poll(() => page.locator('#editor-yaml .cm-activeLine').innerText())
      .toContain('goto: identity } # vérifié');
    await expect.poll(() => problems(page).innerText()).toMatch(/0 erreur/);
    expect(errors).toEqual([]);
  });

  it('makes a new call from a library call, exports it as a pack, and the game imports it and plays it to the debrief', async () => {
    // Another call than the first test's: that one reopens as its draft was left (scrolled to its last edit).
    const FROM = 'vpn-remote-fix';
    const page = await game.ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${game.url}studio.html?lang=en`);
    await page.getByRole('combobox', { name: 'Library' }).selectOption(FROM);
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await line(page, `id: ${FROM}`).waitFor();
    // A library call's id is taken: the trainer's variant gets one of its own.
    await page.getByRole('button', { name: 'New call from this one…' }).click();
    await page.getByRole('textbox', { name: 'Id of the new call' }).fill(FROM);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').allInnerTexts()).toContainEqual(expect.stringContaining('already'));
    await page.getByRole('textbox', { name: 'Id of the new call' }).fill(`${FROM}-evening`);
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(`${FROM}-evening.yaml`);
    await line(page, `id: ${FROM}-evening`).waitFor();
    await expect.poll(() => problems(page).innerText()).toMatch(/0 error/);
    await expect
      .poll(() => page.locator('.studio-status').innerText(), { timeout: 60_000 })
      .toMatch(/Winnable · best score \d+/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export as a pack (.hotliner)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${FROM}-evening.hotliner`);
    const packPath = await download.path();

    // In the game's menu (the same browser): the pack is checked, analysed and imported.
    await page.goto(`${game.url}?lang=en`);
    await page.getByLabel('Import a call (.hotliner file)').setInputFiles(packPath);
    await expect
      .poll(() => page.getByRole('status').allInnerTexts(), { timeout: 60_000 })
      .toContainEqual(expect.stringMatching(/is imported: it is in the list of calls/));
    // Played along the library call's best path, step by step, to the debrief.
    const golden = goldenOf(FROM);
    await page.goto(`${game.url}?lang=en&scenario=${FROM}-evening&mode=${golden.mode}&seed=${golden.seed}&pace=turns`);
    await playLog(page, golden.log, englishTexts(FROM, scenario(FROM)));
    await page.getByRole('button', { name: DEBRIEF }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: DEBRIEF }).press('Enter');
    const debrief = page.getByRole('region', { name: 'Debrief' });
    await debrief.waitFor();
    expect(await debrief.innerText()).toMatch(new RegExp(`Total ${golden.expected.total}/100`));
    // Back to the Studio once the game's service worker runs the site: the Studio, not the game's page.
    await page.goto(`${game.url}studio.html?lang=en`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain(`${FROM}-evening.yaml`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the playtest plays the call and replays the author after an edit', async () => {
    const page = await game.ctx.newPage();
    await page.goto(`${game.url}studio.html?lang=en`);
    await page.getByRole('button', { name: 'New call', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toContain('nouvel-appel.yaml');
    const lines = page.getByRole('list', { name: 'Lines on offer' });
    await lines.getByRole('button', { name: /Alto Telecom, good morning/ }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'The call so far' }).innerText())
      .toContain("I've had no internet since this morning");
    // The line just said is renamed in the YAML: the replay stops there and says so.
    await replace(page, 'id: hello', 'id: hello_there');
    await expect.poll(() => page.locator('.studio-side').innerText()).toMatch(/Replay stopped at action 1/);

    // Play from a node, with a fact already known and the CRM down.
    await page.getByRole('button', { name: 'Play from this node…' }).click();
    const form = page.getByRole('form', { name: 'Play from a node' });
    await form.getByRole('combobox', { name: 'Node' }).selectOption('plug');
    await form.getByRole('checkbox', { name: 'Every light on the box is off' }).check();
    await form.getByRole('checkbox', { name: 'CRM' }).check();
    await form.getByRole('button', { name: 'Play', exact: true }).click();
    await expect.poll(() => page.locator('.play-head').innerText()).toContain('From node plug');
    await expect
      .poll(() => page.getByRole('list', { name: 'The call so far' }).innerText())
      .toContain("Yes, that's it.");
    await expect.poll(() => page.getByRole('group', { name: 'Tools' }).innerText()).toMatch(/CRM · .* → restart/);
    await page
      .getByRole('list', { name: 'Lines on offer' })
      .getByRole('button', { name: /power plug/ })
      .click();
    await expect
      .poll(() => page.getByRole('list', { name: 'The call so far' }).innerText())
      .toContain('Oh, it was unplugged!');
    // Hung up there: the result says what was missed, worded as the debrief words it.
    await page.getByRole('button', { name: 'Hang up', exact: true }).click();
    const result = page.getByRole('region', { name: 'Result' });
    await expect.poll(() => result.innerText()).toMatch(/Diagnosis stated at — \(par \d\d:\d\d\)/);
    expect(await result.innerText()).not.toMatch(/-1|\d{4,}/);
  });
});

describe("the game's first load", () => {
  it('never reaches the Studio: no CodeMirror, YAML parser or zod in the entry and what it imports, nothing shared', () => {
    const dist = sharedBuild();
    if (!dist) throw new Error('the e2e global setup builds the game (HOTLINER_E2E_DIST)');
    const chunks = (html: string): string[] =>
      [...readFileSync(join(dist, html), 'utf8').matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    /** Every chunk a page loads before anything is asked for: its scripts and their static imports. */
    const reached = (html: string): Set<string> => {
      const seen = new Set<string>();
      const todo = chunks(html);
      while (todo.length) {
        const f = todo.pop()!;
        if (seen.has(f)) continue;
        seen.add(f);
        const code = readFileSync(join(dist, f), 'utf8');
        for (const m of code.matchAll(/(?:import|from)\s*"\.\/([^"]+\.js)"/g)) todo.push(`assets/${m[1]}`);
      }
      return seen;
    };
    const MARKERS = { codemirror: 'cm-lintRange', yaml: 'YAMLParseError', zod: 'ZodError' };
    const has = (files: Set<string>, marker: string): boolean =>
      [...files].some((f) => readFileSync(join(dist, f), 'utf8').includes(marker));
    const game = reached('index.html');
    const studio = reached('studio.html');
    // The pages share no chunk (each is built on its own), and the game's service worker does not precache the Studio.
    expect([...game].filter((f) => studio.has(f))).toEqual([]);
    // Nor does it answer a visit to the Studio with the game's page (its navigation fallback leaves it out).
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    // Its precache list, minified (`url:"index.html"`) or not (`"url": "index.html"`).
    expect(sw).toMatch(/"?url"?:\s*"index\.html"/);
    expect(sw).not.toMatch(/"?url"?:\s*"[^"]*studio/);
    expect(sw).toContain('studio\\.html');
    for (const [what, marker] of Object.entries(MARKERS)) {
      // The markers are real: the Studio's page has each of them.
      expect(has(studio, marker), `${what} in the Studio`).toBe(true);
      expect(has(game, marker), `${what} in the game's first load`).toBe(false);
    }
  });
});
