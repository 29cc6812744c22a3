// npm run bench:browser: builds the game and a bare Phaser 4 page drawn with the Canvas renderer
// (the desk's), serves both, and loads each cold (a fresh browser profile per load: no HTTP
// cache, no code cache) with the CPU throttled (CDP Emulation.setCPUThrottlingRate; 4× stands
// for a training room's old laptop), then prints medians and ratios to the bare page. A second
// bare page, built on the desk's own part of Phaser, shows what the game's own code costs.
// Figures are printed, never asserted: machines are noisy.
//   -- --runs N      loads per figure (default 5)
//   -- --rates 4,1   CPU throttling rates (default 4 and 1)
//   -- --profile     also writes a CPU profile of one 4× cold deep link (to 3 s after its first frame), summarised
//   -- --root DIR    measures another checkout of the game
//   -- --against DIR also measures another checkout, its loads interleaved with these (before/after)
//   -- --no-heap     skips the ten-call heap check
//   -- --no-minify   builds the game unminified (readable names in the profile)
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { ROOT } from '../../src/cli/repo.ts';
import { launch } from '../e2e/browser.ts';
import { heapGrowth } from './heap.ts';
import { serveBare, serveGame, type Served } from './pages.ts';
import { fps, keyLatencies, longTasksIn, PROBE_SCRIPT, readProbe, transferred, until } from './probe.ts';
import { startProfile } from './profile.ts';
import { sizes } from './sizes.ts';

const { values: opt } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    rates: { type: 'string', default: '4,1' },
    profile: { type: 'boolean', default: false },
    root: { type: 'string', default: ROOT },
    against: { type: 'string' },
    'no-heap': { type: 'boolean', default: false },
    'no-minify': { type: 'boolean', default: false },
  },
});
const RUNS = Number(opt.runs);
const RATES = opt.rates.split(',').map(Number);
const GAME_ROOT = resolve(opt.root);
const TMP = join(ROOT, '.bench-tmp');
const DEEP_LINK = '?lang=en&scenario=box-no-sync&seed=1';
const SETTLE_MS = 3000;
const DESK_FRAME = "performance.getEntriesByName('hotliner:desk-frame').length > 0";
const BARE_FRAME = "performance.getEntriesByName('bare:frame').length > 0";

const median = (xs: readonly number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const ratio = (a: number, b: number): string => (a / b).toFixed(2);

/** One cold load: a fresh profile, the CPU throttled before navigation, the probe installed. */
async function cold<T>(
  rate: number,
  url: string,
  then: (page: Page, cdp: CDPSession, ctx: BrowserContext) => Promise<T>,
): Promise<T> {
  const ctx = await launch();
  try {
    await ctx.addInitScript(PROBE_SCRIPT);
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await page.goto(url, { waitUntil: 'commit' });
    return await then(page, cdp, ctx);
  } finally {
    await ctx.close();
  }
}

type Sample = Record<string, number>;

async function loadBare(rate: number, bare: Served): Promise<Sample> {
  return cold(rate, bare.url, async (page, cdp) => {
    await until(cdp, BARE_FRAME);
    const f = (await readProbe(page)).frame!;
    const fpsNow = await fps(page, 3000);
    const p = await readProbe(page);
    const lt = longTasksIn(p, 0, f);
    return { frame: f, ltCount: lt.count, ltMs: lt.ms, fps: fpsNow };
  });
}

async function loadMenu(rate: number, game: Served): Promise<Sample> {
  return cold(rate, `${game.url}?lang=en`, async (page, cdp) => {
    await until(cdp, 'window.__probe.menu !== null');
    // A trainee pressing Tab as soon as the menu shows, five times 100 ms apart.
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      await page.waitForTimeout(100);
    }
    await page.waitForTimeout(SETTLE_MS);
    const p = await readProbe(page);
    const keys = keyLatencies(p);
    const lt = longTasksIn(p, 0, p.menu!);
    return { menu: p.menu!, ltCount: lt.count, ltMs: lt.ms, keyWorst: Math.max(...keys), keyFirst: keys[0]! };
  });
}

