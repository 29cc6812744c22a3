// The map's pan and zoom: the visible part of the map (the <svg>'s viewBox) kept per element, so
// it survives re-renders of the same call; keys, wheel, drag and the toolbar's buttons move it.
import type { CallMap } from './map.ts';

export type Box = { x: number; y: number; w: number; h: number };
type ViewState = { id: string; box: Box; full: Box };
const views = new WeakMap<SVGSVGElement, ViewState>();
export const ZOOM_STEP = 1.25;
/** Never closer than this many layout units across, nor farther than twice the whole map. */
const MIN_SPAN = 120;
const DRAG_SLOP = 4;
/** The smallest zoom the first view uses: 11 px text is still 9 to 10 px on screen. */
const READABLE = 0.85;

/** Sets up an <svg> for a map: a new call starts at its first view, the same call keeps its view. */
export function attachView(el: SVGSVGElement, map: CallMap): void {
  const full: Box = { x: 0, y: 0, w: Math.max(1, map.width), h: Math.max(1, map.height) };
  const state = views.get(el);
  if (!state || state.id !== map.id) setView(el, { id: map.id, box: firstView(el, map, full), full });
  else setView(el, { ...state, full });
  // Drawn while its tab was hidden, the map had no size to choose its first view by: chosen
  // again, once, when it is first shown (unless the trainer has moved it by then).
  if (!el.clientWidth && typeof ResizeObserver !== 'undefined') {
    const chosen = views.get(el)!;
    const seen = new ResizeObserver(() => {
      if (!el.clientWidth) return;
      seen.disconnect();
      const now = views.get(el);
      if (now === chosen) setView(el, { ...now, box: firstView(el, map, now.full) });
    });
    seen.observe(el);
  }
}

/** The last pointer gesture moved the map: its click picks nothing. */
export const justDragged = (): boolean => dragged;

/**
 * The whole map when it is readable in the pane, else its top at the smallest readable zoom,
 * centred on the start node (zoom out or press 0 to see it all).
 */
function firstView(el: SVGSVGElement, map: CallMap, full: Box): Box {
  const w = el.clientWidth || 600;
  const h = el.clientHeight || 400;
  if (Math.min(w / full.w, h / full.h) >= READABLE) return full;
  const box = { w: w / READABLE, h: h / READABLE };
  const start = map.nodes.find((n) => n.kind === 'start') ?? map.nodes[0];
  const cx = start ? start.x + start.w / 2 : full.w / 2;
  const cy = start ? start.y + start.h / 2 : full.h / 2;
  const clamp = (v: number, span: number, size: number): number =>
    span >= size ? (size - span) / 2 : Math.min(Math.max(v, 0), size - span);
  return map.direction === 'TB'
    ? { ...box, x: clamp(cx - box.w / 2, box.w, full.w), y: clamp(0, box.h, full.h) }
    : { ...box, x: clamp(0, box.w, full.w), y: clamp(cy - box.h / 2, box.h, full.h) };
}

function setView(el: SVGSVGElement, state: ViewState): void {
  views.set(el, state);
  const b = state.box;
  el.setAttribute('viewBox', `${b.x} ${b.y} ${b.w} ${b.h}`);
}

/** Zooms by `factor` around a point of the map (its centre by default); 0 fits the whole map. */
function zoomAt(el: SVGSVGElement, factor: number, at?: { x: number; y: number }): void {
  const state = views.get(el);
  if (!state) return;
  if (factor === 0) return setView(el, { ...state, box: state.full });
  const b = state.box;
  const maxSpan = 2 * Math.max(state.full.w, state.full.h);
  const f = Math.min(Math.max(factor, Math.max(b.w, b.h) / maxSpan), Math.min(b.w, b.h) / MIN_SPAN);
  const p = at ?? { x: b.x + b.w / 2, y: b.y + b.h / 2 };
  const w = b.w / f;
  const h = b.h / f;
  setView(el, { ...state, box: { x: p.x - ((p.x - b.x) * w) / b.w, y: p.y - ((p.y - b.y) * h) / b.h, w, h } });
}

