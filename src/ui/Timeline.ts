// The call on a time axis: the customer's anger, tool waits and crashes, holds and dead air.
// Every mark is a focusable link to the transcript line of that moment.
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { ANGER, type ScenarioModel, type ToolId } from '../engine/model.ts';
import type { CallState, EngineEvent } from '../engine/types.ts';
import { clock } from './words.ts';

// The chart's own units; the viewBox below repeats them (a static attribute keeps its SVG case).
const W = 760;
const H = 150;
const PAD = { l: 34, r: 10, t: 12, b: 22 };
/** Room a time label ("06:00") takes, in the chart's units, with a margin. */
export const LABEL_W = 32;

export type MarkKind = 'crash' | 'freeze' | 'wait' | 'hold' | 'deadAir' | 'diagnosis';
/** A moment or a span of the call; words are chosen by the view (`timeline.<kind>`). */
export type Mark = {
  readonly at: number;
  readonly until?: number;
  readonly kind: MarkKind;
  readonly tool?: ToolId;
  readonly ms?: number;
};

/** The marks of a finished call, with the call's own thresholds (long wait, dead-air grace). */
export function marksOf(sc: ScenarioModel, events: readonly EngineEvent[], s: CallState): Mark[] {
  const marks: Mark[] = [];
  const started = new Map<ToolId, number>();
  for (const e of events) {
    if (e.type === 'toolStarted') started.set(e.tool, e.at);
    const since = e.type === 'toolFinished' ? started.get(e.tool) : undefined;
    if (e.type === 'toolFinished' && since !== undefined && e.at - since >= sc.scoring.longWait)
      marks.push({ at: since, until: e.at, kind: 'wait', tool: e.tool });
    if (e.type === 'toolCrashed') marks.push({ at: e.at, kind: 'crash', tool: e.tool });
    if (e.type === 'toolFroze') marks.push({ at: e.at, until: e.until, kind: 'freeze', tool: e.tool });
    if (e.type === 'diagnosed' && e.correct) marks.push({ at: e.at, kind: 'diagnosis' });
  }
  for (const h of s.holds) marks.push({ at: h.since, until: h.end >= 0 ? h.end : s.time, kind: 'hold' });
  // The span drawn is the whole silence on the clock; `ms` is the dead air the engine counted in it.
  for (const d of s.deadAir) marks.push({ at: d.at, until: d.until, kind: 'deadAir', ms: d.ms });
  return marks.sort((a, b) => a.at - b.at);
}

export type TimelineModel = {
  readonly end: number;
  /** The anger at pick-up, then each change of it. */
  readonly anger: readonly { readonly at: number; readonly value: number }[];
  readonly marks: readonly Mark[];
};

/** What the chart draws, from a replay of the call. Pure. */
export function timelineModel(sc: ScenarioModel, events: readonly EngineEvent[], s: CallState): TimelineModel {
  const anger = [{ at: 0, value: sc.varInit[ANGER] ?? 0 }];
  for (const e of events)
    if (e.type === 'varChanged' && e.name === sc.varNames[ANGER]) anger.push({ at: e.at, value: e.value });
  return { end: Math.max(1000, s.ended?.at ?? s.time), anger, marks: marksOf(sc, events, s) };
}

/** A mark's name for screen readers and its tooltip: when, then what. */
export function markLabel(t: TFunction, mk: Mark): string {
  const tool = mk.tool ? t(`tools.${mk.tool}`) : '';
  return `${clock(mk.at)} — ${t(`timeline.${mk.kind}`, { tool, seconds: Math.round((mk.ms ?? 0) / 1000) })}`;
}

export type AxisLabel = { readonly ms: number; readonly x: number; readonly anchor: 'middle' | 'end' };

/**
 * The time axis' labels: a whole minute each (every few minutes on a long call, so they never
 * overlap), centred under their tick, the last one pulled inside the chart when it would stick out.
 */
export function axisLabels(end: number): AxisLabel[] {
  const x = (ms: number): number => PAD.l + ((W - PAD.l - PAD.r) * ms) / end;
  const perMinute = x(60_000) - x(0);
  const every = Math.max(1, Math.ceil((LABEL_W + 8) / perMinute));
  const out: AxisLabel[] = [];
  for (let m = 0; m * 60_000 <= end; m += every) {
    const at = x(m * 60_000);
    out.push(
      at + LABEL_W / 2 > W - 2
        ? { ms: m * 60_000, x: W - 2, anchor: 'end' }
        : { ms: m * 60_000, x: at, anchor: 'middle' },
    );
  }
  return out;
}

/** An SVG chart; `onPick(at)` is called when a mark is chosen (click, Enter or Space). */
export function timelineView(m: TimelineModel, t: TFunction, onPick: (at: number) => void): TemplateResult {
  const x = (ms: number): number => PAD.l + ((W - PAD.l - PAD.r) * ms) / m.end;
  const y = (anger: number): number => PAD.t + ((H - PAD.t - PAD.b) * (10 - anger)) / 10;
  const curve =
    m.anger.map((p, i) => (i === 0 ? `M ${x(0)} ${y(p.value)}` : `H ${x(p.at)} V ${y(p.value)}`)).join(' ') +
    ` H ${x(m.end)}`;
  const mark = (mk: Mark): SVGTemplateResult => {
    const label = markLabel(t, mk);
    const key = (e: KeyboardEvent): void => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      onPick(mk.at);
    };
    return svg`<g class="mark ${mk.kind}" tabindex="0" role="button" aria-label=${label} @click=${() => onPick(mk.at)} @keydown=${key}>${
      mk.until !== undefined
        ? svg`<rect class="span" x=${x(mk.at)} y=${PAD.t} width=${Math.max(3, x(mk.until) - x(mk.at))} height=${H - PAD.t - PAD.b}></rect>`
        : svg`<circle class="dot" cx=${x(mk.at)} cy=${PAD.t + 8} r="6"></circle>`
    }<title>${label}</title></g>`;
  };
  return html`<svg class="timeline" viewBox="0 0 760 150" role="group" aria-label=${t('timeline.title')}>
    <rect class="plot" x=${PAD.l} y=${PAD.t} width=${W - PAD.l - PAD.r} height=${H - PAD.t - PAD.b}></rect>
    ${[0, 5, 10].map((v) => svg`<text class="axis" x="4" y=${y(v) + 4}>${v}</text>`)}
    ${axisLabels(m.end).map((l) => svg`<text class="axis" x=${l.x} y=${H - 6} text-anchor=${l.anchor}>${clock(l.ms)}</text>`)}
    ${m.marks.map(mark)}
    <path class="anger-curve" d=${curve}></path>
    <text class="legend" x=${W - PAD.r - 120} y=${PAD.t + 12}>${t('timeline.anger')}</text>
  </svg>`;
}
