import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { Golden } from '../../src/analysis/golden.ts';
import { ROOT } from '../../src/cli/repo.ts';
import { makeLog, replayToEnd } from '../../src/engine/replay.ts';
import { debriefModel, debriefView } from '../../src/ui/DebriefScreen.ts';
import { lineOf, pickedIndex } from '../../src/ui/transcript-view.ts';
import { boundValues } from '../support/templates.ts';
import { repoCalls } from '../support/load.ts';

// Words are the key and its parameters: enough to see what a view asks for, without i18next.
const t = ((key: string, p?: object) => (p ? `${key}${JSON.stringify(p)}` : key)) as unknown as TFunction;
const none = { onAgain: () => {}, onMenu: () => {}, onPick: () => {} };

describe.each(repoCalls().map((sc) => [sc.id, sc] as const))("the debrief of %s's golden replay", (id, sc) => {
  const golden = JSON.parse(readFileSync(join(ROOT, 'test', 'golden', `${id}.json`), 'utf8')) as Golden;
  const log = makeLog(golden.scenario, golden.seed, golden.mode, golden.log, 0);

  it("shows the engine's scorecard, and no drift", () => {
    const m = debriefModel(sc, log);
    const c = m.card;
    expect({
      outcome: c.outcome,
      total: c.total,
      process: c.process,
      diagnosis: c.diagnosis.score,
      calmness: c.calmness,
      won: c.won,
      lines: Object.fromEntries(c.lines.map((l) => [l.id, Math.round(l.credit * 1000) / 1000])),
    }).toEqual(golden.expected);
    expect(m.events).toEqual(replayToEnd(sc, golden.seed, golden.log, golden.mode).events);
    expect(m.drift).toBeNull();
    const summary = {
      total: m.card.total,
      process: m.card.process,
      diagnosis: m.card.diagnosis.score,
      calmness: m.card.calmness,
      outcome: golden.expected.outcome as 'resolved',
      won: true,
    };
    expect(debriefModel(sc, log, summary).drift).toBeNull();
    expect(debriefModel(sc, log, { ...summary, total: summary.total - 3 }).drift?.key).toBe('drift.rescored');
  });

  it('replays in beats of one instant each, coaching left out, to the last event', () => {
    const { events, steps } = debriefModel(sc, log).replay;
    expect(events.some((e) => e.type === 'coached')).toBe(false);
    expect(steps.at(-1)).toBe(events.length);
    steps.forEach((n, i) => {
      expect(n).toBeGreaterThan(steps[i - 1] ?? 0);
      expect(events[n]?.at).not.toBe(events[n - 1]!.at);
    });
  });

  it('binds every score line, its evidence and the transcript as text', () => {
    const m = debriefModel(sc, log);
    const texts = boundValues(debriefView(m, none, t, null)).filter((v): v is string => typeof v === 'string');
    for (const l of m.card.lines) expect(texts.some((x) => x.startsWith(l.key))).toBe(true);
    const ctx = { t, ns: m.ns, customerName: `${m.ns}:customer.name` };
    for (const e of m.events) {
      const line = lineOf(e, ctx);
      if (line) expect(texts).toContain(line.text);
    }
  });
});

describe('a picked moment in the transcript', () => {
  const lines = [{ at: 0 }, { at: 4000 }, { at: 4000 }, { at: 9000 }];
  it.each([
    [null, -1],
    [0, 0],
    [3000, 1],
    [4000, 1],
    [8999, 3],
    [60_000, 3],
  ] as const)('at %s lands on line %i', (at, i) => {
    expect(pickedIndex(lines, at)).toBe(i);
  });

  it('lands nowhere in an empty transcript', () => {
    expect(pickedIndex([], 1000)).toBe(-1);
  });
});
