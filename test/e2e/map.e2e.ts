// The call's map (src/studio/map-view.ts) in the real Chromium, used as a trainer uses it: read
// the boxes, pick a node or a line with the mouse or the keys, pan and zoom. The view is bundled
// on its own into a blank page with a 600×400 pane (the Studio page places it the same way).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlaybook, readScenario, ROOT, SCENARIO_DIR } from '../../src/cli/repo.ts';
import { callMap, type CallMap } from '../../src/studio/map.ts';
import { mapLabels } from '../../src/studio/map-labels.ts';
import { mapPositions } from '../../src/studio/map-source.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { launch, watchErrors } from './browser.ts';

const ENTRY = `
import { render } from 'lit-html';
import { mapTemplate } from './src/studio/map-view.ts';
window.picks = [];
window.showMap = (map, labels, current) =>
  render(mapTemplate(map, { labels, current, onPick: (t, line) => window.picks.push({ ...t, line }) }), document.getElementById('pane'));
`;

const file = join(SCENARIO_DIR, 'box-no-sync.yaml');
const yaml = readFileSync(file, 'utf8');
const loaded = readScenario(file, readPlaybook().playbook!);
const map = callMap(loaded.model!, { texts: loaded.texts, positions: mapPositions(file, yaml) });
/** The file line (1-based) of the first YAML line matching. */
const lineOf = (re: RegExp): number => yaml.split('\n').findIndex((l) => re.test(l)) + 1;

let ctx: BrowserContext;
let script: string;

beforeAll(async () => {
  const out = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    format: 'iife',
    logLevel: 'error',
  });
  script = out.outputFiles[0]!.text;
  ctx = await launch();
});
afterAll(async () => ctx?.close());

async function show(page: Page, m: CallMap, lang: Lang, current: string | null = null): Promise<void> {
  await page.setContent(
    `<!doctype html><html lang="${lang}"><body><div id="pane" style="width:600px"></div></body></html>`,
  );
  await page.addScriptTag({ content: script });
  await page.evaluate(([m, l, c]) => (window as any).showMap(m, l, c), [m, mapLabels(lang), current] as const);
}

const picks = (page: Page): Promise<{ kind: string; id: string; line: number }[]> =>
  page.evaluate(() => (window as any).picks);
const viewBox = async (page: Page): Promise<number[]> =>
  ((await page.locator('svg.map-canvas').getAttribute('viewBox')) ?? '').split(' ').map(Number);

