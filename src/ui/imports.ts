// "Import a call" on the menu: a pack picked by the trainee is checked and analysed in a worker
// (loaded then, never with the game), refused with the checker's messages or stored and added to
// the library; an imported call can be removed (its past results are kept).
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Library } from '../content/bundle.ts';
import type { Lang } from '../i18n/lang.ts';
import type { PackMessage, PackVerdict } from '../packs/check-pack.ts';
import type { ImportStage } from '../packs/import-client.ts';
import { withImported } from '../packs/imported-library.ts';
import type { ImportedCall, ImportStore } from '../ports/storage.ts';

/** A pack's file is refused unread past this size (its files unpacked are at most 2 MB). */
const MAX_FILE_BYTES = 4 * 1024 * 1024;

type ImportState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly stage: 'reading' | ImportStage; readonly file: string }
  | {
      readonly kind: 'refused';
      readonly file: string;
      readonly errors: readonly PackMessage[];
      readonly warnings: readonly PackMessage[];
    }
  | { readonly kind: 'accepted'; readonly id: string; readonly warnings: readonly PackMessage[] }
  | { readonly kind: 'replace'; readonly call: ImportedCall; readonly warnings: readonly PackMessage[] }
  | { readonly kind: 'remove'; readonly id: string }
  | { readonly kind: 'said'; readonly key: string; readonly params: Readonly<Record<string, string | number>> };

export type ImportDeps = {
  readonly store: ImportStore;
  /** The library without imported calls. */
  readonly base: Library;
  /** The playbook's parsed document, for the content hash. */
  readonly playbookData: unknown;
  readonly t: () => TFunction;
  readonly lang: () => Lang;
  /** Puts the library with the imported calls in place (and their texts in i18n). */
  readonly setLibrary: (lib: Library, added: ImportedCall | null) => void;
  readonly invalidate: () => void;
};

export class ImportController {
  private state: ImportState = { kind: 'idle' };
  private calls: ImportedCall[];

  constructor(
    private readonly d: ImportDeps,
    imported: readonly ImportedCall[],
  ) {
    this.calls = [...imported];
  }

  /** The ids of the imported calls (the menu marks them). */
  get ids(): ReadonlySet<string> {
    return new Set(this.calls.map((c) => c.id));
  }

  /** Every imported call as stored (a team session sends the ones chosen). */
  get imported(): readonly ImportedCall[] {
    return this.calls;
  }

  private set(next: ImportState): void {
    this.state = next;
    this.d.invalidate();
  }

  /** Reads the picked file and has it judged; the state says where it is, then the verdict. */
  async pick(file: File): Promise<void> {
    if (this.state.kind === 'busy') return;
    if (file.size > MAX_FILE_BYTES)
      return this.set({
        kind: 'said',
        key: 'imports.tooBig',
        params: { file: file.name, size: Math.ceil(file.size / 1024), max: MAX_FILE_BYTES / 1024 },
      });
    this.set({ kind: 'busy', stage: 'reading', file: file.name });
    let verdict: PackVerdict;
    try {
      const bytes = await file.arrayBuffer();
      const { checkPackInWorker } = await import('../packs/import-client.ts');
      const req = {
        bytes,
        playbookData: this.d.playbookData,
        lang: this.d.lang(),
        reservedIds: this.d.base.calls.flatMap((c) => (c.doc ? [c.doc.id] : [])),
      };
      verdict = await checkPackInWorker(req, (stage) => this.set({ kind: 'busy', stage, file: file.name }));
    } catch (e) {
      return this.set({ kind: 'said', key: 'imports.failed', params: { detail: String((e as Error).message ?? e) } });
    }
    if (!verdict.ok) return this.set({ kind: 'refused', file: file.name, ...verdict });
    const call: ImportedCall = {
      id: verdict.manifest.id,
      title: verdict.title,
      lang: verdict.manifest.lang,
      hash: verdict.hash,
      text: verdict.text,
      data: verdict.data,
      translations: verdict.translations,
      importedAt: new Date().toISOString(),
      generator: verdict.manifest.generator,
    };
    if (this.calls.some((c) => c.id === call.id))
      return this.set({ kind: 'replace', call, warnings: verdict.warnings });
    await this.keep(call, verdict.warnings);
  }

