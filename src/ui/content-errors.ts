// The calls that could not be loaded, listed in the menu with the checker's messages (file, line,
// column, in the player's language): a broken call is said, never silently dropped.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { LoadedScenario } from '../content/load.ts';
import type { Diagnostic } from '../content/source.ts';
import type { StorageNotice } from '../ports/storage.ts';

/** The checker's sentence for a diagnostic (src/content/messages.ts `messageOf`). */
export type MessageOf = (d: Diagnostic, lang: string) => string;

/**
 * Loads the checker's messages: a chunk of their own, fetched only when a call is broken (the
 * game's first load does not carry the checker's sentences).
 */
export const loadMessages = (): Promise<MessageOf> => import('../content/messages.ts').then((m) => m.messageOf);

/** One file and the errors that keep it out of the game. */
export type BrokenFile = { readonly file: string; readonly diags: readonly Diagnostic[] };

/** The files to list: the library's own problems (the playbook), then each call with nothing to play. */
export function brokenFiles(calls: readonly LoadedScenario[], libraryDiags: readonly Diagnostic[]): BrokenFile[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of libraryDiags.filter((x) => x.severity === 'error'))
    byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const out: BrokenFile[] = [...byFile].map(([file, diags]) => ({ file, diags }));
  for (const c of calls) {
    if (c.model) continue;
    const errors = c.diags.filter((d) => d.severity === 'error');
    out.push({ file: c.file, diags: errors.length ? errors : c.diags });
  }
  return out;
}

/** Whether this broken call is the one a link asks for (by its id, or its file's name when it has no id). */
function isCall(c: LoadedScenario, id: string): boolean {
  return c.doc?.id === id || c.file.replace(/^.*\//, '').replace(/\.ya?ml$/, '') === id;
}

/** What the menu says about a link to a call it cannot open, or null when there is nothing to say. */
export function linkNotice(calls: readonly LoadedScenario[], id: string | null): StorageNotice | null {
  if (!id) return null;
  const broken = calls.some((c) => !c.model && isCall(c, id));
  return { key: broken ? 'contentErrors.linkBroken' : 'contentErrors.linkUnknown', params: { id } };
}

/**
 * The menu's section of calls that could not be loaded; nothing when every call loaded. Until the
 * messages are loaded (`message` null), each error shows its place alone.
 */
export function contentErrorsView(
  files: readonly BrokenFile[],
  lang: string,
  t: TFunction,
  message: MessageOf | null,
): TemplateResult | typeof nothing {
  if (!files.length) return nothing;
  return html`<section class="content-errors" aria-labelledby="content-errors-title">
    <h2 id="content-errors-title">${t('contentErrors.title')}</h2>
    <p>${t('contentErrors.intro')}</p>
    <ul class="broken-files">
      ${files.map(
        (f) =>
          html`<li class="broken-file" data-file=${f.file}>
            <h3><code>${f.file}</code></h3>
            <ul>
              ${f.diags.map(
                (d) =>
                  html`<li class="broken-diag">
                    <code class="where">${d.file}:${d.line}:${d.col}</code> ${message?.(d, lang) ?? ''}
                  </li>`,
              )}
            </ul>
          </li>`,
      )}
    </ul>
  </section>`;
}
