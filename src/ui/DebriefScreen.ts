// The debrief: why the call ended as it did, the three scores and the outcome (and how the total
// is built), each scorecard line with its evidence and what would have earned it, the call's
// timeline, its transcript rebuilt from the log, the model answer after a failure, and try
// again / menu.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { explainCall, type Explanation } from '../analysis/explain.ts';
import type { Hint } from '../analysis/hints.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { replayToEnd, type CallLog } from '../engine/replay.ts';
import { scoreCall, type ScoreLine, type Scorecard } from '../engine/scoring.ts';
import type { EngineEvent } from '../engine/types.ts';
import type { ResultSummary } from '../ports/storage.ts';
import { causeView, explainerView, hintsView } from './debrief-explain.ts';
import { modelAnswerView } from './debrief-model.ts';
import { panesView } from './debrief-panes.ts';
import { driftOf, driftText, type Drift } from './drift.ts';
import { focusOnce } from './focus.ts';
import { timelineModel, timelineView, type TimelineModel } from './Timeline.ts';
import { transcriptView } from './transcript-view.ts';
import { clock, isolate, say } from './words.ts';

const SECTIONS = ['process', 'diagnosis', 'calmness', 'resolution'] as const;

export type DebriefModel = {
  readonly scenario: string;
  /** i18next namespace of the call's texts. */
  readonly ns: string;
  readonly log: CallLog;
  readonly card: Scorecard;
  readonly events: readonly EngineEvent[];
  /** An older result of a call edited since: said, rather than showing a different call as this one. */
  readonly drift: Drift | null;
  readonly timeline: TimelineModel;
  /** For "replay the call": the events it plays (coaching left out) and how many are out after each beat. */
  readonly replay: { readonly events: readonly EngineEvent[]; readonly steps: readonly number[] };
  /** Why it ended so, what would have earned each line, the model answer, how the total is built. */
  readonly explain: Explanation;
  readonly par: number;
};

export type DebriefActions = {
  onAgain(): void;
  onMenu(): void;
  /** What the way back says, when it does not lead to the calls (a trainer's room). */
  readonly backKey?: string;
  /** A moment chosen (evidence time or timeline mark): render again with it as `shownAt`. */
  onPick(at: number): void;
  /** Optional: when given, a "replay the call" button; the owner steps `replayed` along `replay.steps`. */
  onReplay?(): void;
};

/**
 * Everything the debrief shows, from the call and its log: the engine replays and scores. `best`
 * is the call's best path (its golden log), for the model answer and the hints' "when". Pure.
 */
export function debriefModel(
  sc: ScenarioModel,
  log: CallLog,
  recorded?: ResultSummary,
  best: CallLog | null = null,
): DebriefModel {
  const r = replayToEnd(sc, log.seed, log.entries, log.mode);
  const card = scoreCall(sc, r.state);
  const played = r.events.filter((e) => e.type !== 'coached');
  // One beat per moment of the call: the events of a same instant come out together.
  const steps: number[] = [];
  played.forEach((e, i) => {
    if (played[i + 1]?.at !== e.at) steps.push(i + 1);
  });
  return {
    scenario: sc.id,
    ns: sc.ns,
    log,
    card,
    events: r.events,
    drift: driftOf(log.entries, r, card.total, recorded),
    timeline: timelineModel(sc, r.events, r.state),
    replay: { events: played, steps },
    explain: explainCall(sc, log, r, card, best),
    par: sc.parDiagnosis,
  };
}

function lineView(t: TFunction, l: ScoreLine, a: DebriefActions, hints: readonly Hint[]): TemplateResult {
  const detail = l.id.startsWith('calm.') ? say(t, `${l.key}Detail`, l.params) : '';
  const points = l.weight ? `${Math.round(l.weight * l.credit * 10) / 10}/${l.weight}` : '';
  return html`<li class="score-line" data-line=${l.id} data-status=${l.status}>
    <span class="status">${t(`scorecard.status.${l.status}`)}</span
    ><span class="label">${say(t, l.key, l.params)}</span>
    ${points ? html`<span class="points">${points}</span>` : nothing}
    ${l.evidence.slice(0, 4).map((ev) => html`<button type="button" class="evidence" aria-label=${t('debrief.evidence', { at: clock(ev.at) })} @click=${() => a.onPick(ev.at)}>${clock(ev.at)}</button>`)}
    ${detail ? html`<span class="detail">${detail}</span>` : nothing}
    ${hints.length ? hintsView(t, hints, (at) => a.onPick(at)) : nothing}
  </li>`;
}

