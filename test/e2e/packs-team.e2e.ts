// An imported call in a team session, in real Chromium against the real team server (a child
// process on a temporary SQLite file): the trainer imports a pack in the menu and ticks it beside
// the library's calls; a trainee in another browser (no pack of their own) joins, gets the call
// from the server, plays it, and the server verifies the result by replay.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { libraryPack, librarySource } from '../support/packs.ts';
import { startServer, stopServer, type Child } from '../server/serve-child.ts';
import { launch, sharedBuild, watchErrors } from './browser.ts';
import { DEBRIEF, playLog } from './player.ts';
import { englishTexts, golden, scenario } from './texts.ts';

const FROM = 'vpn-remote-fix';
const ID = 'vpn-team';
const SESSION = 'Groupe du soir';

let dir = '';
let child: Child | null = null;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hotliner-packs-team-'));
  const dist = join(dir, 'dist');
  const shared = sharedBuild();
  if (shared) cpSync(shared, dist, { recursive: true });
  else await build({ root: ROOT, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  child = await startServer({ file: join(dir, 'team.db') }, ['--dist', dist]);
}, 300_000);

afterAll(async () => {
  for (const c of contexts) await c.close();
  if (child) await stopServer(child);
  rmSync(dir, { recursive: true, force: true });
});

/** A browser of its own (its own storage): a person at their own machine. */
async function person(): Promise<Page> {
  const ctx = await launch();
  contexts.push(ctx);
  return ctx.newPage();
}

describe('an imported call in a team session', () => {
  it('is sent with the session, fetched by the trainee, played and verified', async () => {
    const trainer = await person();
    const errors = [watchErrors(trainer)];
    await trainer.goto(`${child!.base}?lang=en`);
    await trainer.getByLabel('Import a call (.hotliner file)').setInputFiles({
      name: `${ID}.hotliner`,
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await libraryPack(FROM, ID, 'team')),
    });
    const title = JSON.parse(librarySource(FROM, ID, 'team').translations.en!).title as string;
    await trainer.getByText(`“${title}” is imported`).waitFor({ timeout: 60_000 });

    await trainer.getByRole('button', { name: 'Run a session (trainer)' }).press('Enter');
    await trainer.getByLabel('Session name').fill(SESSION);
    await trainer.getByLabel('Seed (the same case for everyone)').fill('1');
    // Offered beside the library's calls, marked as imported.
    const box = trainer.getByRole('checkbox', { name: `${title} Imported` });
    await box.press('Space');
    await trainer.getByRole('radio', { name: 'Training' }).check();
    await trainer.getByRole('button', { name: 'Create the session' }).press('Enter');
    await trainer.getByRole('heading', { name: `Session “${SESSION}” is open` }).waitFor();
    const code = (await trainer.locator('.join-code').innerText()).trim();

    const trainee = await person();
    errors.push(watchErrors(trainee));
    await trainee.goto(`${child!.base}?lang=en&join=${code}&pace=turns`);
    await trainee.getByLabel('Your name, as the trainer will see it').fill('Inès');
    await trainee.getByRole('button', { name: 'Join', exact: true }).press('Enter');
    await trainee.getByRole('button', { name: 'Play call 1' }).press('Enter');
    await trainee.getByText(`Session “${SESSION}” — call 1 of 1`).waitFor();
    const g = golden(FROM);
    await playLog(trainee, g.log, englishTexts(FROM, scenario(FROM)));
    await trainee.getByRole('button', { name: DEBRIEF }).waitFor({ timeout: 120_000 });
    // "Sent": the server replayed the log on the call it pinned, and kept its own scorecard.
    await trainee.getByText(/Sent · \d+\/100/).waitFor({ timeout: 30_000 });
    expect(errors.flat()).toEqual([]);
  });
});