describe('the map of a call', () => {
  it('is picked with the keys: Tab to a node, Enter; a line, Space; each with its YAML line', async () => {
    const page = await ctx.newPage();
    const errors = watchErrors(page);
    await show(page, map, 'en', 'vent');
    await page.getByRole('button', { name: 'Fit the map' }).focus();
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toMatch(/^Map of the call box-no-sync/);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // The first stop is the start node, then the lines leaving it.
    await page.keyboard.press('Tab');
    await page.keyboard.press(' ');
    expect(await picks(page)).toEqual([
      { kind: 'node', id: 'start', line: lineOf(/^ {2}start:/) },
      { kind: 'line', id: 'greet_full', line: lineOf(/- id: greet_full\b/) },
    ]);
    // The playtest's node is said to be current.
    await expect.poll(() => page.getByRole('button', { name: /^Node vent, current node/ }).count()).toBe(1);
    // …and drawn so (the map brings its own style): a thicker outline than the other nodes'.
    const outline = (id: string): Promise<string> =>
      page
        .locator(`[data-node="${id}"] > rect`)
        .first()
        .evaluate((r) => getComputedStyle(r).strokeWidth);
    expect([await outline('vent'), await outline('identity')]).toEqual(['4px', '1.2px']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the focus: a node reached with Tab far down is scrolled into view', async () => {
    const page = await ctx.newPage();
    await show(page, map, 'en');
    const closing = page.getByRole('button', { name: /^Node closing\b/ });
    await page.getByRole('button', { name: /^Start start/ }).focus();
    for (let i = 0; i < 80 && !(await closing.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    await expect.poll(() => closing.evaluate((el) => el === document.activeElement)).toBe(true);
    const pane = (await page.locator('svg.map-canvas').boundingBox())!;
    const box = (await closing.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(pane.y);
    expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height);
    await page.close();
  });

  it('is picked with the mouse, in a stay line of a box too', async () => {
    const page = await ctx.newPage();
    await show(page, map, 'fr');
    await page.getByRole('button', { name: 'Voir toute la carte' }).click();
    await page.getByRole('button', { name: /^Réplique q_reset : reste dans filters/ }).click();
    await page.getByRole('button', { name: /^Nœud filters/ }).click({ position: { x: 8, y: 8 } });
    expect(await picks(page)).toEqual([
      { kind: 'line', id: 'q_reset', line: lineOf(/- id: q_reset\b/) },
      { kind: 'node', id: 'filters', line: lineOf(/^ {2}filters:/) },
    ]);
    await page.close();
  });

  it('pans and zooms with the keys, the wheel and a drag; 0 fits it all', async () => {
    const page = await ctx.newPage();
    await show(page, map, 'en');
    const canvas = page.locator('svg.map-canvas');
    await canvas.focus();
    await page.keyboard.press('0');
    expect(await viewBox(page)).toEqual([0, 0, map.width, map.height]);
    await page.keyboard.press('+');
    const [, , zoomedW] = await viewBox(page);
    expect(zoomedW).toBeLessThan(map.width);
    await page.keyboard.press('ArrowDown');
    const afterKey = await viewBox(page);
    expect(afterKey[1]).toBeGreaterThan((map.height - afterKey[3]!) / 2);
    const pane = (await canvas.boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await page.mouse.wheel(0, 200);
    const afterWheel = await viewBox(page);
    expect(afterWheel[1]).toBeGreaterThan(afterKey[1]!);
    expect(afterWheel[2]).toBe(afterKey[2]);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -200);
    await page.keyboard.up('Control');
    expect((await viewBox(page))[2]).toBeLessThan(afterWheel[2]!);
    // A drag moves the map with the pointer and picks nothing.
    const before = await viewBox(page);
    await page.mouse.move(pane.x + 20, pane.y + pane.height - 20);
    await page.mouse.down();
    await page.mouse.move(pane.x + 60, pane.y + pane.height - 120, { steps: 5 });
    await page.mouse.up();
    const after = await viewBox(page);
    expect(after[0]).toBeLessThan(before[0]!);
    expect(after[1]).toBeGreaterThan(before[1]!);
    expect(await picks(page)).toEqual([]);
    await page.close();
  });

  it('shows unreachable nodes as such, and keeps the pan and zoom when the same call is drawn again', async () => {
    const page = await ctx.newPage();
    await show(page, map, 'en');
    await page.locator('svg.map-canvas').focus();
    await page.keyboard.press('+');
    const zoomed = await viewBox(page);
    const marked = callMap(loaded.model!, { texts: loaded.texts, unreachable: ['booked'] });
    await page.evaluate(([m, l]) => (window as any).showMap(m, l, null), [marked, mapLabels('en')] as const);
    await expect.poll(() => page.getByRole('button', { name: /^Node booked, unreachable/ }).count()).toBe(1);
    expect(await viewBox(page)).toEqual(zoomed);
    await expect.poll(() => page.getByText('Unreachable', { exact: true }).isVisible()).toBe(true);
    await page.close();
  });

  it('drawn while its pane was hidden (a tab not shown), chooses its first view when shown, at a readable zoom', async () => {
    const page = await ctx.newPage();
    await page.setContent(
      `<!doctype html><html lang="en"><body><div id="pane" style="width:420px;display:none"></div></body></html>`,
    );
    await page.addScriptTag({ content: script });
    await page.evaluate(([m, l]) => (window as any).showMap(m, l, null), [map, mapLabels('en')] as const);
    await page.evaluate(() => (document.getElementById('pane')!.style.display = 'block'));
    const width = await page.locator('svg.map-canvas').evaluate((el) => el.clientWidth);
    expect(width).toBeGreaterThan(300);
    // One layout unit is at least 0.85 px on screen (11 px text stays readable), not the 600 px guess's.
    await expect.poll(async () => width / (await viewBox(page))[2]!).toBeGreaterThanOrEqual(0.85);
    await page.close();
  });
});
