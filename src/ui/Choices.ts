// The trainee's lines, numbered as on screen (slots), whose turn it is, the lines coming next
// while the customer speaks (to read, numbered as they will be), the phone's pick-up button, and
// what the call says once it is over (notices, the way to the debrief).
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { TFunction } from 'i18next';
import type { Turn } from '../engine/affordances.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { focusOnce } from './focus.ts';
import { capOf, shortcutOf } from './keymap.ts';
import { KEYED_SLOTS, type Slots } from './slots.ts';
import type { Styled } from './Stage.ts';

/** Whose turn it is, in a word (`label`) and a sentence saying what the trainee can do (`text`). */
export type TurnNote = { readonly turn: Turn; readonly label: string; readonly text: string };

export type ChoicesModel = {
  readonly ringing: boolean;
  /** The numbers on screen: the lines on offer or, when not `sayable`, the lines coming next. */
  readonly slots: Slots;
  /** False while the customer speaks: the lines shown are to be read, not said yet. */
  readonly sayable: boolean;
  /** The name of the list of lines coming next. */
  readonly upcomingLabel: string;
  readonly turn: TurnNote | null;
  /** What the last skip stopped short of (the customer is about to speak up), or null. */
  readonly warning: string | null;
  /** Said once the call is over: a result not kept, a replay that parted from the call. */
  readonly notices: readonly string[];
  /** Shown once the result is stored: opens the debrief. */
  readonly onDebrief: (() => void) | null;
  /** Shown when the result could not be stored: downloads it as a file. */
  readonly onDownload: (() => void) | null;
  /** Focus requests (see focus.ts): the pick-up button when it rings, the lines once picked up. */
  readonly focus: { readonly ring: object | null; readonly lines: object | null };
};

export type ChoicesActions = { readonly pickUp: () => void; readonly say: (choice: string) => void };

function lineText(sc: ScenarioModel, id: string, t: TFunction): string {
  return t(sc.choices[sc.index.choices.get(id)!]!.key);
}

function lineButton(sc: ScenarioModel, id: string, n: number, a: ChoicesActions, t: TFunction): TemplateResult {
  const keyed = n <= KEYED_SLOTS;
  return html`<button
    type="button"
    class="choice"
    aria-keyshortcuts=${keyed ? shortcutOf('say', n) : nothing}
    @click=${() => a.say(id)}
  >
    ${keyed ? html`<kbd>${capOf('say', n)}</kbd>` : nothing}<span>${lineText(sc, id, t)}</span>
  </button>`;
}

/** A line coming next: read now, said once the customer has finished (so not a button yet). */
function upcomingLine(sc: ScenarioModel, id: string, n: number, t: TFunction): TemplateResult {
  return html`<li class="choice upcoming">
    ${n <= KEYED_SLOTS ? html`<kbd>${capOf('say', n)}</kbd>` : nothing}<span>${lineText(sc, id, t)}</span>
  </li>`;
}

function turnView(turn: TurnNote | null): TemplateResult {
  // Always in the page (empty when ringing), so that a screen reader hears each change of turn.
  return html`<p class="turn" role="status" data-turn=${turn?.turn ?? nothing}>
    ${turn ? html`<strong class="turn-label">${turn.label}</strong> <span>${turn.text}</span>` : nothing}
  </p>`;
}

export function choicesView(
  sc: ScenarioModel,
  m: ChoicesModel,
  a: ChoicesActions,
  t: TFunction,
  style: Styled,
): TemplateResult {
  // Gaps keep their number: the lines after a line gone are not renumbered.
  const shown = m.slots.flatMap((id, i) => (id === null ? [] : [{ id, n: i + 1 }]));
  return html`<section class="choices panel" aria-label=${t('call.choices')} ${style}>
    <div class="choices-head">
      <h2>${t('call.choices')}</h2>
      ${turnView(m.turn)}
    </div>
    ${m.warning ? html`<p class="skip-warning" role="alert">${m.warning}</p>` : nothing}
    <div class="choice-list" tabindex="-1" ${focusOnce(m.focus.lines)}>
      ${
        m.sayable
          ? repeat(
              shown,
              (x) => x.id,
              (x) => lineButton(sc, x.id, x.n, a, t),
            )
          : shown.length
            ? html`<ol class="upcoming-lines" aria-label=${m.upcomingLabel}>
                ${shown.map((x) => upcomingLine(sc, x.id, x.n, t))}
              </ol>`
            : nothing
      }
    </div>
    ${
      m.ringing
        ? html`<button
            type="button"
            class="pick-up"
            aria-keyshortcuts=${shortcutOf('pickUp')}
            @click=${a.pickUp}
            ${focusOnce(m.focus.ring)}
          >
            ${t('call.pickUp')}<kbd>${capOf('pickUp')}</kbd>
          </button>`
        : nothing
    }
    ${m.notices.map((n) => html`<p class="notice" role="alert">${n}</p>`)}
    ${m.onDownload ? html`<button type="button" class="download-result" @click=${m.onDownload}>${t('call.downloadResult')}</button>` : nothing}
    ${m.onDebrief ? html`<button type="button" class="see-debrief" @click=${m.onDebrief} ${focusOnce(m.onDebrief)}>${t('call.debrief')}</button>` : nothing}
  </section>`;
}
