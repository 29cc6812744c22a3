// The invitation a newcomer sees on the menu: play the guided call first, or skip it. Shown until
// it is answered (either way, remembered with the settings) or a first call has been finished.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import type { ResultRecord } from '../ports/storage.ts';
import { isGuided } from './library.ts';

export type InviteActions = {
  readonly play: (sc: ScenarioModel) => void;
  /** The invitation was answered (played or skipped): it is not offered again. */
  readonly guidedSeen: () => void;
};

/** The guided call to offer, or null: once answered, once any call is finished, or with none in the library. */
export function guidedInvitation(
  library: readonly ScenarioModel[],
  results: readonly ResultRecord[],
  answered: boolean,
): ScenarioModel | null {
  if (answered || results.length > 0) return null;
  return library.find(isGuided) ?? null;
}

export function inviteView(sc: ScenarioModel | null, a: InviteActions, t: TFunction): TemplateResult | typeof nothing {
  if (!sc) return nothing;
  const play = (): void => {
    a.guidedSeen();
    a.play(sc);
  };
  return html`<section class="invite" aria-labelledby="invite-title">
    <div class="invite-text">
      <h2 id="invite-title">${t('menu.inviteTitle')}</h2>
      <p>${t('menu.inviteText', { title: t(`${sc.ns}:title`) })}</p>
    </div>
    <button type="button" class="play" data-action="play-guided" @click=${play}>${t('menu.invitePlay')}</button>
    <button type="button" class="quiet" data-action="skip-guided" @click=${() => a.guidedSeen()}>
      ${t('menu.inviteSkip')}
    </button>
  </section>`;
}
