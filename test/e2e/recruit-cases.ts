// A person's pace in the browser (issue 9): a careful recruit plays each difficulty 1–2 call
// along a good path at real-time pace — reading 7 s before each answer, 2 s for the desk — and
// must end resolved or escalated, with a debrief that says Passed; a silent recruit who picks up
// and says nothing loses, and the debrief's first sentence names the silence. Time is
// Playwright's fake clock, installed before the page loads and moved as the recruit waits.
// Split over two files (recruit.e2e.ts, recruit-2.e2e.ts), so that the browser tests, run two
// files at a time, are not left waiting on this one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CAREFUL, playAsRecruit } from '../../src/analysis/recruit.ts';
import { ROOT } from '../../src/cli/repo.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { repoCalls } from '../support/load.ts';
import { watchErrors } from './browser.ts';
import { DEBRIEF } from './player.ts';
import { advanceClock, pickUpRinging, playAsRecruitInPage, type ClockDrive } from './recruit-player.ts';
import { servedGame } from './served.ts';
import { englishTexts, golden } from './texts.ts';

/** RECRUIT_CLOCK=realtime drives every 16 ms frame (`runFor`), about ten times slower. */
const drive: ClockDrive = process.env.RECRUIT_CLOCK === 'realtime' ? 'realtime' : 'frames';
const SEED = 1;
const firstCalls = repoCalls().filter((sc) => sc.difficulty >= 1 && sc.difficulty <= 2);

type Game = ReturnType<typeof servedGame>;

/** A fresh profile with the fake clock installed, standing still, before the call's page loads. */
async function openCall(game: Game, id: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await game.relaunch()).newPage();
  const errors = watchErrors(page);
  await page.clock.install({ time: new Date('2025-03-03T09:00:00Z') });
  await page.clock.pauseAt(new Date('2025-03-03T09:00:01Z'));
  await page.goto(`${game.url}?lang=en&scenario=${id}&mode=training&seed=${SEED}`);
  return { page, errors };
}

/** The debrief's words as a person reads them, line by line. */
async function openDebrief(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: DEBRIEF }).press('Enter');
  const region = page.getByRole('region', { name: 'Debrief', exact: true });
  await region.waitFor();
  return (await region.innerText())
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The tests of one part: part 0 plays every other difficulty 1–2 call from the first, and the
 * silent recruit; part 1 the other calls.
 */
export function recruitTests(part: 0 | 1): void {
  const game = servedGame(ROOT);
  const calls = firstCalls.filter((_, i) => i % 2 === part);
  describe('a careful recruit at real-time pace', () => {
    it('has difficulty 1–2 calls to play', () => {
      expect(calls.length).toBeGreaterThan(0);
    });

    it.each(calls.map((sc) => [sc.id, sc] as const))(
      '%s: reading 7 s before each answer, ends resolved or escalated and passes',
      async (id, sc) => {
        const plan = golden(id).log;
        // The same recruit in node, against the engine: what the browser recruit should match.
        const node = scoreCall(sc, playAsRecruit(sc, plan, SEED, 'training', CAREFUL).state);
        const { page, errors } = await openCall(game, id);
        const started = Date.now();
        await pickUpRinging(page, drive);
        const play = await playAsRecruitInPage(page, sc, plan, englishTexts(id, sc), { drive });
        const lines = play.ended ? await openDebrief(page) : [];
        const verdict = /^(\w+) · (\w+) · Total (\d+)\/100$/.exec(lines[1] ?? '');
        const report = [
          `${id}: browser ${verdict?.[1] ?? 'unfinished'} ${verdict?.[3] ?? '-'}/100 (${verdict?.[2] ?? '-'}),` +
            ` node ${node.outcome} ${node.total}/100; ${Math.round(play.realMs / 1000)} s of the game's time` +
            ` in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          lines[2] ?? '',
        ];
        console.log(report.join('\n  '));
        const trace = play.steps.map((s) => `${(s.shown / 1000).toFixed(0).padStart(4)} s  ${s.what}`).join('\n');
        expect(verdict?.[1], `${report.join('\n')}\n${trace}`).toMatch(/^(Resolved|Escalated)$/);
        expect(verdict?.[2], `${report.join('\n')}\n${trace}`).toBe('Passed');
        expect(errors).toEqual([]);
        await page.close();
      },
      600_000,
    );
  });

  if (part === 1) return;
  describe('a silent recruit', () => {
    it('picks up and says nothing: the customer hangs up, and the debrief says first that the silence lost it', async () => {
      const { page, errors } = await openCall(game, 'box-no-sync');
      await pickUpRinging(page, drive);
      const debrief = page.getByRole('button', { name: DEBRIEF });
      let waited = 0;
      for (; waited < 180_000 && (await debrief.count()) === 0; waited += 1000) await advanceClock(page, 1000, drive);
      expect(waited).toBeLessThan(180_000);
      const lines = await openDebrief(page);
      expect(lines[1]).toMatch(/^Lost · Failed · Total \d+\/100$/);
      // The first sentence after the verdict: who hung up, when, and that the silence was why.
      expect(lines[2]).toMatch(/^Sandrine Morel hung up at \d\d:\d\d after \d+ s of silence on your side/);
      expect(errors).toEqual([]);
      await page.close();
    });
  });
}
