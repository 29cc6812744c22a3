// The trainer's room: who joined and where they are (polled every few seconds), a table per call,
// a table per playbook step across the team, one trainee's results, the exports, and a projector
// mode (large type, names hidden until shown, no ranking in a training session).
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Lang } from '../i18n/lang.ts';
import type { Room, RoomResult, RosterRow } from '../team/api.ts';
import { callTable, progressOf, STEP_STATUSES, stepTable } from '../team/room-tables.ts';
import { focusOnce } from './focus.ts';
import { callTitle } from './JoinScreen.ts';
import type { RoomScreenState } from './team-state.ts';
import { clock } from './words.ts';

export type RoomActions = {
  readonly projector: (on: boolean) => void;
  readonly names: (on: boolean) => void;
  readonly detail: (traineeId: string | null) => void;
  /** Opens one result's debrief and replay. */
  readonly open: (resultId: string) => void;
  readonly export: (format: 'csv' | 'xlsx') => void;
  readonly back: () => void;
};

type Ctx = { readonly room: Room; readonly s: RoomScreenState; readonly lang: Lang; readonly t: TFunction };

/** A trainee as the room shows them: their name, or "Trainee n" when names are hidden. */
function who(ctx: Ctx, row: RosterRow): string {
  const n = ctx.room.roster.indexOf(row) + 1;
  return ctx.s.showNames ? row.name : ctx.t('team.room.anonymous', { n });
}

