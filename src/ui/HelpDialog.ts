// The shortcuts dialog, written from the key map (the same map the key handler obeys).
import { html, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { KEYMAP } from './keymap.ts';
import { modal, stale } from './modal.ts';

/** `onClose`: the dialog closed (its button or Escape); the owner stops showing it. */
export function helpDialog(open: boolean, onClose: () => void, t: TFunction): TemplateResult {
  return html`<dialog
    class="dialog help"
    aria-label=${t('help.title')}
    ${modal(open)}
    @cancel=${onClose}
    @close=${(e: Event) => stale(e) || onClose()}
  >
    <h2>${t('help.title')}</h2>
    <dl>
      ${KEYMAP.map(
        (b) =>
          html`<dt>${t(`help.keys.${b.command}`)}</dt>
            <dd>${t(`help.does.${b.command}`)}</dd>`,
      )}
    </dl>
    <button type="button" @click=${onClose}>${t('call.close')}</button>
  </dialog>`;
}
