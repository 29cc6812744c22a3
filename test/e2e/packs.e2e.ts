// Call packs in the game: a trainer picks a pack in the menu, sees it checked (in a worker loaded
// only then) and listed as imported, plays it to the debrief, removes it; a broken pack is refused
// with the checker's French message. The packs are written here with writePack from a library call.
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { libraryPack, librarySource, packOf } from '../support/packs.ts';
import { watchErrors } from './browser.ts';
import { DEBRIEF, playLog } from './player.ts';
import { servedGame } from './served.ts';
import { englishTexts, golden as goldenOf, scenario } from './texts.ts';

const game = servedGame(ROOT);
const FROM = 'vpn-remote-fix';
const ID = 'my-vpn';

const packFile = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(bytes),
});

describe('call packs in the menu', () => {
  it('imports a pack, plays it to the debrief, removes it', async () => {
    const page = await game.ctx.newPage();
    const errors = watchErrors(page);
    const scripts: string[] = [];
    page.on('request', (r) => scripts.push(r.url()));
    await page.goto(`${game.url}?lang=en`);
    const pick = page.getByLabel('Import a call (.hotliner file)');
    await pick.waitFor();
    // The checker, the YAML parser and the analyser are not part of the game's load.
    expect(scripts.filter((u) => /import-worker/.test(u))).toEqual([]);

    await pick.setInputFiles(packFile(`${ID}.hotliner`, await libraryPack(FROM, ID, 'pack')));
    const title = JSON.parse(librarySource(FROM, ID, 'pack').translations.en!).title as string;
    await expect
      .poll(() => page.getByRole('status').allInnerTexts(), { timeout: 60_000 })
      .toContain(`“${title}” is imported: it is in the list of calls, marked “imported”.`);
    expect(scripts.filter((u) => /import-worker/.test(u)).length).toBe(1);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    await expect.poll(() => card.innerText()).toContain('Imported');
    await card.getByRole('button', { name: `Play — ${title}` }).waitFor();

    // The same pack again: asked before the imported call is replaced.
    await pick.setInputFiles(packFile(`${ID}.hotliner`, await libraryPack(FROM, ID, 'pack')));
    const question = page.getByRole('alertdialog').filter({ hasText: 'is already imported' });
    await question.waitFor({ timeout: 60_000 });
    await question.getByRole('button', { name: 'Replace it' }).click();
    await question.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContain(`“${title}” is imported: it is in the list of calls, marked “imported”.`);
    expect(await card.count()).toBe(1);

    // Kept across a reload: played from its link, step by step, along the library call's best path.
    const golden = goldenOf(FROM);
    await page.goto(`${game.url}?lang=en&scenario=${ID}&mode=training&seed=${golden.seed}&pace=turns`);
    await playLog(page, golden.log, englishTexts(FROM, scenario(FROM)));
    await page.getByRole('button', { name: DEBRIEF }).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: DEBRIEF }).press('Enter');
    const debrief = page.getByRole('region', { name: 'Debrief' });
    await debrief.waitFor();
    expect(await debrief.innerText()).toMatch(/Total \d+\/100/);

    await page.getByRole('button', { name: /Back to the calls/ }).press('Enter');
    await card.getByRole('button', { name: `Remove the imported call — ${title}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Remove the call' }).click();
    await expect
      .poll(() => page.getByRole('status').allInnerTexts())
      .toContain(`“${title}” is removed; its past results are kept.`);
    expect(await card.count()).toBe(0);
    // Its result stays among the results.
    expect(await page.getByRole('region', { name: 'Results' }).innerText()).toContain('/100');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses a broken pack with the checker’s message, in French', async () => {
    const page = await game.ctx.newPage();
    await page.goto(`${game.url}?lang=fr`);
    const src = librarySource(FROM, 'vpn-casse', 'cassé');
    const broken = await packOf('vpn-casse', { ...src, yaml: src.yaml.replace('goto: opening', 'goto: nowhere') });
    await page
      .getByLabel('Importer un appel (fichier .hotliner)')
      .setInputFiles(packFile('vpn-casse.hotliner', broken));
    const alert = page.getByRole('alert').filter({ hasText: 'est refusé' });
    await alert.waitFor({ timeout: 60_000 });
    const text = await alert.innerText();
    expect(text).toContain('« vpn-casse.hotliner » est refusé :');
    expect(text).toMatch(/scenarios\/vpn-casse\.yaml:\d+:\d+ Le nœud « nowhere » n'existe pas\./);
    expect(await page.getByRole('heading', { name: src.title }).count()).toBe(0);
    await page.close();
  });
});
