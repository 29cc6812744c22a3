// The trainer's page: a session made of calls from the library (in order), one seed, a mode and
// an optional deadline; once created, its join code, link and QR code, and the trainer key, shown
// once. Also: the sessions created in this browser, and a room opened with a code and a key.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import type { TFunction } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import type { Mode } from '../engine/types.ts';
import type { TrainerKey } from '../team/memberships.ts';
import { focusOnce } from './focus.ts';
import { qrCode } from './QrCode.ts';
import type { TrainerDraft, TrainerScreenState } from './team-state.ts';

export type TrainerActions = {
  readonly edit: (patch: Partial<TrainerDraft>) => void;
  readonly create: () => void;
  readonly editOpen: (patch: { code?: string; key?: string }) => void;
  readonly openWithKey: () => void;
  readonly room: (k: TrainerKey) => void;
  readonly menu: () => void;
  /** A blank form again, after a session was created. */
  readonly again: () => void;
};

const value = (e: Event): string => (e.target as HTMLInputElement).value;
const submit = (fn: () => void) => (e: Event) => {
  e.preventDefault();
  fn();
};

function moved(list: readonly string[], i: number, by: number): string[] {
  const out = [...list];
  const j = i + by;
  if (j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

function callPicker(
  d: TrainerDraft,
  library: readonly ScenarioModel[],
  a: TrainerActions,
  t: TFunction,
  imported: ReadonlySet<string>,
) {
  const title = (id: string): string => t(`${id}:title`);
  const toggle = (id: string, on: boolean): void =>
    a.edit({ calls: on ? [...d.calls.filter((c) => c !== id), id] : d.calls.filter((c) => c !== id) });
  return html`<fieldset class="team-calls">
      <legend>${t('team.trainer.library')}</legend>
      <ul class="pick-list">
        ${library.map(
          (sc) =>
            html`<li>
              <label
                ><input
                  type="checkbox"
                  .checked=${live(d.calls.includes(sc.id))}
                  @change=${(e: Event) => toggle(sc.id, (e.target as HTMLInputElement).checked)}
                />
                ${title(sc.id)}
                ${imported.has(sc.id) ? html`<span class="badge">${t('imports.badge')}</span>` : nothing}</label
              >
            </li>`,
        )}
      </ul>
    </fieldset>
    <section class="team-order" aria-label=${t('team.trainer.order')}>
      <h3>${t('team.trainer.order')}</h3>
      ${
        d.calls.length
          ? html`<ol>
              ${d.calls.map(
                (id, i) =>
                  html`<li>
                    <span class="order-title">${title(id)}</span>
                    <button
                      type="button"
                      class="quiet small"
                      ?disabled=${i === 0}
                      aria-label=${t('team.trainer.up', { title: title(id) })}
                      @click=${() => a.edit({ calls: moved(d.calls, i, -1) })}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      class="quiet small"
                      ?disabled=${i === d.calls.length - 1}
                      aria-label=${t('team.trainer.down', { title: title(id) })}
                      @click=${() => a.edit({ calls: moved(d.calls, i, 1) })}
                    >
                      ↓
                    </button>
                  </li>`,
              )}
            </ol>`
          : html`<p class="muted">${t('team.trainer.noCalls')}</p>`
      }
    </section>`;
}

function form(
  s: TrainerScreenState,
  library: readonly ScenarioModel[],
  a: TrainerActions,
  t: TFunction,
  imported: ReadonlySet<string>,
) {
  const d = s.draft;
  const mode = (m: Mode) =>
    html`<label class="radio"
      ><input type="radio" name="session-mode" .checked=${live(d.mode === m)} @change=${() => a.edit({ mode: m })} />
      ${t(`menu.${m}`)}</label
    >`;
  return html`<form class="team-form" aria-label=${t('team.trainer.create')} @submit=${submit(a.create)}>
    <div class="team-fields">
      <label class="field"
        >${t('team.trainer.name')}
        <input
          type="text"
          maxlength="120"
          .value=${live(d.name)}
          @input=${(e: Event) => (d.name = value(e))}
          ${focusOnce(s.created ? null : s)}
      /></label>
      <label class="field"
        >${t('team.trainer.seed')}
        <input
          type="number"
          min="0"
          max="2147483647"
          .value=${live(d.seed)}
          @input=${(e: Event) => (d.seed = value(e))}
      /></label>
      <fieldset class="field">
        <legend>${t('menu.mode')}</legend>
        ${mode('training')}${mode('exam')}
      </fieldset>
      <label class="field"
        >${t('team.trainer.deadline')}
        <input type="datetime-local" .value=${live(d.deadline)} @input=${(e: Event) => (d.deadline = value(e))}
      /></label>
    </div>
    <div class="team-pick">${callPicker(d, library, a, t, imported)}</div>
    ${s.error ? html`<p class="notice" role="alert">${s.error}</p>` : nothing}
    <button type="submit" class="primary" ?disabled=${s.busy}>${t('team.trainer.create')}</button>
  </form>`;
}

function created(k: TrainerKey, a: TrainerActions, t: TFunction) {
  return html`<section class="team-created" aria-labelledby="created-title">
    <h2 id="created-title" tabindex="-1" ${focusOnce(k)}>${t('team.trainer.created', { name: k.name })}</h2>
    <div class="created-body">
      ${qrCode(k.joinUrl, t('team.trainer.qr'))}
      <dl class="join-facts">
        <dt>${t('team.trainer.code')}</dt>
        <dd class="join-code">${k.code}</dd>
        <dt>${t('team.trainer.link')}</dt>
        <dd class="join-link">${k.joinUrl}</dd>
        <dt>${t('team.trainer.key')}</dt>
        <dd class="trainer-key">${k.trainerKey}</dd>
      </dl>
    </div>
    <p class="key-warning" role="note">${t('team.trainer.keepKey')}</p>
    <div class="menu-team-buttons">
      <button type="button" class="primary" @click=${() => a.room(k)}>${t('team.trainer.openRoom')}</button>
      <button type="button" class="quiet" @click=${a.again}>${t('team.trainer.newSession')}</button>
    </div>
  </section>`;
}

function mine(keys: readonly TrainerKey[], a: TrainerActions, t: TFunction, lang: string) {
  return html`<section aria-labelledby="mine-title">
    <h2 id="mine-title">${t('team.trainer.mine')}</h2>
    ${
      keys.length
        ? html`<ul class="team-list">
            ${[...keys].reverse().map(
              (k) =>
                html`<li>
                  <span class="session-name">${k.name}</span>
                  <span class="muted">${k.code} · ${new Date(k.createdAt).toLocaleDateString(lang)}</span>
                  <button
                    type="button"
                    class="small"
                    @click=${() => a.room(k)}
                    aria-label=${t('team.trainer.roomOf', { name: k.name })}
                  >
                    ${t('team.trainer.room')}
                  </button>
                </li>`,
            )}
          </ul>`
        : html`<p class="muted">${t('team.trainer.none')}</p>`
    }
  </section>`;
}

function openRoom(s: TrainerScreenState, a: TrainerActions, t: TFunction) {
  return html`<form class="team-open" aria-labelledby="open-title" @submit=${submit(a.openWithKey)}>
    <h2 id="open-title">${t('team.trainer.openTitle')}</h2>
    <label class="field"
      >${t('team.trainer.code')}
      <input
        type="text"
        autocomplete="off"
        .value=${live(s.open.code)}
        @input=${(e: Event) => (s.open.code = value(e))}
    /></label>
    <label class="field"
      >${t('team.trainer.key')}
      <input
        type="password"
        autocomplete="off"
        .value=${live(s.open.key)}
        @input=${(e: Event) => (s.open.key = value(e))}
    /></label>
    ${s.open.error ? html`<p class="notice" role="alert">${s.open.error}</p>` : nothing}
    <button type="submit">${t('team.trainer.openWithKey')}</button>
  </form>`;
}

export function trainerView(
  s: TrainerScreenState,
  library: readonly ScenarioModel[],
  keys: readonly TrainerKey[],
  a: TrainerActions,
  t: TFunction,
  lang = 'en',
  /** The calls imported in this browser (src/packs), marked as such. */
  imported: ReadonlySet<string> = new Set(),
): TemplateResult {
  return html`<div class="team panel" role="region" aria-label=${t('team.trainer.title')}>
    <header class="team-head">
      <h1>${t('team.trainer.title')}</h1>
      <button type="button" class="quiet" @click=${a.menu}>${t('team.back')}</button>
    </header>
    <div class="team-body trainer-body">
      <div class="team-main">${s.created ? created(s.created, a, t) : form(s, library, a, t, imported)}</div>
      <aside class="team-side">${mine(keys, a, t, lang)} ${openRoom(s, a, t)}</aside>
    </div>
  </div>`;
}
