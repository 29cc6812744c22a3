// The call controls: hold, check in, resume, diagnosis, ticket notes, hang up. Which are live is
// the engine's answer (affordances.controls); what each sends is fixed here.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { ControlId } from '../engine/affordances.ts';
import type { LoggedAction } from '../engine/types.ts';
import { capOf, shortcutOf, type Command } from './keymap.ts';
import type { Styled } from './Stage.ts';

/** The call's forms: stating a diagnosis, the ticket's notes, and leaving the call (asked first). */
export type CallDialog = 'diagnosis' | 'ticket' | 'leave';

export type ControlActions = {
  readonly act: (a: LoggedAction) => void;
  readonly open: (dialog: CallDialog) => void;
};

type Control = {
  readonly id: Exclude<ControlId, 'saveTicket'>;
  readonly label: string;
  /** Its key in the key map, if it has one. */
  readonly key: Command | null;
  readonly press: (a: ControlActions) => void;
  readonly look?: 'danger' | 'quiet';
};

/** The panel's rows, in reading order. */
const ROWS: readonly (readonly Control[])[] = [
  [
    { id: 'hold', label: 'call.hold', key: 'hold', press: (a) => a.act({ type: 'hold', ask: true }) },
    { id: 'checkIn', label: 'call.checkIn', key: 'checkIn', press: (a) => a.act({ type: 'checkIn' }) },
    { id: 'resume', label: 'call.resume', key: 'resume', press: (a) => a.act({ type: 'resume', thank: true }) },
  ],
  [
    { id: 'diagnose', label: 'call.diagnose', key: 'diagnose', press: (a) => a.open('diagnosis') },
    { id: 'ticket', label: 'call.ticket', key: 'ticket', press: (a) => a.open('ticket') },
    { id: 'hangUp', label: 'call.hangUp', key: 'hangUp', press: (a) => a.act({ type: 'hangUp' }), look: 'danger' },
  ],
  [
    {
      id: 'holdSilent',
      label: 'call.holdSilent',
      key: null,
      press: (a) => a.act({ type: 'hold', ask: false }),
      look: 'quiet',
    },
    {
      id: 'resumeSilent',
      label: 'call.resumeSilent',
      key: null,
      press: (a) => a.act({ type: 'resume', thank: false }),
      look: 'quiet',
    },
  ],
];

/** The command a key stands for among the controls (the call screen's key handler uses the same rows). */
export function controlOf(key: Command): Control | null {
  return ROWS.flat().find((c) => c.key === key) ?? null;
}

function button(c: Control, enabled: boolean, a: ControlActions, t: TFunction): TemplateResult {
  return html`<button
    type="button"
    class="control ${c.look ?? ''}"
    aria-keyshortcuts=${c.key ? shortcutOf(c.key) : nothing}
    ?disabled=${!enabled}
    @click=${() => c.press(a)}
  >
    ${t(c.label)}${c.key ? html`<kbd>${capOf(c.key)}</kbd>` : nothing}
  </button>`;
}

/** The controls panel; `enabled` is the engine's word on each control; none is live while the phone rings. */
export function controlsView(
  enabled: Readonly<Record<ControlId, boolean>>,
  a: ControlActions,
  t: TFunction,
  style: Styled,
  ringing: boolean,
): TemplateResult {
  return html`<section class="controls panel" aria-label=${t('call.controls')} ${style}>
    ${ROWS.map((row, i) => html`<div class="row ${i === ROWS.length - 1 ? 'secondary' : ''}">${row.map((c) => button(c, !ringing && enabled[c.id], a, t))}</div>`)}
  </section>`;
}
