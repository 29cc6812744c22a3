// The call screen as a template: a function of the call's view model, laid out over the stage's
// rectangles (src/layout.ts) so the HTML lines up with the desk Phaser draws underneath.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Affordances } from '../engine/affordances.ts';
import type { ScenarioModel } from '../engine/model.ts';
import type { CallState, Mode } from '../engine/types.ts';
import { LAYOUT } from '../layout.ts';
import { diagnosisDialog, leaveDialog, pauseDialog, ticketDialog, type DialogActions } from './CallDialogs.ts';
import { checklistView, factsView } from './Checklist.ts';
import { choicesView, type ChoicesActions, type ChoicesModel } from './Choices.ts';
import { controlsView, type CallDialog } from './Controls.ts';
import { gaugesView } from './Gauges.ts';
import { capOf, shortcutOf } from './keymap.ts';
import { place } from './Stage.ts';
import { toolsView, type ToolNotes } from './ToolPanel.ts';
import { liveTranscriptView, type LiveLine } from './Transcript.ts';
import { clock, isolate } from './words.ts';

export type CallViewModel = {
  readonly sc: ScenarioModel;
  readonly mode: Mode;
  readonly state: CallState;
  readonly affordances: Affordances;
  readonly ringing: boolean;
  readonly lines: readonly LiveLine[];
  readonly toolNotes: ToolNotes;
  readonly choices: ChoicesModel;
  readonly dialog: CallDialog | null;
  /** The facts ticked in the ticket form. */
  readonly picked: ReadonlySet<string>;
  /** The category and priority chosen in the ticket form ('' until chosen). */
  readonly classDraft: { readonly category: string; readonly priority: string };
  /** The clock is paused (training): the pause dialog is over the call. */
  readonly paused: boolean;
  /** A passing word in the top bar (pause refused in an exam), or null. */
  readonly flash: string | null;
};

export type CallViewActions = ChoicesActions &
  DialogActions & {
    readonly open: (dialog: CallDialog) => void;
    readonly skipWait: () => void;
    readonly help: () => void;
    readonly leave: () => void;
    readonly pause: () => void;
  };

function topBar(m: CallViewModel, a: CallViewActions, t: TFunction): TemplateResult {
  const aff = m.affordances;
  const badge = m.ringing
    ? t('call.ringing')
    : aff.ended
      ? t('call.ended')
      : m.paused
        ? t('call.pausedTitle')
        : aff.onHold
          ? t('call.onHold')
          : null;
  return html`<header class="top-bar" ${place(LAYOUT.topBar)}>
    <h1>${t(`${m.sc.ns}:title`)}</h1>
    <span class="flash" role="status">${m.flash ?? nothing}</span>
    <span class="timer" role="timer" aria-live="off" aria-label=${t('call.timer')}>${clock(m.state.time)}</span>
    <span class="badge" aria-live="polite">${badge ?? nothing}</span>
    <button type="button" class="quiet" aria-keyshortcuts=${shortcutOf('wait')} @click=${a.skipWait}>
      ${t('call.waitSkip')}<kbd>${capOf('wait')}</kbd>
    </button>
    <button type="button" class="quiet" aria-keyshortcuts=${shortcutOf('pause')} @click=${a.pause}>
      ${t('call.pause')}<kbd>${capOf('pause')}</kbd>
    </button>
    <button type="button" class="quiet" aria-keyshortcuts=${shortcutOf('help')} @click=${a.help}>
      ${t('help.title')}<kbd>${capOf('help')}</kbd>
    </button>
    <button type="button" class="quiet" @click=${a.leave}>${t('call.leave')}</button>
  </header>`;
}

/** The whole call screen. */
export function callView(m: CallViewModel, a: CallViewActions, t: TFunction): TemplateResult {
  const { sc, state: s, affordances: aff } = m;
  const speaker = { t, ns: sc.ns, customerName: isolate(t(`${sc.ns}:customer.name`)) };
  return html`${topBar(m, a, t)} ${gaugesView(s.vars, t, place(LAYOUT.gauges))}
  ${checklistView(sc, m.mode, s, t, place(LAYOUT.checklist))} ${factsView(sc, aff.facts, t, place(LAYOUT.facts))}
  ${liveTranscriptView(m.lines, s.time, speaker, t('call.transcript'), place(LAYOUT.transcript))}
  ${choicesView(sc, m.choices, a, t, place(LAYOUT.choices))} ${toolsView(aff.tools, m.toolNotes, a.act, t, m.ringing)}
  ${controlsView(aff.controls, { act: a.act, open: a.open }, t, place(LAYOUT.controls), m.ringing)}
  ${diagnosisDialog(sc, m.dialog === 'diagnosis', aff.diagnoses, a, t)}
  ${ticketDialog(
    sc,
    m.dialog === 'ticket',
    {
      known: aff.notable,
      picked: m.picked,
      classDraft: m.classDraft,
      written: s.notes.map((f) => sc.facts[f]!),
      saved: s.ticketSaved?.map((f) => sc.facts[f]!) ?? null,
      canSave: aff.controls.saveTicket,
    },
    a,
    t,
  )}
  ${leaveDialog(m.dialog === 'leave', m.mode === 'training', a, t)} ${pauseDialog(m.paused, a, t)}`;
}
