// What the browser benchmark reads inside a page: an init script (plain JS, set before any of the
// page's own code runs) that records long tasks, key-press latencies (Event Timing), when the
// menu and the call's pick-up button become usable, and the desk's first frame.
import type { CDPSession, Page } from 'playwright-core';

/** Timestamps are `performance.now()` of the page (ms since navigation start); null until seen. */
export type Probe = {
  readonly longTasks: readonly (readonly [start: number, duration: number])[];
  /** Event Timing entries of 16 ms and more: key down to the next paint, queueing included. */
  readonly events: readonly { readonly name: string; readonly start: number; readonly duration: number }[];
  /** When each key was pressed (the keydown's timeStamp). */
  readonly keys: readonly number[];
  /** The menu's first enabled Play button is on the page. */
  readonly menu: number | null;
  /** The ringing call's pick-up button is on the page and has the focus: Enter picks up. */
  readonly pickUp: number | null;
  /** The first frame the desk (or the bare page) painted: `hotliner:desk-frame` / `bare:frame`. */
  readonly frame: number | null;
  readonly marks: Readonly<Record<string, number>>;
  readonly measures: Readonly<Record<string, readonly [start: number, duration: number]>>;
};

export const PROBE_SCRIPT = `(() => {
  const p = { longTasks: [], events: [], keys: [], menu: null, pickUp: null };
  addEventListener('keydown', (e) => p.keys.push(e.timeStamp), { capture: true, passive: true });
  window.__probe = p;
  const observe = (type, opts, fn) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(fn)).observe({ type, buffered: true, ...opts }); } catch {}
  };
  observe('longtask', {}, (e) => p.longTasks.push([e.startTime, e.duration]));
  observe('event', { durationThreshold: 16 }, (e) => p.events.push({ name: e.name, start: e.startTime, duration: e.duration }));
  const look = () => {
    const now = performance.now();
    if (p.menu === null && document.querySelector('button.play:not([disabled])')) p.menu = now;
    const pick = document.querySelector('button.pick-up:not([disabled])');
    if (p.pickUp === null && pick && document.activeElement === pick) p.pickUp = now;
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('focusin', look, true);
})();`;

/** Reads what the probe saw, with the page's performance marks and measures. */
export function readProbe(page: Page): Promise<Probe> {
  return page.evaluate(() => {
    const p = (window as unknown as { __probe: Omit<Probe, 'frame' | 'marks' | 'measures'> }).__probe;
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) marks[m.name] ??= m.startTime;
    const measures: Record<string, [number, number]> = {};
    for (const m of performance.getEntriesByType('measure')) measures[m.name] ??= [m.startTime, m.duration];
    const frame = marks['hotliner:desk-frame'] ?? marks['bare:frame'] ?? null;
    return { ...p, frame, marks, measures };
  });
}

/** Long tasks that started in [from, to): how many, and their total duration. */
export function longTasksIn(p: Probe, from: number, to: number): { count: number; ms: number } {
  const inside = p.longTasks.filter(([start]) => start >= from && start < to);
  return { count: inside.length, ms: inside.reduce((a, [, d]) => a + d, 0) };
}

/** Frames per second over `ms`, counted with requestAnimationFrame. */
export function fps(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (ms) =>
      new Promise<number>((done) => {
        let frames = 0;
        const start = performance.now();
        const tick = (now: number): void => {
          frames++;
          if (now - start < ms) requestAnimationFrame(tick);
          else done((frames * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

/** Bytes the page fetched, as sent (encoded) and decoded, with the document itself. */
export function transferred(page: Page): Promise<{ path: string; encoded: number; decoded: number }[]> {
  return page.evaluate(() =>
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => {
      const r = e as PerformanceResourceTiming;
      return { path: new URL(r.name).pathname, encoded: r.encodedBodySize, decoded: r.decodedBodySize };
    }),
  );
}

/**
 * Waits until `expression` is true in the page, asking through CDP every 50 ms. Not through
 * Playwright's waitForFunction: its evaluations count as user gestures (transient activation),
 * which changes what the page does (the audio context is made at once inside a gesture).
 */
export async function until(cdp: CDPSession, expression: string, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = (await cdp.send('Runtime.evaluate', { expression, returnByValue: true }).catch(() => null)) as {
      result?: { value?: unknown };
    } | null;
    if (r?.result?.value === true) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${expression}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Each key press's latency (key down to the next paint); presses under Event Timing's 16 ms floor count as 16. */
export function keyLatencies(p: Probe): number[] {
  return p.keys.map((at) => p.events.find((e) => e.name === 'keydown' && Math.abs(e.start - at) < 1)?.duration ?? 16);
}
