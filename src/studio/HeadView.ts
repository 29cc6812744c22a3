// The Studio's header (lit-html): open a call (library, file, blank), the language, back to the
// game; save a version, the versions and other drafts, downloads and the pack; the save status.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { LANGS, type Lang } from '../i18n/lang.ts';
import type { Draft, Version } from '../storage/studio-drafts.ts';

export type SaveState = 'saved' | 'saving' | 'failed' | 'off';

export type HeadModel = {
  readonly name: string;
  readonly lang: Lang;
  readonly library: readonly { readonly id: string }[];
  readonly saved: SaveState;
  readonly versionsOpen: boolean;
  readonly versions: readonly Version[];
  readonly otherDrafts: readonly Draft[];
  readonly notice: string | null;
  /** The "new call from this one" form is open. */
  readonly copyOpen: boolean;
};

export type HeadActions = {
  openLibrary(id: string): void;
  openFiles(files: FileList | null): void;
  openBlank(): void;
  restore(v: Version): void;
  reopen(d: Draft): void;
  setLang(lang: Lang): void;
  save(): void;
  showVersions(open: boolean): void;
  download(which: 'yaml' | 'translation'): void;
  exportPack(): void;
  showCopy(open: boolean): void;
  /** A new call from the draft: its texts under another id (a library call's copy, to import as a call of its own). */
  copyAs(id: string): void;
};

function versionsDialog(m: HeadModel, a: HeadActions, t: TFunction): TemplateResult {
  const when = (ms: number): string => new Date(ms).toLocaleString(m.lang);
  return html`<div class="versions" role="dialog" aria-label=${t('studio.versions.title')}>
    <h2>${t('studio.versions.title')}</h2>
    ${
      m.versions.length
        ? html`<ol>
            ${m.versions.map(
              (v) =>
                html`<li>
                  <span>${when(v.at)} · ${t(`studio.versions.reason.${v.reason}`)}</span>
                  <button type="button" @click=${() => a.restore(v)}>${t('studio.versions.restore')}</button>
                </li>`,
            )}
          </ol>`
        : html`<p>${t('studio.versions.none')}</p>`
    }
    ${
      m.otherDrafts.length
        ? html`<h2>${t('studio.versions.drafts')}</h2>
            <ul>
              ${m.otherDrafts.map(
                (d) =>
                  html`<li>
                    <span>${d.name} · ${when(d.savedAt)}</span>
                    <button type="button" @click=${() => a.reopen(d)}>${t('studio.versions.reopen')}</button>
                  </li>`,
              )}
            </ul>`
        : nothing
    }
    <button type="button" @click=${() => a.showVersions(false)}>${t('studio.versions.close')}</button>
  </div>`;
}

function copyForm(m: HeadModel, a: HeadActions, t: TFunction): TemplateResult {
  const submit = (e: Event) => {
    e.preventDefault();
    const input = (e.currentTarget as HTMLFormElement).querySelector('input')!;
    a.copyAs(input.value.trim());
  };
  return html`<form class="copy-as" @submit=${submit}>
    <label
      >${t('studio.copy.id')}
      <input type="text" name="id" required autocomplete="off" spellcheck="false" .value=${`${m.name}-2`}
    /></label>
    <span class="hint">${t('studio.copy.hint')}</span>
    <button type="submit">${t('studio.copy.create')}</button>
    <button type="button" @click=${() => a.showCopy(false)}>${t('studio.copy.cancel')}</button>
  </form>`;
}

export function headView(m: HeadModel, a: HeadActions, t: TFunction): TemplateResult {
  const openLib = (e: Event) => {
    e.preventDefault();
    const sel = (e.currentTarget as HTMLFormElement).querySelector('select')!;
    if (sel.value) a.openLibrary(sel.value);
  };
  return html`<div class="head-row">
      <h1>${t('studio.title')} <span class="draft-name">${m.name}.yaml</span></h1>
      <form class="open-lib" @submit=${openLib}>
        <label
          >${t('studio.open.library')}
          <select>
            ${m.library.map((c) => html`<option value=${c.id}>${c.id}</option>`)}
          </select></label
        >
        <button type="submit">${t('studio.open.open')}</button>
      </form>
      <label class="file-button"
        >${t('studio.open.file')}
        <input
          type="file"
          accept=".yaml,.yml,.json"
          multiple
          @change=${(e: Event) => a.openFiles((e.currentTarget as HTMLInputElement).files)}
      /></label>
      <button type="button" @click=${() => a.openBlank()}>${t('studio.open.blank')}</button>
      <span class="sep"></span>
      <label class="lang"
        >${t('studio.language')}
        <select @change=${(e: Event) => a.setLang((e.currentTarget as HTMLSelectElement).value as Lang)}>
          ${LANGS.map((l) => html`<option value=${l} ?selected=${l === m.lang}>${t(`studio.lang.${l}`)}</option>`)}
        </select></label
      >
      <a class="back" href="./index.html">${t('studio.backToGame')}</a>
    </div>
    <div class="head-row">
      <button type="button" @click=${() => a.save()}>${t('studio.save')}</button>
      <button
        type="button"
        aria-expanded=${m.versionsOpen ? 'true' : 'false'}
        @click=${() => a.showVersions(!m.versionsOpen)}
      >
        ${t('studio.versions.button')}
      </button>
      <span class="sep-small"></span>
      <button type="button" @click=${() => a.download('yaml')}>${t('studio.download.yaml')}</button>
      <button type="button" @click=${() => a.download('translation')}>${t('studio.download.json')}</button>
      <button type="button" @click=${() => a.exportPack()}>${t('studio.pack.export')}</button>
      <button type="button" aria-expanded=${m.copyOpen ? 'true' : 'false'} @click=${() => a.showCopy(!m.copyOpen)}>
        ${t('studio.copy.button')}
      </button>
      <span class="sep"></span>
      <span class="saved ${m.saved}" role="status">${t(`studio.saved.${m.saved}`)}</span>
    </div>
    ${m.versionsOpen ? versionsDialog(m, a, t) : nothing} ${m.copyOpen ? copyForm(m, a, t) : nothing}
    ${m.notice ? html`<p class="notice" role="alert">${m.notice}</p>` : nothing}`;
}
