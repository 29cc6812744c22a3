// The SCORM 1.2 package in a real browser: `npm run build:scorm` makes it, a harness page plays
// the LMS (scorm-again's API in the parent window) and launches the SCO in an iframe as its
// manifest says; a call is played by keyboard, left and resumed, and the LMS must hold its
// score, status, time and one interaction per playbook item.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { SUSPEND_LIMIT } from '../../src/lms/suspend.ts';
import { launch, watchErrors } from './browser.ts';
import { DEBRIEF, playActions, playLog, pickUp, shownTime } from './player.ts';
import { englishTexts, golden, scenario } from './texts.ts';

const CALL = 'known-outage-tech';
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

/** The LMS's page: scorm-again's SCORM 1.2 API as `window.API`, preloaded with `?cmi=`, and the SCO in a frame. */
const harness = (launchHref: string): string => `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>LMS</title>
<style>body { margin: 0 } iframe { width: 1280px; height: 720px; border: 0; display: block }</style>
<script src="/scorm12.js"></script>
<script>
  const lms = (window.lms = { sent: [], calls: [] });
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  API.loadFromJSON(JSON.parse(new URLSearchParams(location.search).get('cmi') || '{}'));
  API.on('LMSSetValue.cmi.*', (element, value) => lms.sent.push([element, String(value)]));
  for (const call of ['LMSInitialize', 'LMSCommit', 'LMSFinish']) API.on(call, () => lms.calls.push(call));
</script></head>
<body><iframe id="sco" title="Course" src="/pkg/${launchHref}"></iframe></body></html>`;

type Lms = { sent: [string, string][]; calls: string[] };
type Interaction = { id: string; type: string; result: string; latency: string; weighting: string };

let server: Server;
let base = '';
let ctx: BrowserContext;
let href = '';
let mastery = '';
const work = mkdtempSync(join(tmpdir(), 'hotliner-scorm-e2e-'));

beforeAll(async () => {
  const zip = join(work, 'package.zip');
  const args = [
    '--call',
    CALL,
    '--mode',
    'exam',
    '--seed',
    String(golden(CALL).seed),
    '--lang',
    'en',
    '--pace',
    'turns',
  ];
  const made = spawnSync(process.execPath, [join(ROOT, 'src', 'cli', 'run.mjs'), 'scorm', ...args, '--out', zip], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (made.status !== 0) throw new Error(`build:scorm failed: ${made.stderr}`);
  const files = unzipSync(readFileSync(zip));
  const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
  href = /adlcp:scormtype="sco" href="([^"]+)"/.exec(manifest)![1]!.replaceAll('&amp;', '&');
  mastery = /<adlcp:masteryscore>(\d+)<\/adlcp:masteryscore>/.exec(manifest)![1]!;
  const scorm = readFileSync(join(ROOT, 'node_modules', 'scorm-again', 'dist', 'scorm12.js'));
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname);
    const body = path === '/' ? harness(href) : path === '/scorm12.js' ? scorm : files[path.replace(/^\/pkg\//, '')];
    if (!body || (path !== '/' && path !== '/scorm12.js' && !path.startsWith('/pkg/'))) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': path === '/' ? TYPES['.html']! : (TYPES[extname(path)] ?? 'application/octet-stream'),
    });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  ctx = await launch();
});

afterAll(async () => {
  await ctx?.close();
  await new Promise((ok) => server?.close(ok));
  rmSync(work, { recursive: true, force: true });
});

/** The LMS page with the course launched in its frame; the keyboard in the course. */
async function openCourse(cmi: object): Promise<{ page: Page; course: Page; errors: string[] }> {
  const page = await ctx.newPage();
  const errors = watchErrors(page);
  await page.goto(`${base}/?cmi=${encodeURIComponent(JSON.stringify(cmi))}`);
  const frame = (await (await page.locator('#sco').elementHandle())!.contentFrame())!;
  await frame.waitForLoadState();
  await page.locator('#sco').focus();
  return { page, course: inFrame(page, frame), errors };
}

