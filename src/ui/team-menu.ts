// The team side's small parts on other screens: the menu's entry (join a session, run one) and,
// over a session call, where the trainee is and what became of the result.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { TeamController } from './team.ts';
import type { SessionCall } from './team-state.ts';

/** The menu's "Team session" box: only when a team server serves the game. */
export function teamMenu(team: TeamController | null, t: TFunction): TemplateResult | typeof nothing {
  if (!team?.server) return nothing;
  const joined = team.memberships.at(-1);
  const waiting = team.outbox.waiting;
  return html`<section class="menu-team" aria-labelledby="menu-team-title">
    <h2 id="menu-team-title">${t('team.menu.title')}</h2>
    ${waiting ? html`<p class="notice" role="status">${t('team.outbox.pending', { count: waiting })}</p>` : nothing}
    <div class="menu-team-buttons">
      ${
        joined
          ? html`<button type="button" @click=${() => team.openSession(joined.session.id)}>
              ${t('team.menu.continue', { name: joined.session.name })}
            </button>`
          : nothing
      }
      <button type="button" @click=${() => team.openJoin()}>${t('team.menu.join')}</button>
      <button type="button" class="quiet" @click=${() => team.openTrainer()}>${t('team.menu.trainer')}</button>
    </div>
  </section>`;
}

/** "Session «…» — call 2 of 4", then, once the call is over, whether its result has reached the server. */
export function sessionBanner(
  ctx: SessionCall | null,
  team: TeamController | null,
  t: TFunction,
): TemplateResult | typeof nothing {
  if (!ctx || !team) return nothing;
  const item = ctx.resultId ? team.outbox.list().find((i) => i.resultId === ctx.resultId) : null;
  const state = !item
    ? null
    : item.state === 'sent'
      ? t('team.outbox.sent', { total: item.ack?.total ?? 0 })
      : item.state === 'waiting'
        ? t('team.outbox.waiting')
        : t('team.outbox.refused', { reason: item.refusal?.message ?? '' });
  return html`<p class="session-banner ${item?.state ?? ''}" role="status">
    <span>${t('team.session.banner', { name: ctx.sessionName, n: ctx.index + 1, total: ctx.total })}</span>
    ${state ? html`<span class="banner-state">${state}</span>` : nothing}
  </p>`;
}

/** Hands a fetched file to the browser's downloads. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
