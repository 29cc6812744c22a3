// npm run docs:screenshots: the pictures in docs/ that the README shows (menu, a call with a
// crashed tool, the debrief; in French and in English). Also run by hand to look at the game.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/repo.ts';
import { buildAndServe, launch, watchErrors } from './browser.ts';
import { DEBRIEF, playLog, toolWindow, type Texts } from './player.ts';
import { readPlaybook, readScenario } from '../../src/cli/repo.ts';
import { playbookTexts } from '../../src/content/playbook.ts';
import type { Golden } from '../../src/analysis/golden.ts';
import type { Lang } from '../../src/i18n/lang.ts';

const golden = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', 'box-no-sync.json'), 'utf8')) as Golden;
const sc = readScenario(join(ROOT, 'scenarios', 'box-no-sync.yaml'), readPlaybook().playbook!).model!;

/** The words of the call in a language, to find its lines on screen. */
function texts(lang: Lang): Texts {
  const source = (key: string): string => loadedTexts.get(key) ?? '';
  const loadedTexts = new Map(
    readScenario(join(ROOT, 'scenarios', 'box-no-sync.yaml'), readPlaybook().playbook!).texts.map((t) => [
      t.key,
      t.text,
    ]),
  );
  const en = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'box-no-sync.json'), 'utf8')) as {
    choices: Record<string, { text: string }>;
    diagnoses: Record<string, string>;
    facts: Record<string, string>;
  };
  const pbEn = JSON.parse(readFileSync(join(ROOT, 'locales', 'en', 'playbook.json'), 'utf8')) as {
    lines: Record<string, { text: string }>;
    ticket: Record<'categories' | 'priorities', Record<string, string>>;
  };
  const pbFr = new Map(playbookTexts(readPlaybook().playbook!.doc).map((t) => [t.key, t.text]));
  const fact = (f: string): string => (lang === 'en' ? en.facts[f]! : source(`facts.${f}`));
  return {
    choice: (c) =>
      lang === 'en'
        ? (en.choices[c]?.text ?? pbEn.lines[c]!.text)
        : (loadedTexts.get(`choices.${c}.text`) ?? pbFr.get(`lines.${c}.text`)!),
    diagnosis: (d) => (lang === 'en' ? en.diagnoses[d]! : source(`diagnoses.${d}`)),
    fact,
    factIds: (labels) => sc.facts.filter((f) => labels.includes(fact(f))),
    founded: () => true,
    ticketClass: (part, id) => (lang === 'en' ? pbEn.ticket[part][id]! : pbFr.get(`ticket.${part}.${id}`)!),
  };
}

const size = { width: Number(process.env.SHOT_W ?? 1280), height: Number(process.env.SHOT_H ?? 720) };
const out = join(ROOT, process.env.SHOT_DIR ?? 'docs');
mkdirSync(out, { recursive: true });
const { server, url } = await buildAndServe(ROOT);
const ctx = await launch();
for (const lang of ['en', 'fr'] as const) {
  const page = await ctx.newPage();
  await page.setViewportSize(size);
  const errors = watchErrors(page);
  await page.goto(`${url}?lang=${lang}`);
  await page
    .getByRole('button', { name: /^(Play|Jouer)/ })
    .first()
    .waitFor();
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `menu-${lang}.png`) });
  await page.goto(`${url}?lang=${lang}&scenario=box-no-sync&mode=training&seed=1`);
  const pickUp = page.getByRole('button', { name: /Pick up|Décrocher/ });
  await pickUp.waitFor();
  await page.keyboard.press('Enter');
  const lines = page.getByRole('region', { name: /^(Your lines|Vos répliques)$/ }).getByRole('button');
  for (const key of ['1', '1', '1']) {
    for (let i = 0; i < 40 && (await lines.count()) === 0; i++)
      (await page.keyboard.press('w'), await page.waitForTimeout(150));
    await page.keyboard.press(key);
    await page.waitForTimeout(300);
  }
  await page.keyboard.press('Shift+Digit1');
  await page.keyboard.press('Shift+Digit2');
  await toolWindow(page, 'crm')
    .getByRole('button', { name: /^(Restart|Redémarrer)/ })
    .waitFor({ timeout: 20_000 });
  await page.waitForTimeout(700);
  await page.screenshot({ path: join(out, `call-crash-${lang}.png`) });
  // The debrief of a call played well: the golden best path, step by step.
  await page.goto(`${url}?lang=${lang}&scenario=box-no-sync&mode=training&seed=${golden.seed}&pace=turns`);
  const abandon = page.getByRole('button', { name: /^(Abandon|Abandonner)$/ });
  await Promise.race([abandon.waitFor(), pickUp.waitFor()]);
  if (await abandon.count()) await abandon.press('Enter');
  await playLog(page, golden.log, texts(lang));
  await page.getByRole('button', { name: DEBRIEF }).press('Enter');
  await page.getByRole('region', { name: /^(Debrief|Bilan)$/ }).waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(out, `debrief-${lang}.png`) });
  if (errors.length) process.stderr.write(`${lang}: ${errors.join('\n')}\n`);
  await page.close();
}
await ctx.close();
await server.close();
process.stdout.write(`screenshots in ${out}\n`);
