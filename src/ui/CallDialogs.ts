// The call's two forms: stating a diagnosis, and the ticket's notes. Open or closed as the call
// screen says; what can be stated and which facts can be noted are the engine's answer.
import { html, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { TFunction } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import type { LoggedAction } from '../engine/types.ts';
import type { CallDialog } from './Controls.ts';
import { modal } from './modal.ts';

export type DialogActions = {
  readonly act: (a: LoggedAction) => void;
  /** The dialog closed (a choice made, Cancel, or Escape: told at once on `cancel`, not a task later on `close`). */
  readonly close: (which: CallDialog) => void;
  /** A fact ticked or unticked in the ticket form. */
  readonly pick: (fact: string, on: boolean) => void;
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
    @close=${() => a.close('diagnosis')}
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

/**
 * The ticket form: every fact found (`known`), ticked as `picked`; the notes are written with
 * the facts ticked, and saving writes them first. `canSave`: the engine's word on saving now.
 */
export function ticketDialog(
  sc: ScenarioModel,
  open: boolean,
  known: readonly string[],
  picked: ReadonlySet<string>,
  canSave: boolean,
  a: DialogActions,
  t: TFunction,
): TemplateResult {
  const notes = (): LoggedAction => ({ type: 'writeTicket', notes: known.filter((f) => picked.has(f)) });
  const save = (): void => {
    a.act(notes());
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
    @close=${() => a.close('ticket')}
  >
    <h2>${t('call.ticketTitle')}</h2>
    <p>${t('call.ticketHelp')}</p>
    <fieldset class="notes">
      <legend>${t('call.ticketFacts')}</legend>
      ${facts}
    </fieldset>
    <div class="row">
      <button type="button" @click=${() => a.act(notes())}>${t('call.writeNotes')}</button>
      <button type="button" ?disabled=${!canSave} @click=${save}>${t('call.saveTicket')}</button>
      <button type="button" class="quiet" @click=${() => a.close('ticket')}>${t('call.cancel')}</button>
    </div>
  </dialog>`;
}
