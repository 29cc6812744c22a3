// The trainee's lines, numbered as on screen (slots), the phone's pick-up button, and what the
// call says once it is over (notices, the way to the debrief).
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { TFunction } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import { focusOnce } from './focus.ts';
import { capOf, shortcutOf } from './keymap.ts';
import { KEYED_SLOTS, type Slots } from './slots.ts';

export type ChoicesModel = {
  readonly ringing: boolean;
  readonly slots: Slots;
  /** A word on why there are no lines now (the customer speaks, on hold, ended), or null. */
  readonly hint: string | null;
  /** Said once the call is over: a result not kept, a replay that parted from the call. */
  readonly notices: readonly string[];
  /** Shown once the result is stored: opens the debrief. */
  readonly onDebrief: (() => void) | null;
  /** Focus requests (see focus.ts): the pick-up button when it rings, the lines once picked up. */
  readonly focus: { readonly ring: object | null; readonly lines: object | null };
};

export type ChoicesActions = { readonly pickUp: () => void; readonly say: (choice: string) => void };

function lineButton(sc: ScenarioModel, id: string, n: number, a: ChoicesActions, t: TFunction): TemplateResult {
  const keyed = n <= KEYED_SLOTS;
  return html`<button
    type="button"
    class="choice"
    aria-keyshortcuts=${keyed ? shortcutOf('say', n) : nothing}
    @click=${() => a.say(id)}
  >
    ${keyed ? html`<kbd>${capOf('say', n)}</kbd>` : nothing}<span
      >${t(sc.choices[sc.index.choices.get(id)!]!.key)}</span
    >
  </button>`;
}

export function choicesView(
  sc: ScenarioModel,
  m: ChoicesModel,
  a: ChoicesActions,
  t: TFunction,
  style: string,
): TemplateResult {
  // Gaps keep their number: the lines after a line gone are not renumbered.
  const shown = m.slots.flatMap((id, i) => (id === null ? [] : [{ id, n: i + 1 }]));
  return html`<section class="choices panel" aria-label=${t('call.choices')} style=${style}>
    <h2>${t('call.choices')}</h2>
    <div class="choice-list" tabindex="-1" ${focusOnce(m.focus.lines)}>
      ${repeat(
        shown,
        (x) => x.id,
        (x) => lineButton(sc, x.id, x.n, a, t),
      )}
      ${m.hint ? html`<p class="hint">${m.hint}</p>` : nothing}
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
    ${m.onDebrief ? html`<button type="button" class="see-debrief" @click=${m.onDebrief} ${focusOnce(m.onDebrief)}>${t('call.debrief')}</button>` : nothing}
  </section>`;
}
