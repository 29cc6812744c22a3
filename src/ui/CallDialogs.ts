// The call's forms: stating a diagnosis, the ticket's notes, leaving the call, and the pause.
// Open or closed as the call screen says; what can be stated and which facts can be noted are
// the engine's answer.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { TFunction } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import type { LoggedAction } from '../engine/types.ts';
import type { CallDialog } from './Controls.ts';
import { capOf, shortcutOf } from './keymap.ts';
import { modal, stale } from './modal.ts';

export type DialogActions = {
  readonly act: (a: LoggedAction) => void;
  /** The dialog closed (a choice made, Cancel, or Escape: told at once on `cancel`, not a task later on `close`). */
  readonly close: (which: CallDialog) => void;
  /** A fact ticked or unticked in the ticket form: the notes are written at once. */
  readonly pick: (fact: string, on: boolean) => void;
  /** The ticket's category or priority chosen in the form. */
  readonly classify: (part: 'category' | 'priority', id: string) => void;
  /** Leaving: the call kept to resume later from the menu, or abandoned. */
  readonly keep: () => void;
  readonly abandon: () => void;
  /** The pause ends (its button, P or Escape). */
  readonly resume: () => void;
};

/** `stateable`: the diagnoses that can still be stated; the others are shown, not offered. */
export function diagnosisDialog(
  sc: ScenarioModel,
  open: boolean,
  stateable: readonly string[],
  a: DialogActions,
  t: TFunction,
): TemplateResult {
  const choose = (diagnosis: string): void => {
    a.act({ type: 'diagnose', diagnosis });
    a.close('diagnosis');
  };
  return html`<dialog
    class="dialog"
    aria-label=${t('call.diagnoseTitle')}
    ${modal(open)}
    @cancel=${() => a.close('diagnosis')}
    @close=${(e: Event) => stale(e) || a.close('diagnosis')}
  >
    <h2>${t('call.diagnoseTitle')}</h2>
    <p>${t('call.diagnoseHelp')}</p>
    ${repeat(
      sc.diagnoses,
      (d) => d.id,
      (d) =>
        html`<button type="button" class="option" ?disabled=${!stateable.includes(d.id)} @click=${() => choose(d.id)}>
          ${t(d.key)}
        </button>`,
    )}
    <button type="button" class="quiet" @click=${() => a.close('diagnosis')}>${t('call.cancel')}</button>
  </dialog>`;
}

/** What the ticket form shows besides the facts: the notes as the engine has them, and whether it was saved. */
export type TicketModel = {
  /** Every fact found so far, and those ticked. */
  readonly known: readonly string[];
  readonly picked: ReadonlySet<string>;
  /** The category and priority chosen ('' until chosen). */
  readonly classDraft: { readonly category: string; readonly priority: string };
  /** The notes written (the engine's), and the notes of the last save (null: never saved). */
  readonly written: readonly string[];
  readonly saved: readonly string[] | null;
  /** The engine's word on saving now (the ticket tool is ready). */
  readonly canSave: boolean;
};

/** Where the notes stand, in a sentence: seen at once, as the form's status. */
function notesStatus(m: TicketModel, t: TFunction): string {
  const kept = m.written.length ? t('call.notesKept', { count: m.written.length }) : t('call.notesNone');
  if (!m.saved) return kept;
  const same = m.saved.length === m.written.length && m.saved.every((f) => m.written.includes(f));
  return `${kept} ${t(same ? 'call.ticketSavedSame' : 'call.ticketSavedOther', { count: m.saved.length })}`;
}

/**
 * The ticket form: every fact found, ticked as noted. Ticking writes the notes at once (nothing
 * is lost by closing); saving runs the ticket tool with them. Close (or Escape) keeps the notes.
 */
