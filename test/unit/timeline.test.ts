import { describe, expect, it } from 'vitest';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { replay, type LogEntry } from '../../src/engine/replay.ts';
import type { CallState, EngineEvent } from '../../src/engine/types.ts';
import type { TFunction } from 'i18next';
import { markLabel, marksOf, timelineModel, timelineView } from '../../src/ui/Timeline.ts';
import { boundValues } from '../support/templates.ts';
import { mini } from '../support/load.ts';

// The same call with other thresholds: the marks must follow the model, not a number of the view's.
const withScoring = (sc: ScenarioModel, patch: Partial<ScenarioModel['scoring']>): ScenarioModel => ({
  ...sc,
  scoring: { ...sc.scoring, ...patch },
});
const quiet = { holds: [], deadAir: [], time: 60_000, ended: null } as unknown as CallState;
const run = (from: number, to: number): EngineEvent[] => [
  { type: 'toolStarted', at: from, tool: 'line_test', until: to },
  { type: 'toolFinished', at: to, tool: 'line_test', outcome: 'fault', key: null },
];

describe('the timeline marks', () => {
  it.each([
    // [long wait threshold, run length, marked as a wait]
    [10_000, 8_000, false],
    [10_000, 10_000, true],
    [5_000, 8_000, true],
    [20_000, 15_000, false],
  ])('with a long wait of %i ms, a %i ms tool run is a wait mark: %s', (longWait, ms, marked) => {
    const marks = marksOf(withScoring(mini(), { longWait }), run(1000, 1000 + ms), quiet);
    expect(marks.filter((m) => m.kind === 'wait')).toEqual(
      marked ? [{ at: 1000, until: 1000 + ms, kind: 'wait', tool: 'line_test' }] : [],
    );
  });

  it('draws a recorded dead air over the whole silence the engine recorded', () => {
    const s = {
      ...quiet,
      deadAir: [{ at: 2000, until: 15_000, ms: 4000, toolBusy: false, action: 0 }],
    } as unknown as CallState;
    expect(marksOf(mini(), [], s)).toEqual([{ at: 2000, until: 15_000, kind: 'deadAir', ms: 4000 }]);
  });

  it.each([3000, 5000, 7000])('a dead-air mark spans the whole silence the engine saw (grace %i ms)', (grace) => {
    const sc = withScoring(mini(), { deadAirGrace: grace });
    // The silence counts once mini-call's three opening lines are read (3 s + 3 × 0.5 s).
    const read = 4500;
    const log: LogEntry[] = [{ at: read + 9000, action: { type: 'say', choice: 'hello' } }];
    const r = replay(sc, 1, log);
    const dead = marksOf(sc, r.events, r.state).filter((m) => m.kind === 'deadAir');
    expect(dead).toEqual([{ at: 0, until: read + 9000, kind: 'deadAir', ms: 9000 - grace }]);
  });

  it('follows the anger from its value at pick-up through each change, and ends with the call', () => {
    const sc = mini();
    const r = replay(sc, 1, [{ at: 9000, action: { type: 'say', choice: 'hello' } }], 'training', 20_000);
    const m = timelineModel(sc, r.events, r.state);
    const changes = r.events.filter((e) => e.type === 'varChanged' && e.name === 'anger');
    expect(m.anger[0]).toEqual({ at: 0, value: sc.varInit[0] });
    expect(m.anger).toHaveLength(changes.length + 1);
    expect(m.end).toBe(r.state.time);
    expect(m.marks.map((x) => x.at)).toEqual([...m.marks.map((x) => x.at)].sort((a, b) => a - b));
  });

  it('names every mark, for its focusable button and its tooltip: when, then what', () => {
    const t = ((key: string, p?: object) => `${key}${JSON.stringify(p ?? {})}`) as unknown as TFunction;
    const s = { ...quiet, deadAir: [{ at: 2000, ms: 4000, toolBusy: false, action: 0 }] } as unknown as CallState;
    const m = timelineModel(mini(), run(30_000, 95_000), s);
    expect(m.marks.map((mk) => markLabel(t, mk))).toEqual([
      '00:02 — timeline.deadAir{"tool":"","seconds":4}',
      '00:30 — timeline.wait{"tool":"tools.line_test{}","seconds":0}',
    ]);
    const values = boundValues(timelineView(m, t, () => {}));
    for (const mk of m.marks) expect(values.filter((v) => v === markLabel(t, mk))).toHaveLength(2);
  });
});
