// The trainee's side of a session: joining (the code from the link, or typed, and a display
// name), then the session's calls in order, each with what became of its result: sent, waiting
// to send (it will retry), or refused by the server (and why; the result is kept here).
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n/lang.ts';
import type { PublicSession } from '../team/api.ts';
import type { Membership } from '../team/memberships.ts';
import type { OutboxItem } from '../team/outbox.ts';
import { focusOnce } from './focus.ts';
import type { JoinScreenState, SessionScreenState } from './team-state.ts';

export type JoinActions = {
  readonly edit: (patch: { code?: string; name?: string }) => void;
  readonly lookUp: () => void;
  readonly join: () => void;
  readonly session: (id: string) => void;
  readonly play: (index: number) => void;
  readonly menu: () => void;
};

const value = (e: Event): string => (e.target as HTMLInputElement).value;

/** A call's title in the trainee's language, else any the server has, else its id. */
export const callTitle = (c: PublicSession['calls'][number], lang: Lang): string =>
  c.titles[lang] ?? Object.values(c.titles)[0] ?? c.id;

function sessionFacts(s: PublicSession, t: TFunction, lang: Lang): TemplateResult {
  const deadline = s.deadline
    ? new Date(s.deadline).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' })
    : null;
  return html`<p class="session-facts">
    ${t('team.session.facts', { count: s.calls.length, mode: t(`menu.${s.mode}`) })}
    ${deadline ? html` · ${t('team.session.deadline', { at: deadline })}` : nothing}
  </p>`;
}

export function joinView(
  s: JoinScreenState,
  memberships: readonly Membership[],
  a: JoinActions,
  t: TFunction,
): TemplateResult {
  const lang = (document.documentElement.lang as Lang) || 'en';
  const submit = (e: Event): void => {
    e.preventDefault();
    a.join();
  };
  return html`<div class="team panel join" role="region" aria-label=${t('team.join.title')}>
    <header class="team-head">
      <h1>${t('team.join.title')}</h1>
      <button type="button" class="quiet" @click=${a.menu}>${t('team.back')}</button>
    </header>
    <div class="team-body join-body">
      <form class="team-form join-form" aria-label=${t('team.join.title')} @submit=${submit}>
        ${
          s.found
            ? html`<div class="found" role="status">
                <h2>${t('team.session.title', { name: s.found.name })}</h2>
                ${sessionFacts(s.found, t, lang)}
                <ol class="found-calls">
                  ${s.found.calls.map((c) => html`<li>${callTitle(c, lang)}</li>`)}
                </ol>
              </div>`
            : nothing
        }
        <label class="field"
          >${t('team.join.code')}
          <input
            type="text"
            class="code-input"
            autocomplete="off"
            autocapitalize="characters"
            maxlength="12"
            .value=${live(s.code)}
            @input=${(e: Event) => (s.code = value(e))}
            @change=${a.lookUp}
            ${focusOnce(s.code ? null : s)}
        /></label>
        <label class="field"
          >${t('team.join.name')}
          <input
            type="text"
            maxlength="60"
            autocomplete="nickname"
            .value=${live(s.name)}
            @input=${(e: Event) => (s.name = value(e))}
            ${focusOnce(s.code ? s : null)}
        /></label>
        <p class="muted">${t('team.join.nameHint')}</p>
        ${s.error ? html`<p class="notice" role="alert">${s.error}</p>` : nothing}
        <button type="submit" class="primary" ?disabled=${s.busy}>${t('team.join.join')}</button>
      </form>
      ${
        memberships.length
          ? html`<aside class="team-side" aria-labelledby="joined-title">
              <h2 id="joined-title">${t('team.join.joined')}</h2>
              <ul class="team-list">
                ${[...memberships].reverse().map(
                  (m) =>
                    html`<li>
                      <span class="session-name">${m.session.name}</span>
                      <span class="muted">${t('team.join.as', { name: m.name })}</span>
                      <button
                        type="button"
                        class="small"
                        aria-label=${t('team.join.continueTo', { name: m.session.name })}
                        @click=${() => a.session(m.session.id)}
                      >
                        ${t('team.join.continue')}
                      </button>
                    </li>`,
                )}
              </ul>
            </aside>`
          : nothing
      }
    </div>
  </div>`;
}

/** What became of a call's result, in words: to play, sent (with the server's total), waiting, refused. */
function callState(item: OutboxItem | undefined, t: TFunction): TemplateResult {
  if (!item) return html`<span class="state todo">${t('team.session.toPlay')}</span>`;
  switch (item.state) {
    case 'sent':
      return html`<span class="state sent">${t('team.outbox.sent', { total: item.ack?.total ?? 0 })}</span>`;
    case 'waiting':
      return html`<span class="state waiting">${t('team.outbox.waiting')}</span>`;
    case 'refused':
      return html`<span class="state refused"
        >${t('team.outbox.refused', { reason: item.refusal?.message ?? '' })}</span
      >`;
  }
}

export function sessionView(
  s: SessionScreenState,
  outbox: readonly OutboxItem[],
  lang: Lang,
  a: JoinActions,
  t: TFunction,
): TemplateResult {
  const session = s.membership.session;
  const items = new Map<number, OutboxItem>();
  for (const i of outbox) if (i.sessionId === session.id) items.set(i.callIndex, i);
  const done = (i: number): boolean => items.get(i)?.state === 'sent' || items.get(i)?.state === 'waiting';
  const next = session.calls.findIndex((_, i) => !done(i));
  const waiting = [...items.values()].filter((i) => i.state === 'waiting');
  return html`<div
    class="team panel session"
    role="region"
    aria-label=${t('team.session.title', { name: session.name })}
  >
    <header class="team-head">
      <h1>${t('team.session.title', { name: session.name })}</h1>
      <button type="button" class="quiet" @click=${a.menu}>${t('team.back')}</button>
    </header>
    <p class="session-you">${t('team.session.you', { name: s.membership.name })}</p>
    ${sessionFacts(session, t, lang)}
    ${
      s.stale.length
        ? html`<p class="notice" role="alert">${t('team.session.stale', { count: s.stale.length })}</p>`
        : nothing
    }
    <p class="outbox-line" role="status">
      ${
        waiting.length
          ? t('team.outbox.pending', { count: waiting.length })
          : next < 0
            ? t('team.session.allDone')
            : t('team.session.progress', { n: next + 1, total: session.calls.length })
      }
    </p>
    <ol class="session-calls">
      ${session.calls.map(
        (c, i) =>
          html`<li class=${i === next ? 'next' : ''}>
            <span class="call-n">${t('team.session.callN', { n: i + 1, total: session.calls.length })}</span>
            <span class="call-title">${callTitle(c, lang)}</span>
            ${callState(items.get(i), t)}
            ${
              i !== next
                ? nothing
                : s.fetching.includes(c.id)
                  ? html`<button type="button" class="primary" disabled>${t('team.session.fetching')}</button>`
                  : s.missing.includes(c.id)
                    ? html`<span class="notice" role="alert">${t('team.session.missing')}</span>`
                    : html`<button type="button" class="primary" @click=${() => a.play(i)} ${focusOnce(s)}>
                        ${t('team.session.play', { n: i + 1 })}
                      </button>`
            }
          </li>`,
      )}
    </ol>
  </div>`;
}