  private async keep(call: ImportedCall, warnings: readonly PackMessage[]): Promise<void> {
    try {
      await this.d.store.putImported(call);
    } catch (e) {
      return this.set({ kind: 'said', key: 'imports.storeFailed', params: { detail: String((e as Error).message) } });
    }
    this.calls = [...this.calls.filter((c) => c.id !== call.id), call];
    this.d.setLibrary(withImported(this.d.base, this.calls), call);
    this.set({ kind: 'accepted', id: call.id, warnings });
  }

  /** Asks to confirm the removal of an imported call. */
  askRemove(id: string): void {
    if (this.calls.some((c) => c.id === id)) this.set({ kind: 'remove', id });
  }

  private async remove(id: string): Promise<void> {
    // Said with the title in the trainee's language (the call's texts stay loaded for its past results).
    const title = this.d.t()(`${id}:title`);
    try {
      await this.d.store.deleteImported(id);
    } catch (e) {
      return this.set({ kind: 'said', key: 'imports.storeFailed', params: { detail: String((e as Error).message) } });
    }
    this.calls = this.calls.filter((c) => c.id !== id);
    this.d.setLibrary(withImported(this.d.base, this.calls), null);
    this.set({ kind: 'said', key: 'imports.removed', params: { title } });
  }

  /** The menu's section: the file picker, the check's progress, its verdict or a question. */
  view(): TemplateResult {
    const t = this.d.t();
    const s = this.state;
    const picked = (e: Event): void => {
      const input = e.target as HTMLInputElement;
      const file = input.files?.[0];
      // The same file can be picked again (after fixing it, or to replace the call).
      input.value = '';
      if (file) void this.pick(file);
    };
    return html`<section class="imports" aria-label=${t('imports.title')}>
      <h2>${t('imports.title')}</h2>
      <p class="hint">${t('imports.hint')}</p>
      <label class="import-pick ${s.kind === 'busy' ? 'busy' : ''}"
        >${t('imports.pick')}…<input type="file" accept=".hotliner" ?disabled=${s.kind === 'busy'} @change=${picked}
      /></label>
      ${this.stateView(s, t)}
    </section>`;
  }

  private stateView(s: ImportState, t: TFunction): TemplateResult | typeof nothing {
    switch (s.kind) {
      case 'idle':
        return nothing;
      case 'busy':
        return html`<p class="import-progress" role="status">${t(`imports.${s.stage}`, { file: s.file })}</p>`;
      case 'refused':
        return html`<div class="import-refused" role="alert">
            <p>${t('imports.refused', { file: s.file })}</p>
            ${messages(s.errors)}
          </div>
          ${warnings(s.warnings, t)}`;
      case 'accepted':
        return html`<p class="import-accepted" role="status">${t('imports.accepted', { title: t(`${s.id}:title`) })}</p>
          ${warnings(s.warnings, t)}`;
      case 'replace':
        return html`<div class="import-question" role="alertdialog" aria-label=${t('imports.title')}>
          <p>${t('imports.replaceText', { title: s.call.title })}</p>
          <button type="button" @click=${() => void this.keep(s.call, s.warnings)}>${t('imports.replace')}</button>
          <button
            type="button"
            class="quiet"
            @click=${() => this.set({ kind: 'said', key: 'imports.kept', params: {} })}
          >
            ${t('imports.keep')}
          </button>
        </div>`;
      case 'remove':
        return html`<div class="import-question" role="alertdialog" aria-label=${t('imports.title')}>
          <p>${t('imports.removeText', { title: t(`${s.id}:title`) })}</p>
          <button type="button" @click=${() => void this.remove(s.id)}>${t('imports.removeConfirm')}</button>
          <button type="button" class="quiet" @click=${() => this.set({ kind: 'idle' })}>${t('imports.cancel')}</button>
        </div>`;
      case 'said':
        return html`<p class="import-said" role="status">${t(s.key, s.params)}</p>`;
    }
  }
}

function messages(list: readonly PackMessage[]): TemplateResult {
  return html`<ul class="import-messages">
    ${list.map((m) => html`<li>${m.where ? html`<code>${m.where}</code> ` : nothing}${m.text}</li>`)}
  </ul>`;
}

function warnings(list: readonly PackMessage[], t: TFunction): TemplateResult | typeof nothing {
  if (!list.length) return nothing;
  return html`<div class="import-warnings">
    <p>${t('imports.warnings')}</p>
    ${messages(list)}
  </div>`;
}
