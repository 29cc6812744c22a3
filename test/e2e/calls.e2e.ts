// Each call of the repository, played by keyboard along its golden best path to the debrief,
// whose scorecard must be the engine's replay of the very log the browser recorded.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT, scenarioFiles } from '../../src/cli/repo.ts';
import type { Golden } from '../../src/analysis/golden.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { parseLog, replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { playbook } from '../support/load.ts';
import { readScenario } from '../../src/cli/repo.ts';
import { watchErrors } from './browser.ts';
import { servedGame } from './served.ts';
import { playLog } from './player.ts';

const game = servedGame(ROOT);

function englishTexts(id: string, sc: ScenarioModel) {
  const json = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', `${id}.json`), 'utf8')) as {
    choices: Record<string, { text: string }>; diagnoses: Record<string, string>; facts: Record<string, string>;
  };
  const lines = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'playbook.json'), 'utf8')) as { lines: Record<string, { text: string }> };
  return {
    choice: (c: string) => json.choices[c]?.text ?? lines.lines[c]!.text,
    diagnosis: (d: string) => json.diagnoses[d]!,
    fact: (f: string) => json.facts[f]!,
    factIds: (labels: readonly string[]) => Object.keys(json.facts).filter((f) => labels.includes(json.facts[f]!)),
    founded: (d: string, known: readonly string[]) => {
      const evidence = sc.diagnoses.find((x) => x.id === d)?.evidence;
      if (!evidence) return true;
      const no = (): boolean => false;
      return evidence.evaluate({ knows: (f) => known.includes(f), variable: () => 0, elapsed: () => 0, onHold: no, done: no, said: no, visited: no, diagnosed: no, running: no, crashed: no, frozen: no });
    },
  };
}

async function exportedLog(page: Page) {
  await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export results/ }).press('Enter')]);
  const file = await download.path();
  const data = JSON.parse(readFileSync(file, 'utf8')) as { results: { log: unknown }[] };
  const parsed = parseLog(data.results[data.results.length - 1]!.log);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const ids = scenarioFiles().map((f) => f.replace(/^.*\//, '').replace(/\.yaml$/, ''));

describe.each(ids)('%s in the browser', (id) => {
  it('is played by keyboard along its best path to the debrief, which shows the engine\'s scorecard', async () => {
    const golden = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${id}.json`), 'utf8')) as Golden;
    const page = await game.ctx.newPage();
    const errors = watchErrors(page);
    await page.goto(`${game.url}?lang=en&scenario=${id}&mode=training&seed=${golden.seed}&pace=turns`);
    const sc = readScenario(join(ROOT, 'scenarios', `${id}.yaml`), playbook()).model!;
    await playLog(page, golden.log, englishTexts(id, sc));
    await page.getByRole('button', { name: 'See the debrief' }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'See the debrief' }).press('Enter');
    const debrief = page.getByRole('region', { name: 'Debrief' });
    await debrief.waitFor();
    const shown = {
      process: await debrief.locator('[data-score="process"] .score-value').textContent(),
      calmness: await debrief.locator('[data-score="calmness"] .score-value').textContent(),
      verdict: await debrief.locator('.verdict').textContent(),
      lines: await debrief.locator('.score-line').count(),
    };
    const log = await exportedLog(page);
    const card = scoreCall(sc, replayToEnd(sc, log.seed, log.entries, log.mode).state);
    expect(shown.process).toBe(`${card.process} %`);
    expect(shown.calmness).toBe(`${card.calmness} %`);
    expect(shown.verdict).toContain(`${card.total}/100`);
    expect(shown.lines).toBe(card.lines.length);
    expect(card.outcome).not.toBe('unfinished');
    // Played to the second of the golden path, the call is still won.
    expect(card.won).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
