// The debrief: the three scores and the outcome, each scorecard line with its evidence, the
// call's timeline, its transcript rebuilt from the log, and replay / try again.
import type { i18n } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import { replayToEnd, type CallLog } from '../engine/replay.ts';
import { scoreCall, type ScoreLine, type Scorecard } from '../engine/scoring.ts';
import type { EngineEvent } from '../engine/types.ts';
import { el } from './dom.ts';
import { timelineChart } from './Timeline.ts';
import { Transcript } from './Transcript.ts';
import { clock, say } from './words.ts';
import { driftOf } from './drift.ts';
import type { ResultSummary } from '../ports/storage.ts';

export type DebriefActions = { readonly onAgain: () => void; readonly onMenu: () => void };

export class DebriefScreen {
  readonly card: Scorecard;
  private readonly transcript: Transcript;
  private readonly events: readonly EngineEvent[];
  private timer = 0;

  constructor(private readonly overlay: HTMLElement, private readonly i18n: i18n, private readonly sc: ScenarioModel, log: CallLog, actions: DebriefActions, recorded?: ResultSummary) {
    const t = i18n.t.bind(i18n);
    const r = replayToEnd(sc, log.seed, log.entries, log.mode);
    this.events = r.events;
    this.card = scoreCall(sc, r.state);
    // An older result of a call edited since: say so rather than show a different call as this one.
    const drift = driftOf(log.entries, r, this.card.total, recorded);
    this.transcript = new Transcript(t, t('call.transcript'), t(`${sc.ns}:customer.name`), sc.ns);
    this.transcript.node.setAttribute('aria-live', 'off');
    this.transcript.reveal = false;
    this.transcript.add(this.events);
    const c = this.card;
    const score = (id: string, label: string, value: string, detail: string): HTMLElement =>
      el('div', { class: 'score', 'data-score': id }, el('span', { class: 'score-label', text: label }), el('strong', { class: 'score-value', text: value }), el('span', { class: 'score-detail', text: detail }));
    const sections = (['process', 'diagnosis', 'calmness'] as const).map((section) => el('section', { class: 'lines', 'data-section': section },
      el('h3', { text: t(`scorecard.${section}`) }), el('ul', {}, ...c.lines.filter((l) => l.section === section).map((l) => this.line(l)))));
    const chart = timelineChart(t, this.events, r.state, sc.varInit[0]!, (at) => this.show(at));
    overlay.replaceChildren(el('div', { class: 'debrief panel', role: 'region', 'aria-label': t('scorecard.title') },
      el('header', {},
        el('h1', { text: `${t('scorecard.title')} — ${t(`${sc.ns}:title`)}` }),
        el('p', { class: `verdict ${c.won ? 'won' : 'failed'}`, text: `${t(`outcome.${c.outcome}`)} · ${t(c.won ? 'scorecard.won' : 'scorecard.lost')} · ${t('scorecard.total')} ${c.total}/100` }),
        drift ? el('p', { class: 'notice drift', role: 'status', text: driftText(t, drift) }) : null),
      el('div', { class: 'scores' },
        score('process', t('scorecard.process'), `${c.process} %`, c.fatal.length ? t('scorecard.fatalShort') : ''),
        score('diagnosis', t('scorecard.diagnosis'), c.diagnosis.at === null ? '—' : clock(c.diagnosis.at), t('scorecard.diagnosisPar', { par: clock(c.diagnosis.par), score: c.diagnosis.score })),
        score('calmness', t('scorecard.calmness'), `${c.calmness} %`, '')),
      el('div', { class: 'debrief-body' },
        el('div', { class: 'debrief-left' }, ...sections),
        el('div', { class: 'debrief-right' }, el('h2', { text: t('timeline.title') }), chart, el('h2', { text: t('call.transcript') }), this.transcript.node)),
      el('footer', {},
        el('button', { type: 'button', 'data-action': 'replay', onclick: () => this.replay() }, t('debrief.replay')),
        el('button', { type: 'button', 'data-action': 'again', onclick: () => actions.onAgain() }, t('debrief.again')),
        el('button', { type: 'button', 'data-action': 'menu', onclick: () => actions.onMenu() }, t('call.back')))));
  }

  private line(l: ScoreLine): HTMLElement {
    const t = this.i18n.t.bind(this.i18n);
    const label = say(t, l.key, l.params);
    const detail = l.id.startsWith('calm.') ? say(t, `${l.key}Detail`, l.params) : '';
    const points = l.weight ? `${Math.round(l.weight * l.credit * 10) / 10}/${l.weight}` : '';
    return el('li', { class: 'score-line', 'data-line': l.id, 'data-status': l.status },
      el('span', { class: 'status', text: t(`scorecard.status.${l.status}`) }),
      el('span', { class: 'label', text: label }), detail ? el('span', { class: 'detail', text: detail }) : null,
      points ? el('span', { class: 'points', text: points }) : null,
      ...l.evidence.slice(0, 4).map((ev) => el('button', { type: 'button', class: 'evidence', 'aria-label': t('debrief.evidence', { at: clock(ev.at) }),
        onclick: () => this.show(ev.at) }, clock(ev.at))));
  }

  /** Brings the transcript line of that moment into view and highlights it. */
  private show(at: number): void {
    const lines = [...this.transcript.node.querySelectorAll<HTMLElement>('li')];
    const line = lines.find((li) => Number(li.dataset.at) >= at) ?? lines[lines.length - 1];
    for (const li of lines) li.classList.remove('picked');
    if (!line) return;
    line.classList.add('picked');
    line.scrollIntoView?.({ block: 'center' });
    line.setAttribute('tabindex', '-1');
    line.focus({ preventScroll: true });
  }

  /** Plays the call back from its log: the transcript fills in again, line after line. */
  private replay(): void {
    clearInterval(this.timer);
    this.transcript.clear();
    const events = this.events.filter((e) => e.type !== 'coached');
    let i = 0;
    this.timer = window.setInterval(() => {
      const at = events[i]?.at;
      const batch: EngineEvent[] = [];
      while (i < events.length && events[i]!.at === at) batch.push(events[i++]!);
      this.transcript.add(batch);
      if (i >= events.length) clearInterval(this.timer);
    }, 350);
  }

  destroy(): void {
    clearInterval(this.timer);
    this.overlay.replaceChildren();
  }
}

function driftText(t: i18n['t'], d: NonNullable<ReturnType<typeof driftOf>>): string {
  const { at, recorded, ...rest } = d.params;
  const main = t(d.key, { ...rest, recorded, at: typeof at === 'number' ? clock(at) : '' });
  return d.key === 'drift.changed' && recorded !== '' ? `${main} ${t('drift.recorded', { recorded })}` : main;
}