type CallSample = { readonly s: Sample; readonly marks: Sample };

async function loadCall(rate: number, game: Served, profileTo?: string): Promise<CallSample> {
  return cold(rate, `${game.url}${DEEP_LINK}`, async (page, cdp) => {
    const profiler = profileTo ? await startProfile(cdp) : null;
    await until(cdp, `window.__probe.pickUp !== null && ${DESK_FRAME}`);
    await page.waitForTimeout(SETTLE_MS);
    if (profiler) process.stdout.write((await profiler.stop(profileTo!)) + '\n');
    const p = await readProbe(page);
    const first = Math.max(p.pickUp!, p.frame!);
    const before = longTasksIn(p, 0, first);
    const after = longTasksIn(p, first, first + SETTLE_MS);
    const marks: Sample = { ...p.marks };
    for (const [name, [start, dur]] of Object.entries(p.measures)) {
      marks[`${name} (start)`] = start;
      marks[`${name} (duration)`] = dur;
    }
    // The call's desk animating: pick up, then run a tool (its progress bar moves).
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Digit2');
    await page.waitForTimeout(500);
    const callFps = await fps(page, 3000);
    const s = { first, pickUp: p.pickUp!, frame: p.frame!, fps: callFps };
    return {
      s: { ...s, ltCount: before.count, ltMs: before.ms, ltAfterCount: after.count, ltAfterMs: after.ms },
      marks,
    };
  });
}

function med(samples: readonly Sample[], key: string): number {
  return median(samples.map((s) => s[key]!));
}

/** The fastest and slowest run, to show how noisy the machine was. */
function spread(samples: readonly Sample[], key: string): string {
  const xs = samples.map((s) => s[key]!);
  return `(runs ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
}

type Game = Served & { readonly label: string };

/** The figures of one game at one rate, as report lines. */
function report(
  label: string,
  b: readonly Sample[],
  bd: readonly Sample[],
  m: readonly Sample[],
  calls: readonly CallSample[],
): string[] {
  const c = calls.map((x) => x.s);
  const marks = calls.map((x) => x.marks);
  const bf = med(b, 'frame');
  const bdf = med(bd, 'frame');
  const markNames = [...new Set(marks.flatMap((s) => Object.keys(s)))].filter((n) => n.startsWith('hotliner:'));
  const markAt = (n: string): number => median(marks.flatMap((s) => (s[n] === undefined ? [] : [s[n]])));
  return [
    `  ${label}`,
    `  call first frame (deep link ${DEEP_LINK}: pick-up focused and desk painted): ${ms(med(c, 'first'))} ${spread(c, 'first')}; bare Canvas page first frame ${ms(bf)} ${spread(b, 'frame')}; ratio ${ratio(med(c, 'first'), bf)} (aim ≤ 1.5)`,
    `    pick-up focused ${ms(med(c, 'pickUp'))}, desk painted ${ms(med(c, 'frame'))}; the bare page on the desk's own part of Phaser: ${ms(bdf)}, ratio ${ratio(med(c, 'first'), bdf)}`,
    `  menu interactive (first enabled Play button): ${ms(med(m, 'menu'))}; ratio ${ratio(med(m, 'menu'), bf)}`,
    `  long tasks until the call's first frame: ${med(c, 'ltCount')} tasks, ${ms(med(c, 'ltMs'))} (bare page: ${med(b, 'ltCount')}, ${ms(med(b, 'ltMs'))}); in the ${SETTLE_MS / 1000} s after: ${med(c, 'ltAfterCount')}, ${ms(med(c, 'ltAfterMs'))}`,
    `  long tasks until the menu is interactive: ${med(m, 'ltCount')} tasks, ${ms(med(m, 'ltMs'))}`,
    `  key press just after the menu is interactive (key down to next paint; Tab ×5, 100 ms apart): worst ${ms(med(m, 'keyWorst'))}, first ${ms(med(m, 'keyFirst'))} (16 ms: at most 16, Event Timing's floor)`,
    `  fps during a call (a tool running): ${med(c, 'fps').toFixed(1)}; bare page ${med(b, 'fps').toFixed(1)}; ratio ${ratio(med(c, 'fps'), med(b, 'fps'))}`,
    `  the call's marks and measures (ms since navigation; medians):`,
    ...markNames.sort((x, y) => markAt(x) - markAt(y)).map((n) => `    ${ms(markAt(n)).padStart(8)}  ${n}`),
  ];
}

