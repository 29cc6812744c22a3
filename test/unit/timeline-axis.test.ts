import { describe, expect, it } from 'vitest';
import { axisLabels, LABEL_W } from '../../src/ui/Timeline.ts';

// The chart's own width (the viewBox of timelineView).
const W = 760;

describe("the timeline's time labels", () => {
  it.each([
    // [call length, the labels expected]
    [1000, ['0']],
    [59_000, ['0']],
    [60_000, ['0', '60000']],
    [60_500, ['0', '60000']],
    [61_000, ['0', '60000']],
    [362_000, ['0', '60000', '120000', '180000', '240000', '300000', '360000']],
    [421_000, ['0', '60000', '120000', '180000', '240000', '300000', '360000', '420000']],
  ])('a call of %i ms has a label per minute, each inside the chart', (end, expected) => {
    const labels = axisLabels(end);
    expect(labels.map((l) => String(l.ms))).toEqual(expected);
    for (const l of labels) {
      const left = l.anchor === 'end' ? l.x - LABEL_W : l.x - LABEL_W / 2;
      const right = l.anchor === 'end' ? l.x : l.x + LABEL_W / 2;
      expect(left).toBeGreaterThanOrEqual(0);
      expect(right).toBeLessThanOrEqual(W);
    }
  });

  it('the last label is pulled inside only when it would stick out (06:00 of a call ending at 06:02)', () => {
    const last = axisLabels(362_000).at(-1)!;
    expect(last).toMatchObject({ ms: 360_000, anchor: 'end', x: W - 2 });
    expect(axisLabels(400_000).at(-1)).toMatchObject({ ms: 360_000, anchor: 'middle' });
  });

  it.each([30, 60, 120])('a call of %i minutes gets labels far enough apart not to overlap', (minutes) => {
    const labels = axisLabels(minutes * 60_000 + 5000);
    expect(labels.length).toBeGreaterThan(3);
    labels.slice(1).forEach((l, i) => expect(l.x - labels[i]!.x).toBeGreaterThanOrEqual(LABEL_W));
  });
});