export function ticketDialog(
  sc: ScenarioModel,
  open: boolean,
  m: TicketModel,
  a: DialogActions,
  t: TFunction,
): TemplateResult {
  const { known, picked, canSave } = m;
  const save = (): void => {
    a.act({ type: 'saveTicket' });
    a.close('ticket');
  };
  const facts = known.length
    ? repeat(
        known,
        (f) => f,
        (f) =>
          html`<label class="note"
            ><input
              type="checkbox"
              value=${f}
              .checked=${live(picked.has(f))}
              @change=${(e: Event) => a.pick(f, (e.target as HTMLInputElement).checked)}
            />
            ${t(`${sc.ns}:facts.${f}`)}</label
          >`,
      )
    : html`<p>${t('call.noFacts')}</p>`;
  return html`<dialog
    class="dialog"
    aria-label=${t('call.ticketTitle')}
    ${modal(open)}
    @cancel=${() => a.close('ticket')}
    @close=${(e: Event) => stale(e) || a.close('ticket')}
  >
    <h2>${t('call.ticketTitle')}</h2>
    <p>${t('call.ticketHelp')}</p>
    <fieldset class="notes">
      <legend>${t('call.ticketFacts')}</legend>
      ${facts}
    </fieldset>
    ${classSelects(sc, m.classDraft, a, t)}
    <p class="notes-status" role="status">${notesStatus(m, t)}</p>
    <div class="row">
      <button type="button" class="primary" ?disabled=${!canSave} @click=${save}>${t('call.saveTicket')}</button>
      <button type="button" @click=${() => a.close('ticket')}>${t('call.closeKeep')}</button>
    </div>
    ${canSave ? nothing : html`<p class="dialog-note">${t('call.ticketBusy')}</p>`}
  </dialog>`;
}

/** The ticket's category and priority, as two lists (the playbook's ids and labels). */
function classSelects(
  sc: ScenarioModel,
  draft: TicketModel['classDraft'],
  a: DialogActions,
  t: TFunction,
): TemplateResult | typeof nothing {
  const { categories, priorities } = sc.scoring.ticket;
  if (!categories.length || !priorities.length) return nothing;
  const select = (part: 'category' | 'priority', ids: readonly string[], plural: string): TemplateResult =>
    html`<label class="ticket-class"
      >${t(`call.ticketClass.${part}`)}
      <select
        aria-label=${t(`call.ticketClass.${part}`)}
        @change=${(e: Event) => a.classify(part, (e.target as HTMLSelectElement).value)}
      >
        <option value="" ?selected=${live(draft[part] === '')} disabled>${t('call.ticketClass.choose')}</option>
        ${ids.map(
          (id) =>
            html`<option value=${id} ?selected=${live(draft[part] === id)}>
              ${t(`playbook:ticket.${plural}.${id}`)}
            </option>`,
        )}
      </select></label
    >`;
  return html`<div class="row ticket-classes">
    ${select('category', categories, 'categories')} ${select('priority', priorities, 'priorities')}
  </div>`;
}

/** Leaving a live call: keep it to resume later, abandon it, or stay (the first button, and Escape). */
export function leaveDialog(open: boolean, training: boolean, a: DialogActions, t: TFunction): TemplateResult {
  return html`<dialog
    class="dialog leave"
    aria-label=${t('call.leaveTitle')}
    ${modal(open)}
    @cancel=${() => a.close('leave')}
    @close=${(e: Event) => stale(e) || a.close('leave')}
  >
    <h2>${t('call.leaveTitle')}</h2>
    <p>${t(training ? 'call.leaveHelpTraining' : 'call.leaveHelpExam')}</p>
    <div class="options">
      <button type="button" class="option" @click=${() => a.close('leave')}>${t('call.leaveStay')}</button>
      <button type="button" class="option" @click=${a.keep}>${t('call.leaveKeep')}</button>
      <button type="button" class="option danger" @click=${a.abandon}>${t('call.leaveAbandon')}</button>
    </div>
  </dialog>`;
}

/** The pause: the clock stands still until Resume, P or Escape. */
export function pauseDialog(open: boolean, a: DialogActions, t: TFunction): TemplateResult {
  return html`<dialog
    class="dialog pause"
    aria-label=${t('call.pausedTitle')}
    ${modal(open)}
    @cancel=${a.resume}
    @close=${(e: Event) => stale(e) || a.resume()}
  >
    <h2>${t('call.pausedTitle')}</h2>
    <p>${t('call.pausedHelp')}</p>
    <button type="button" class="primary" aria-keyshortcuts=${shortcutOf('pause')} @click=${a.resume}>
      ${t('call.resumePause')}<kbd>${capOf('pause')}</kbd>
    </button>
  </dialog>`;
}