function panBy(el: SVGSVGElement, dx: number, dy: number): void {
  const state = views.get(el);
  if (state) setView(el, { ...state, box: { ...state.box, x: state.box.x + dx, y: state.box.y + dy } });
}

/** Pans just enough for a focused box to be in view (keyboard users follow their focus). */
export function revealBox(target: Element, b: Box): void {
  const el = target.closest('svg');
  const state = el && views.get(el);
  if (!el || !state) return;
  const v = state.box;
  const m = 12;
  const dx = b.x - m < v.x ? b.x - m - v.x : b.x + b.w + m > v.x + v.w ? b.x + b.w + m - v.x - v.w : 0;
  const dy = b.y - m < v.y ? b.y - m - v.y : b.y + b.h + m > v.y + v.h ? b.y + b.h + m - v.y - v.h : 0;
  if (dx || dy) panBy(el, dx, dy);
}

const canvasOf = (e: Event): SVGSVGElement | null =>
  (e.currentTarget as Element).closest('.hl-map')?.querySelector('svg.map-canvas') ?? null;

export function zoomFrom(e: Event, factor: number): void {
  const el = canvasOf(e);
  if (el) zoomAt(el, factor);
}

/** A point of the page in map coordinates. */
function toMap(el: SVGSVGElement, clientX: number, clientY: number): { x: number; y: number } {
  const m = el.getScreenCTM();
  if (!m) return { x: 0, y: 0 };
  const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
  return { x: p.x, y: p.y };
}

export function onKey(e: KeyboardEvent): void {
  const el = e.currentTarget as SVGSVGElement;
  const b = views.get(el)?.box;
  if (!b) return;
  const step = 0.15;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [-b.w * step, 0],
    ArrowRight: [b.w * step, 0],
    ArrowUp: [0, -b.h * step],
    ArrowDown: [0, b.h * step],
  };
  const move = moves[e.key];
  if (move) panBy(el, move[0], move[1]);
  else if (e.key === '+' || e.key === '=') zoomAt(el, ZOOM_STEP);
  else if (e.key === '-') zoomAt(el, 1 / ZOOM_STEP);
  else if (e.key === '0') zoomAt(el, 0);
  else return;
  e.preventDefault();
}

// The wheel scrolls the map, with Ctrl (a touchpad's pinch too) it zooms; never the page: the
// listener must not be passive to prevent the page's scrolling.
export const wheel = {
  handleEvent(e: WheelEvent): void {
    const el = e.currentTarget as SVGSVGElement;
    e.preventDefault();
    if (e.ctrlKey || e.metaKey)
      return zoomAt(el, Math.pow(ZOOM_STEP, -Math.sign(e.deltaY)), toMap(el, e.clientX, e.clientY));
    const line = e.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16 : e.deltaMode === WheelEvent.DOM_DELTA_PAGE ? 400 : 1;
    const a = toMap(el, 0, 0);
    const b = toMap(el, e.deltaX * line, e.deltaY * line);
    panBy(el, b.x - a.x, b.y - a.y);
  },
  passive: false,
};

let drag: { id: number; x: number; y: number; moved: boolean } | null = null;
let dragged = false;

export function onPointerDown(e: PointerEvent): void {
  if (e.button !== 0) return;
  drag = { id: e.pointerId, x: e.clientX, y: e.clientY, moved: false };
  dragged = false;
}

export function onPointerMove(e: PointerEvent): void {
  if (!drag || drag.id !== e.pointerId) return;
  const el = e.currentTarget as SVGSVGElement;
  if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < DRAG_SLOP) return;
  if (!drag.moved) el.setPointerCapture(e.pointerId);
  drag.moved = true;
  const a = toMap(el, drag.x, drag.y);
  const b = toMap(el, e.clientX, e.clientY);
  panBy(el, a.x - b.x, a.y - b.y);
  drag.x = e.clientX;
  drag.y = e.clientY;
}

export function onPointerUp(e: PointerEvent): void {
  if (!drag || drag.id !== e.pointerId) return;
  dragged = drag.moved;
  drag = null;
}