function scoreView(id: string, label: string, value: string, detail: string): TemplateResult {
  return html`<div class="score" data-score=${id}>
    <span class="score-label">${label}</span><strong class="score-value">${value}</strong
    ><span class="score-detail">${detail}</span>
  </div>`;
}

/**
 * The debrief of one call. `shownAt` is the moment picked last (highlighted and brought into
 * view in the transcript); `replayed`, during a replay, how many of `m.replay.events` are out.
 */
export function debriefView(
  m: DebriefModel,
  a: DebriefActions,
  t: TFunction,
  shownAt: number | null,
  replayed: number | null = null,
): TemplateResult {
  const c = m.card;
  const line = { t, ns: m.ns, customerName: isolate(t(`${m.ns}:customer.name`)) };
  const events = replayed === null ? m.events : m.replay.events.slice(0, replayed);
  const x = m.explain;
  const pick = (at: number): void => a.onPick(at);
  const model = x.model
    ? {
        title: t('debrief.model.title'),
        body: modelAnswerView(
          line,
          x.model,
          m.events.filter((e) => e.type !== 'coached'),
        ),
      }
    : null;
  return html`<div class="debrief panel" role="region" aria-label=${t('scorecard.title')}>
    <header>
      <h1 tabindex="-1" ${focusOnce(m)}>${t('scorecard.title')} — <bdi>${t(`${m.ns}:title`)}</bdi></h1>
      <p class="verdict ${c.won ? 'won' : 'failed'}">
        ${t(`outcome.${c.outcome}`)} · ${t(c.won ? 'scorecard.won' : 'scorecard.lost')} · ${t('scorecard.total')}
        ${c.total}/100
      </p>
      ${causeView(t, m.ns, x.verdict, pick)}
      ${m.drift ? html`<p class="notice drift" role="status">${driftText(t, m.drift)}</p>` : nothing}
    </header>
    <div class="scores">
      ${scoreView('process', t('scorecard.process'), `${c.process} %`, c.fatal.length ? t('scorecard.fatalShort') : '')}
      ${scoreView('diagnosis', t('scorecard.diagnosis'), c.diagnosis.at === null ? '—' : clock(c.diagnosis.at), t('scorecard.diagnosisPar', { par: clock(c.diagnosis.par), score: c.diagnosis.score }))}
      ${scoreView('calmness', t('scorecard.calmness'), `${c.calmness} %`, '')}
      ${scoreView('handle', t('scorecard.handleTime'), clock(c.duration), t('scorecard.handleDetail'))}
    </div>
    ${explainerView(t, x.build, m.par)}
    <div class="debrief-body">
      <div class="debrief-left">
        ${SECTIONS.map(
          (section) =>
            html`<section class="lines" data-section=${section}>
              <h3>${t(`scorecard.${section}`)}</h3>
              <ul>
                ${c.lines.filter((l) => l.section === section).map((l) => lineView(t, l, a, x.hints.get(l.id) ?? []))}
              </ul>
            </section>`,
        )}
      </div>
      <div class="debrief-right">
        <h2>${t('timeline.title')}</h2>
        ${timelineView(m.timeline, t, (at) => a.onPick(at))}
        ${panesView({
          conversationTitle: t('call.transcript'),
          conversation: transcriptView(events, line, t('call.transcript'), shownAt),
          model,
          showConversation: shownAt ?? (replayed !== null ? 'replay' : null),
        })}
      </div>
    </div>
    <footer>
      ${a.onReplay ? html`<button type="button" data-action="replay" @click=${() => a.onReplay?.()}>${t('debrief.replay')}</button>` : nothing}
      <button type="button" data-action="again" @click=${() => a.onAgain()}>${t('debrief.again')}</button>
      <button type="button" data-action="menu" @click=${() => a.onMenu()}>${t(a.backKey ?? 'call.back')}</button>
    </footer>
  </div>`;
}