/** Every page at one rate, runs interleaved (bare, then each game) so a busy machine weighs on all alike. */
async function measureRate(rate: number, bare: Served, bareDesk: Served, games: readonly Game[]): Promise<string[]> {
  const b: Sample[] = [];
  const bd: Sample[] = [];
  const m = games.map((): Sample[] => []);
  const c = games.map((): CallSample[] => []);
  for (let i = 0; i < RUNS; i++) {
    b.push(await loadBare(rate, bare));
    bd.push(await loadBare(rate, bareDesk));
    for (const [g, game] of games.entries()) {
      m[g]!.push(await loadMenu(rate, game));
      c[g]!.push(await loadCall(rate, game));
    }
    const firsts = c.map((x) => ms(x.at(-1)!.s.first!)).join(' / ');
    process.stderr.write(`  ${rate}× run ${i + 1}/${RUNS}: bare ${ms(b.at(-1)!.frame!)}, call first frame ${firsts}\n`);
  }
  return [`CPU ${rate}×, cold:`, ...games.flatMap((game, g) => report(game.label, b, bd, m[g]!, c[g]!))];
}

async function main(): Promise<void> {
  mkdirSync(TMP, { recursive: true });
  const tmp = mkdtempSync(join(TMP, 'run-'));
  const roots = [GAME_ROOT, ...(opt.against ? [resolve(opt.against)] : [])];
  const games: Game[] = [];
  for (const [i, root] of roots.entries())
    games.push({ ...(await serveGame(root, join(tmp, `app${i}`), !opt['no-minify'])), label: `the game at ${root}:` });
  const bare = await serveBare(tmp, 'full');
  const bareDesk = await serveBare(tmp, 'desk');
  const game = games[0]!;
  // Each part is printed as soon as it is measured: a late failure loses nothing.
  const say = (...lines: string[]): void => void process.stdout.write(`${lines.join('\n')}\n`);
  try {
    const ctx = await launch();
    const version = ctx.browser()?.version() ?? '';
    await ctx.close();
    say(
      `Browser benchmark: Chromium ${version}, every load cold (fresh profile), median of ${RUNS}; yardstick: a bare Phaser 4 page with the Canvas renderer (the desk's)`,
    );
    if (opt.profile) {
      const file = join(TMP, 'call-4x.cpuprofile');
      await loadCall(4, game, file);
      process.stdout.write(`(CPU profile written to ${file})\n`);
    }
    for (const rate of RATES) say(...(await measureRate(rate, bare, bareDesk, games)));
    for (const g of games) {
      const served = await cold(1, `${g.url}${DEEP_LINK}`, async (page, cdp) => {
        await until(cdp, DESK_FRAME);
        await page.waitForTimeout(SETTLE_MS);
        return transferred(page);
      });
      const bareServed = await cold(1, bare.url, async (page, cdp) => {
        await until(cdp, BARE_FRAME);
        return transferred(page);
      });
      say(`Sizes, ${g.label}`, ...sizes(g.dir, served, bare.dir, bareServed));
    }
    if (!opt['no-heap']) say(await heapGrowth(game.url).catch((e: unknown) => `JS heap: not measured (${String(e)})`));
  } finally {
    for (const g of games) await g.close();
    await bare.close();
    await bareDesk.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
