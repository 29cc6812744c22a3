// The call screen's layout, in logical pixels of a 1280×720 stage that is scaled to the window.
// Phaser draws the world inside these rectangles; the HTML overlay puts text and controls in
// the same rectangles, so both line up at any window size.

export const STAGE = { width: 1280, height: 720 } as const;

export type Rect = { readonly x: number; readonly y: number; readonly w: number; readonly h: number };

export const LAYOUT = {
  topBar: { x: 0, y: 0, w: 1280, h: 48 },
  portrait: { x: 16, y: 60, w: 368, h: 268 },
  gauges: { x: 16, y: 336, w: 368, h: 46 },
  checklist: { x: 16, y: 390, w: 368, h: 318 },
  transcript: { x: 400, y: 60, w: 472, h: 206 },
  facts: { x: 400, y: 274, w: 472, h: 84 },
  choices: { x: 400, y: 366, w: 472, h: 342 },
  monitor: { x: 888, y: 60, w: 376, h: 476 },
  controls: { x: 888, y: 544, w: 376, h: 164 },
} as const satisfies Record<string, Rect>;

/** The seven tool windows stacked on the monitor, in catalogue order. */
export function toolWindowRect(index: number): Rect {
  const m = LAYOUT.monitor;
  const pad = 10;
  const gap = 6;
  const h = Math.floor((m.h - 2 * pad - 6 * gap) / 7);
  return { x: m.x + pad, y: m.y + pad + index * (h + gap), w: m.w - 2 * pad, h };
}