/** The player's helpers read the page by roles and type on its keyboard: here, the course's frame and the page's keys. */
function inFrame(page: Page, frame: Frame): Page {
  return new Proxy(frame, {
    get: (target, key) => {
      if (key === 'keyboard') return page.keyboard;
      const v = Reflect.get(target, key) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  }) as unknown as Page;
}

const lmsOf = (page: Page): Promise<Lms> => page.evaluate(() => (window as unknown as { lms: Lms }).lms);
const last = (lms: Lms, element: string): string | undefined => lms.sent.filter(([e]) => e === element).at(-1)?.[1];

/** The course leaves the LMS's page (the LMS closes its frame). */
async function closeCourse(page: Page): Promise<void> {
  await page.evaluate(() => document.getElementById('sco')!.remove());
  await page.waitForFunction(() => (window as unknown as { lms: Lms }).lms.calls.includes('LMSFinish'));
}

async function finishAndReadTotal(course: Page): Promise<number> {
  await course.getByRole('button', { name: DEBRIEF }).waitFor({ timeout: 120_000 });
  await course.getByRole('button', { name: DEBRIEF }).press('Enter');
  const debrief = course.getByRole('region', { name: 'Debrief' });
  await debrief.waitFor();
  return Number(/Total (\d+)\/100/.exec(await debrief.innerText())?.[1]);
}

/** What the LMS holds at the end of a call: score, status, time, one interaction per playbook item. */
async function expectReported(page: Page, total: number): Promise<void> {
  const lms = await lmsOf(page);
  expect(last(lms, 'cmi.core.score.raw')).toBe(String(total));
  expect(last(lms, 'cmi.core.score.min')).toBe('0');
  expect(last(lms, 'cmi.core.score.max')).toBe('100');
  expect(total).toBeGreaterThanOrEqual(Number(mastery));
  expect(last(lms, 'cmi.core.lesson_status')).toBe('passed');
  expect(last(lms, 'cmi.core.session_time')).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
  expect(last(lms, 'cmi.suspend_data')).toBe('');
  const interactions = await page.evaluate(() => {
    const api = (window as unknown as { API: { renderCommitCMI(t: boolean): { cmi: { interactions?: object } } } }).API;
    return Object.values(api.renderCommitCMI(true).cmi.interactions ?? {});
  });
  const items = interactions as Interaction[];
  const sc = scenario(CALL);
  const steps = sc.scoredSteps.map((i) => `step-${sc.steps[i]!.id}`);
  expect(items.filter((x) => x.id.startsWith('step-')).map((x) => x.id)).toEqual(steps);
  for (const x of items) {
    expect(x.id).toMatch(/^(step-[\w-]+|hold|order|ticketNotes|fatal-[\w-]+)$/);
    expect(['performance', 'choice']).toContain(x.type);
    expect(['correct', 'wrong', 'neutral']).toContain(x.result);
  }
  // Won along its best path: most of the process was done in time, each at its moment of the call.
  const done = items.filter((x) => x.result === 'correct');
  expect(done.length).toBeGreaterThan(items.length / 2);
  for (const x of done.filter((d) => d.id.startsWith('step-')))
    expect(x.latency).toMatch(/^\d+:\d{2}:\d{2}(\.\d{1,2})?$/);
}

describe('the SCORM 1.2 package in an LMS frame', () => {
  it('is played by keyboard, and the LMS receives the score, the status, the time and the playbook items', async () => {
    const { page, course, errors } = await openCourse({ student_data: { mastery_score: mastery } });
    const g = golden(CALL);
    await playLog(course, g.log, englishTexts(CALL, scenario(CALL)));
    const total = await finishAndReadTotal(course);
    await expectReported(page, total);
    await closeCourse(page);
    const lms = await lmsOf(page);
    expect(lms.calls[0]).toBe('LMSInitialize');
    expect(lms.calls.at(-1)).toBe('LMSFinish');
    expect(last(lms, 'cmi.core.exit')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a call left midway in suspend_data, and resumes it there on the next launch', async () => {
    const g = golden(CALL);
    const texts = englishTexts(CALL, scenario(CALL));
    const first = await openCourse({ student_data: { mastery_score: mastery } });
    await pickUp(first.course);
    await playActions(first.course, g.log.slice(0, 12), texts);
    const leftAt = await shownTime(first.course);
    await closeCourse(first.page);
    const left = await lmsOf(first.page);
    const kept = last(left, 'cmi.suspend_data')!;
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(last(left, 'cmi.core.exit')).toBe('suspend');
    expect(last(left, 'cmi.core.lesson_status')).toBe('incomplete');
    expect(first.errors).toEqual([]);
    await first.page.close();

    // The LMS launches the course again with what it kept: the call goes on from where it was left.
    const again = await openCourse({
      suspend_data: kept,
      core: { entry: 'resume', lesson_status: 'incomplete' },
      student_data: { mastery_score: mastery },
    });
    await again.course.getByRole('timer').waitFor();
    expect(await shownTime(again.course)).toBe(leftAt);
    await playActions(again.course, g.log.slice(12), texts);
    const debrief = again.course.getByRole('button', { name: DEBRIEF });
    for (let i = 0; i < 60 && (await debrief.count()) === 0; i++) await again.page.keyboard.press('w');
    const total = await finishAndReadTotal(again.course);
    await expectReported(again.page, total);
    expect(again.errors).toEqual([]);
    await again.page.close();
  });
});