function roster(ctx: Ctx, a: RoomActions): TemplateResult {
  const { room, t } = ctx;
  const total = room.session.calls.length;
  const place = (r: RosterRow): string =>
    progressOf(r) === 'finished'
      ? t('team.room.finished')
      : t(progressOf(r) === 'joined' ? 'team.room.joinedOn' : 'team.room.onCall', {
          n: (r.currentCall ?? 0) + 1,
          total,
        });
  return html`<section class="room-section" aria-labelledby="roster-title">
    <h2 id="roster-title">${t('team.room.roster', { count: room.roster.length })}</h2>
    ${
      room.roster.length
        ? html`<table class="room-table roster">
            <thead>
              <tr>
                <th scope="col">${t('team.room.trainee')}</th>
                <th scope="col">${t('team.room.where')}</th>
                <th scope="col" class="num">${t('team.room.callsDone')}</th>
                ${ctx.s.projector ? nothing : html`<th scope="col"><span class="sr-only">${t('team.room.results')}</span></th>`}
              </tr>
            </thead>
            <tbody>
              ${room.roster.map(
                (r) =>
                  html`<tr class=${progressOf(r)}>
                    <th scope="row" class="name">${who(ctx, r)}</th>
                    <td>${place(r)}</td>
                    <td class="num">${r.callsFinished} / ${total}</td>
                    ${
                      ctx.s.projector
                        ? nothing
                        : html`<td>
                            <button
                              type="button"
                              class="small"
                              aria-label=${t('team.room.openOf', { name: who(ctx, r) })}
                              @click=${() => a.detail(r.traineeId)}
                            >
                              ${t('team.room.open')}
                            </button>
                          </td>`
                    }
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p class="muted">${t('team.room.nobody')}</p>`
    }
  </section>`;
}

const pct = (n: number): string => `${n} %`;

function summaryCells(r: RoomResult | null, t: TFunction): TemplateResult {
  if (!r) return html`<td class="num muted" colspan="6">${t('team.room.noResult')}</td>`;
  const s = r.summary;
  const diag =
    s.diagnosisAt === null ? t('team.room.noDiagnosis') : `${clock(s.diagnosisAt)} / ${clock(s.diagnosisPar)}`;
  return html`<td class="num total">${s.total}</td>
    <td class="num">${pct(s.process)}</td>
    <td class="num">${diag}</td>
    <td class="num">${pct(s.calmness)}</td>
    <td>${t(`outcome.${s.outcome}`)}${r.late ? html` <span class="late">${t('team.room.late')}</span>` : nothing}</td>
    <td class=${s.passed ? 'passed' : 'failed'}>${s.passed ? t('team.room.passed') : t('team.room.notPassed')}</td>`;
}

function callTables(ctx: Ctx): TemplateResult[] {
  const { room, t, lang } = ctx;
  const ranked = room.session.mode === 'exam';
  return room.session.calls.map((c, i) => {
    const rows = callTable(room, i, ranked);
    const id = `call-${i}-title`;
    return html`<section class="room-section" aria-labelledby=${id}>
      <h2 id=${id}>${t('team.room.callTitle', { n: i + 1, title: callTitle(c, lang) })}</h2>
      <table class="room-table">
        <thead>
          <tr>
            ${ranked ? html`<th scope="col" class="num">${t('team.room.rank')}</th>` : nothing}
            <th scope="col">${t('team.room.trainee')}</th>
            <th scope="col" class="num">${t('team.room.total')}</th>
            <th scope="col" class="num">${t('team.room.process')}</th>
            <th scope="col" class="num">${t('team.room.diagnosis')}</th>
            <th scope="col" class="num">${t('team.room.calmness')}</th>
            <th scope="col">${t('team.room.outcome')}</th>
            <th scope="col">${t('team.room.verdict')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (r, k) =>
              html`<tr>
                ${ranked ? html`<td class="num">${r.result ? k + 1 : ''}</td>` : nothing}
                <th scope="row" class="name">${who(ctx, r.trainee)}</th>
                ${summaryCells(r.result, t)}
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
  });
}

function steps(ctx: Ctx): TemplateResult {
  const { room, t } = ctx;
  const rows = stepTable(room);
  return html`<section class="room-section" aria-labelledby="steps-title">
    <h2 id="steps-title">${t('team.room.steps')}</h2>
    <table class="room-table steps">
      <thead>
        <tr>
          <th scope="col">${t('team.room.step')}</th>
          ${STEP_STATUSES.map((st) => html`<th scope="col" class="num ${st}">${t(`team.room.status.${st}`)}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${t(r.key, { defaultValue: r.id })}</th>
              ${STEP_STATUSES.map(
                (st) => html`<td class="num ${r.counts[st] ? st : 'zero'}">${r.counts[st] || '·'}</td>`,
              )}
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

/** One trainee's results, call by call: each step's status, and each call's debrief and replay. */
function detail(ctx: Ctx, a: RoomActions): TemplateResult | typeof nothing {
  const { room, t, lang } = ctx;
  const row = room.roster.find((r) => r.traineeId === ctx.s.detail);
  if (!row) return nothing;
  const mine = room.results.filter((r) => r.traineeId === row.traineeId).sort((x, y) => x.callIndex - y.callIndex);
  const keys = new Map(room.session.calls.flatMap((c) => c.steps.map((s) => [s.id, s.key] as const)));
  return html`<section class="room-detail panel" role="dialog" aria-modal="false" aria-labelledby="detail-title">
    <header class="team-head">
      <h2 id="detail-title" tabindex="-1" ${focusOnce(row)}>${t('team.room.detailTitle', { name: who(ctx, row) })}</h2>
      <button type="button" class="quiet" @click=${() => a.detail(null)}>${t('team.room.close')}</button>
    </header>
    ${
      mine.length
        ? mine.map((r) => {
            const call = room.session.calls[r.callIndex];
            return html`<h3>
                ${t('team.room.callTitle', { n: r.callIndex + 1, title: call ? callTitle(call, lang) : r.scenario })} —
                ${r.summary.total}/100
              </h3>
              <button type="button" @click=${() => a.open(r.resultId)}>${t('team.room.openDebrief')}</button>
              <ul class="detail-steps">
                ${Object.entries(r.steps).map(
                  ([id, st]) =>
                    html`<li class=${st}>
                      <span class="step-status">${t(`team.room.status.${st}`)}</span>
                      ${t(keys.get(id) ?? `playbook:steps.${id}`, { defaultValue: id })}
                    </li>`,
                )}
                ${r.fatal.map(
                  (f) =>
                    html`<li class="fatal">
                      <span class="step-status">${t('team.room.status.fatal')}</span>
                      ${t(`playbook:fatal.${f}`, { defaultValue: f })}
                    </li>`,
                )}
              </ul>`;
          })
        : html`<p class="muted">${t('team.room.noResultYet')}</p>`
    }
  </section>`;
}

export function roomView(s: RoomScreenState, lang: Lang, a: RoomActions, t: TFunction): TemplateResult {
  const room = s.room;
  const ctx = room ? { room, s, lang, t } : null;
  const title = room ? t('team.room.title', { name: room.session.name }) : t('team.room.loading');
  return html`<div
    class="team panel room ${s.projector ? 'projector' : ''}"
    role="region"
    aria-label=${t('team.room.label')}
  >
    <header class="team-head">
      <h1>${title}</h1>
      ${room ? html`<span class="room-code" aria-label=${t('team.room.codeIs', { code: room.session.code })}>${room.session.code}</span>` : nothing}
      <button type="button" aria-pressed=${String(s.projector)} @click=${() => a.projector(!s.projector)}>
        ${t('team.room.projector')}
      </button>
      <button type="button" aria-pressed=${String(s.showNames)} @click=${() => a.names(!s.showNames)}>
        ${t('team.room.names')}
      </button>
      ${
        s.projector
          ? nothing
          : html`<button type="button" @click=${() => a.export('csv')}>${t('team.room.csv')}</button>
              <button type="button" @click=${() => a.export('xlsx')}>${t('team.room.xlsx')}</button>
              <button type="button" class="quiet" @click=${a.back}>${t('team.room.back')}</button>`
      }
    </header>
    <p class="room-status" role="status">
      ${s.error ?? (s.updatedAt ? t('team.room.updated', { at: new Date(s.updatedAt).toLocaleTimeString(lang) }) : '')}
      ${room && room.session.mode === 'training' ? html` · ${t('team.room.noRanking')}` : nothing}
    </p>
    ${s.exportError ? html`<p class="notice" role="alert">${s.exportError}</p>` : nothing}
    ${
      ctx
        ? html`<div class="room-body" tabindex="0" aria-label=${t('team.room.tables')}>
            ${roster(ctx, a)} ${callTables(ctx)} ${steps(ctx)}
          </div>`
        : nothing
    }
    ${ctx && !s.projector ? detail(ctx, a) : nothing}
  </div>`;
}
