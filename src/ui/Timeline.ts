// The call on a time axis: the customer's anger, tool waits and crashes, holds and dead air.
// Every mark is a focusable link to the transcript line of that moment.
import type { i18n } from 'i18next';
import type { CallState, EngineEvent } from '../engine/types.ts';
import { clock } from './words.ts';

const NS = 'http://www.w3.org/2000/svg';
const W = 760;
const H = 150;
const PAD = { l: 34, r: 10, t: 12, b: 22 };

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export type Mark = { readonly at: number; readonly until?: number; readonly kind: 'crash' | 'freeze' | 'wait' | 'hold' | 'deadAir' | 'diagnosis'; readonly label: string };

/** The marks of a finished call, from its replayed events and final state. */
export function marksOf(t: i18n['t'], events: readonly EngineEvent[], s: CallState): Mark[] {
  const marks: Mark[] = [];
  const started = new Map<string, number>();
  for (const e of events) {
    if (e.type === 'toolStarted') started.set(e.tool, e.at);
    if (e.type === 'toolFinished' && started.has(e.tool) && e.at - started.get(e.tool)! >= 10_000) {
      marks.push({ at: started.get(e.tool)!, until: e.at, kind: 'wait', label: t('timeline.wait', { tool: t(`tools.${e.tool}`) }) });
    }
    if (e.type === 'toolCrashed') marks.push({ at: e.at, kind: 'crash', label: t('timeline.crash', { tool: t(`tools.${e.tool}`) }) });
    if (e.type === 'toolFroze') marks.push({ at: e.at, until: e.until, kind: 'freeze', label: t('timeline.freeze', { tool: t(`tools.${e.tool}`) }) });
    if (e.type === 'diagnosed' && e.correct) marks.push({ at: e.at, kind: 'diagnosis', label: t('timeline.diagnosis') });
  }
  for (const h of s.holds) marks.push({ at: h.since, until: h.end >= 0 ? h.end : s.time, kind: 'hold', label: t('timeline.hold') });
  for (const d of s.deadAir) marks.push({ at: d.at, until: d.at + d.ms + 5000, kind: 'deadAir', label: t('timeline.deadAir', { seconds: Math.round(d.ms / 1000) }) });
  return marks.sort((a, b) => a.at - b.at);
}

/** An SVG chart; `onPick(at)` is called when a mark is chosen (click, Enter or Space). */
export function timelineChart(t: i18n['t'], events: readonly EngineEvent[], s: CallState, initialAnger: number, onPick: (at: number) => void): SVGSVGElement {
  const end = Math.max(1000, s.ended?.at ?? s.time);
  const x = (ms: number): number => PAD.l + ((W - PAD.l - PAD.r) * ms) / end;
  const y = (anger: number): number => PAD.t + ((H - PAD.t - PAD.b) * (10 - anger)) / 10;
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'group', 'aria-label': t('timeline.title') });
  root.append(svg('rect', { x: PAD.l, y: PAD.t, width: W - PAD.l - PAD.r, height: H - PAD.t - PAD.b, class: 'plot' }));
  for (const v of [0, 5, 10]) root.append(svg('text', { x: 4, y: y(v) + 4, class: 'axis' }, String(v)));
  for (let m = 0; m <= end; m += 60_000) root.append(svg('text', { x: x(m) - 10, y: H - 6, class: 'axis' }, clock(m)));
  const marks = marksOf(t, events, s);
  for (const mk of marks) {
    const g = svg('g', { class: `mark ${mk.kind}`, tabindex: 0, role: 'button', 'aria-label': `${clock(mk.at)} — ${mk.label}` });
    if (mk.until !== undefined) g.append(svg('rect', { x: x(mk.at), y: PAD.t, width: Math.max(3, x(mk.until) - x(mk.at)), height: H - PAD.t - PAD.b, class: 'span' }));
    else g.append(svg('circle', { cx: x(mk.at), cy: PAD.t + 8, r: 6, class: 'dot' }));
    g.append(svg('title', {}, `${clock(mk.at)} — ${mk.label}`));
    g.addEventListener('click', () => onPick(mk.at));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') e.preventDefault(), onPick(mk.at);
    });
    root.append(g);
  }
  let anger = initialAnger;
  let d = `M ${x(0)} ${y(anger)}`;
  for (const e of events) {
    if (e.type === 'varChanged' && e.name === 'anger') {
      d += ` H ${x(e.at)} V ${y(e.value)}`;
      anger = e.value;
    }
  }
  d += ` H ${x(end)}`;
  root.append(svg('path', { d, class: 'anger-curve' }), svg('text', { x: W - PAD.r - 120, y: PAD.t + 12, class: 'legend' }, t('timeline.anger')));
  return root;
}
