// The call controls: hold, check in, resume, diagnosis, ticket notes, hang up.
import type { i18n } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import type { LoggedAction } from '../engine/replay.ts';
import type { CallState } from '../engine/types.ts';
import { el } from './dom.ts';

type Act = (a: LoggedAction) => void;

export class Controls {
  readonly node: HTMLElement;
  private readonly buttons: Record<string, HTMLButtonElement> = {};
  private readonly diagnosisDialog: HTMLDialogElement;
  private readonly ticketDialog: HTMLDialogElement;
  private readonly notes: HTMLElement;

  constructor(private readonly t: i18n['t'], private readonly sc: ScenarioModel, private readonly act: Act, private getState: () => CallState) {
    const b = (id: string, key: string, shortcut: string | null, onClick: () => void, cls = ''): HTMLButtonElement => {
      const button = el('button', { type: 'button', class: `control ${cls}`, 'data-control': id, 'aria-keyshortcuts': shortcut ?? undefined, onclick: onClick },
        t(key), shortcut ? el('kbd', { text: shortcut }) : null);
      this.buttons[id] = button;
      return button;
    };
    this.diagnosisDialog = this.buildDiagnosis();
    this.notes = el('fieldset', { class: 'notes' });
    this.ticketDialog = this.buildTicket();
    this.node = el('section', { class: 'controls panel', 'aria-label': t('call.controls') },
      el('div', { class: 'row' },
        b('hold', 'call.hold', 'H', () => act({ type: 'hold', ask: true })),
        b('checkIn', 'call.checkIn', 'C', () => act({ type: 'checkIn' })),
        b('resume', 'call.resume', 'R', () => act({ type: 'resume', thank: true }))),
      el('div', { class: 'row' },
        b('diagnose', 'call.diagnose', 'D', () => this.openDiagnosis()),
        b('ticket', 'call.ticket', 'T', () => this.openTicket()),
        b('hangUp', 'call.hangUp', 'X', () => act({ type: 'hangUp' }), 'danger')),
      el('div', { class: 'row secondary' },
        b('holdSilent', 'call.holdSilent', null, () => act({ type: 'hold', ask: false }), 'quiet'),
        b('resumeSilent', 'call.resumeSilent', null, () => act({ type: 'resume', thank: false }), 'quiet')),
      this.diagnosisDialog, this.ticketDialog);
  }

  render(s: CallState): void {
    const busy = s.ended !== null;
    const set = (id: string, enabled: boolean): void => {
      const b = this.buttons[id]!;
      if (b.disabled !== (busy || !enabled)) b.disabled = busy || !enabled;
    };
    const talking = s.speech !== null || s.queue.length > 0;
    set('hold', !s.onHold && !talking);
    set('holdSilent', !s.onHold && !talking);
    set('checkIn', s.onHold);
    set('resume', s.onHold);
    set('resumeSilent', s.onHold);
    set('diagnose', true);
    set('ticket', true);
    set('hangUp', true);
  }

  private buildDiagnosis(): HTMLDialogElement {
    const options = this.sc.diagnoses.map((d) => el('button', { type: 'button', class: 'option', 'data-diagnosis': d.id, text: this.t(d.key),
      onclick: () => {
        this.act({ type: 'diagnose', diagnosis: d.id });
        this.diagnosisDialog.close();
      } }));
    return el('dialog', { class: 'dialog', 'aria-label': this.t('call.diagnoseTitle') },
      el('h2', { text: this.t('call.diagnoseTitle') }), el('p', { text: this.t('call.diagnoseHelp') }), ...options,
      el('button', { type: 'button', class: 'quiet', text: this.t('call.cancel'), onclick: () => this.diagnosisDialog.close() }));
  }

  private buildTicket(): HTMLDialogElement {
    return el('dialog', { class: 'dialog', 'aria-label': this.t('call.ticketTitle') },
      el('h2', { text: this.t('call.ticketTitle') }), el('p', { text: this.t('call.ticketHelp') }), this.notes,
      el('div', { class: 'row' },
        el('button', { type: 'button', 'data-control': 'writeNotes', text: this.t('call.writeNotes'), onclick: () => this.writeNotes() }),
        el('button', { type: 'button', 'data-control': 'saveTicket', text: this.t('call.saveTicket'),
          onclick: () => {
            this.writeNotes();
            this.act({ type: 'saveTicket' });
            this.ticketDialog.close();
          } }),
        el('button', { type: 'button', class: 'quiet', text: this.t('call.cancel'), onclick: () => this.ticketDialog.close() })));
  }

  openDiagnosis(): void {
    if (!this.diagnosisDialog.open) this.diagnosisDialog.showModal();
  }

  /** The notes offer every fact the trainee has found; they pick what goes in the ticket. */
  openTicket(): void {
    const s = this.getState();
    const known = this.sc.facts.map((f, i) => ({ f, i })).filter(({ i }) => s.facts[i]);
    this.notes.replaceChildren(el('legend', { text: this.t('call.ticketFacts') }),
      ...(known.length ? known.map(({ f, i }) => el('label', { class: 'note' },
        el('input', { type: 'checkbox', value: f, checked: s.notes.includes(i) || undefined }), ` ${this.t(`${this.sc.ns}:facts.${f}`)}`))
        : [el('p', { text: this.t('call.noFacts') })]));
    if (!this.ticketDialog.open) this.ticketDialog.showModal();
  }

  private writeNotes(): void {
    const picked = [...this.notes.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
    this.act({ type: 'writeTicket', notes: picked });
  }

  get dialogOpen(): boolean {
    return this.diagnosisDialog.open || this.ticketDialog.open;
  }
}
