// Each call of the repository, played by keyboard along its golden best path to the debrief,
// whose scorecard must be the engine's replay of the very log the browser recorded.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/cli/repo.ts';
import { parseLog, replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { watchErrors } from './browser.ts';
import { servedGame } from './served.ts';
import { DEBRIEF, playLog } from './player.ts';
import { englishTexts, golden as goldenOf, scenario } from './texts.ts';

const game = servedGame(ROOT);

async function exportedLog(page: Page) {
  await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /Export results/ }).press('Enter'),
  ]);
  const file = await download.path();
  const data = JSON.parse(readFileSync(file, 'utf8')) as { results: { log: unknown }[] };
  const parsed = parseLog(data.results[data.results.length - 1]!.log);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const ids = scenarioFiles().map((f) => f.replace(/^.*\//, '').replace(/\.yaml$/, ''));

describe.each(ids)('%s in the browser', (id) => {
  it("is played by keyboard along its best path to the debrief, which shows the engine's scorecard", async () => {
    const golden = goldenOf(id);
    const page = await game.ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${game.url}?lang=en&scenario=${id}&mode=training&seed=${golden.seed}&pace=turns`);
    const sc = scenario(id);
    await playLog(page, golden.log, englishTexts(id, sc));
    await page.getByRole('button', { name: DEBRIEF }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: DEBRIEF }).press('Enter');
    const debrief = page.getByRole('region', { name: 'Debrief' });
    await debrief.waitFor();
    // What a trainee reads: the scores under their names, the total, one list item per scorecard line.
    const text = await debrief.innerText();
    const shown = {
      process: /Process\s+(\d+ %)/.exec(text)?.[1],
      calmness: /Calmness\s+(\d+ %)/.exec(text)?.[1],
      total: /Total (\d+)\/100/.exec(text)?.[1],
      lines: await debrief.getByRole('list').getByRole('listitem').count(),
    };
    const log = await exportedLog(page);
    const card = scoreCall(sc, replayToEnd(sc, log.seed, log.entries, log.mode).state);
    expect(shown.process).toBe(`${card.process} %`);
    expect(shown.calmness).toBe(`${card.calmness} %`);
    expect(shown.total).toBe(String(card.total));
    expect(shown.lines).toBe(card.lines.length);
    expect(card.outcome).not.toBe('unfinished');
    // Played to the second of the golden path, the call is still won.
    expect(card.won).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
