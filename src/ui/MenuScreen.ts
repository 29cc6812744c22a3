// The menu: language, mode, sound, the calls with their best result, and the past results.
import { html, nothing, type TemplateResult } from 'lit-html';
import { live } from 'lit-html/directives/live.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { TFunction } from 'i18next';
import type { LoadedScenario } from '../content/load.ts';
import { PERSONAS, type ScenarioModel } from '../engine/model.ts';
import type { Mode } from '../engine/types.ts';
import { LANGS, isLang, type Lang } from '../i18n/lang.ts';
import type { AudioSettings } from '../ports/audio.ts';
import type { InProgressSlot, ResultRecord, StorageNotice } from '../ports/storage.ts';
import type { Pace } from '../session/call-session.ts';
import { focusOnce } from './focus.ts';
import { guidedInvitation, inviteView } from './GuidedInvite.ts';
import { isGuided, LEVELS, matches, progress, standings, trainingOrder, type LibraryFilter } from './library.ts';
import { clock } from './words.ts';

/** Each language named in itself: whoever cannot read the current one still finds theirs. */
const LANG_NAMES = { fr: 'Français', en: 'English' } as const satisfies Record<Lang, string>;
const RECENT_RESULTS = 12;

export type MenuModel = {
  readonly calls: readonly LoadedScenario[];
  readonly results: readonly ResultRecord[];
  readonly lang: Lang;
  readonly mode: Mode;
  readonly sound: AudioSettings;
  readonly notices: readonly StorageNotice[];
  /** The calls cut short, newest first: each is offered for resume. */
  readonly inProgress: readonly InProgressSlot[];
  readonly pace: Pace;
  readonly filter: LibraryFilter;
  /** The newcomer's invitation to the guided call was answered (played or skipped): it is not shown again. */
  readonly guidedSeen: boolean;
  /** The team sessions' entry (join, run a session), when a team server serves the game. */
  readonly team?: TemplateResult | typeof nothing;
  /** Optional: put the keyboard on this call's Play button, once per request object (back from a call). */
  readonly focus?: { readonly call: string } | null;
  /** A new version of the game is ready (src/pwa/update-offer.ts): offered here, never during a call. */
  readonly update?: boolean;
  /** The calls that could not be loaded, with the checker's messages (src/ui/content-errors.ts). */
  readonly contentErrors?: TemplateResult | typeof nothing;
  /** The calls imported from packs (marked, and removable), and the section that imports one (src/ui/imports.ts). */
  readonly imported?: ReadonlySet<string>;
  readonly imports?: TemplateResult | typeof nothing;
};

export type MenuActions = {
  readonly play: (sc: ScenarioModel) => void;
  readonly setLang: (lang: Lang) => void;
  readonly setMode: (mode: Mode) => void;
  readonly setPace: (pace: Pace) => void;
  readonly setFilter: (filter: LibraryFilter) => void;
  readonly setSound: (s: Partial<AudioSettings>) => void;
  readonly exportResults: () => void;
  readonly openResult: (r: ResultRecord) => void;
  /** Resumes (or abandons) the cut call of this slot. */
  readonly resume: (id: string) => void;
  readonly abandon: (id: string) => void;
  readonly help: () => void;
  /** The invitation to the guided call was answered: remembered with the settings. */
  readonly guidedSeen: () => void;
  /** Reloads into the new version. */
  readonly applyUpdate?: () => void;
  /** Asks to remove an imported call (the import section asks to confirm). */
  readonly removeImported?: (id: string) => void;
};

// Inputs are bound with live(): the page shows the model even after an action left it unchanged.
const checked = (e: Event): boolean => (e.target as HTMLInputElement).checked;
const dots = (n: number): string => '●'.repeat(n) + '○'.repeat(3 - n);

/** A call's level as the card shows it: dots, or "guided" (with "start here") for a guided call. */
function level(sc: ScenarioModel, t: TFunction): TemplateResult {
  if (isGuided(sc))
    return html`<span class="difficulty guided" aria-label=${t('menu.difficultyGuided')}>${t('menu.guided')}</span
      ><span class="start-here">${t('menu.startHere')}</span>`;
  return html`<span class="difficulty" aria-label=${t('menu.difficulty', { level: sc.difficulty })}
    >${dots(sc.difficulty)}</span
  >`;
}

function callCard(
  sc: ScenarioModel,
  m: MenuModel,
  a: MenuActions,
  t: TFunction,
  standing: ReturnType<typeof standings>,
): TemplateResult {
  const title = t(`${sc.ns}:title`);
  const s = standing.get(sc.id);
  const best =
    s?.best == null ? t('menu.notPlayed') : t(s.won ? 'menu.bestWon' : 'menu.best', { score: s.best, count: s.plays });
  return html`<li class="call-card ${isGuided(sc) ? 'guided' : ''}" data-call=${sc.id}>
    <div class="call-head">
      <h3>${title}</h3>
      <span class="persona ${sc.persona}">${t(`persona.${sc.persona}`)}</span>${level(sc, t)}
    </div>
    <p class="summary">${t(`${sc.ns}:summary`)}</p>
    <p class="best ${s?.won ? 'won' : ''}">${best}</p>
    ${importedMark(sc, title, m, a, t)}
    <button
      type="button"
      class="play"
      aria-label="${t('menu.play')} — ${title}"
      @click=${() => a.play(sc)}
      ${focusOnce(m.focus?.call === sc.id ? m.focus : null)}
    >
      ${t('menu.play')}
    </button>
  </li>`;
}

/** An imported call's mark and its Remove button. */
function importedMark(
  sc: ScenarioModel,
  title: string,
  m: MenuModel,
  a: MenuActions,
  t: TFunction,
): TemplateResult | typeof nothing {
  const remove = a.removeImported;
  if (!m.imported?.has(sc.id) || !remove) return nothing;
  return html`<p class="imported">
    <span class="badge">${t('imports.badge')}</span>
    <button type="button" class="quiet" aria-label=${t('imports.removeLabel', { title })} @click=${() => remove(sc.id)}>
      ${t('imports.remove')}
    </button>
  </p>`;
}

function filters(f: LibraryFilter, a: MenuActions, t: TFunction): TemplateResult {
  const choice = (label: string, pressed: boolean, next: LibraryFilter, key: string, aria?: string): TemplateResult =>
    html`<button
      type="button"
      class="filter"
      aria-pressed=${String(pressed)}
      aria-label=${aria ?? nothing}
      data-filter=${key}
      @click=${() => a.setFilter(next)}
    >
      ${label}
    </button>`;
  return html`<div class="filters">
    <div role="group" aria-label=${t('menu.filterPersona')}>
      <span class="filter-label">${t('menu.filterPersona')}</span>
      ${choice(t('menu.all'), f.persona === 'all', { ...f, persona: 'all' }, 'persona-all')}
      ${PERSONAS.map((p) => choice(t(`persona.${p}`), f.persona === p, { ...f, persona: p }, `persona-${p}`))}
    </div>
    <div role="group" aria-label=${t('menu.filterDifficulty')}>
      <span class="filter-label">${t('menu.filterDifficulty')}</span>
      ${choice(t('menu.all'), f.difficulty === 'all', { ...f, difficulty: 'all' }, 'difficulty-all')}
      ${LEVELS.map((d) =>
        d === 0
          ? choice(t('menu.guided'), f.difficulty === d, { ...f, difficulty: d }, 'difficulty-0')
          : choice(
              '●'.repeat(d),
              f.difficulty === d,
              { ...f, difficulty: d },
              `difficulty-${d}`,
              t('menu.difficulty', { level: d }),
            ),
      )}
    </div>
  </div>`;
}

function settings(m: MenuModel, a: MenuActions, t: TFunction): TemplateResult {
  const radio = (mode: Mode): TemplateResult =>
    html`<label class="radio"
      ><input
        type="radio"
        name="mode"
        value=${mode}
        .checked=${live(m.mode === mode)}
        @change=${() => a.setMode(mode)}
      />
      ${t(`menu.${mode}`)}</label
    >`;
  const pickLang = (e: Event): void => {
    const v = (e.target as HTMLSelectElement).value;
    if (isLang(v)) a.setLang(v);
  };
  return html`<section aria-label=${t('menu.settings')}>
    <h2>${t('menu.settings')}</h2>
    <label for="lang">${t('menu.language')} </label
    ><select id="lang" @change=${pickLang}>
      ${LANGS.map((l) => html`<option value=${l} .selected=${live(m.lang === l)}>${LANG_NAMES[l]}</option>`)}
    </select>
    <fieldset class="mode">
      <legend>${t('menu.mode')}</legend>
      ${radio('training')}${radio('exam')}
      <label class="radio"
        ><input
          type="checkbox"
          .checked=${live(m.pace === 'turns')}
          @change=${(e: Event) => a.setPace(checked(e) ? 'turns' : 'real')}
        />
        ${t('menu.turns')}</label
      >
    </fieldset>
    <div class="sound">
      <label
        >${t('menu.volume')}
        <input
          type="range"
          min="0"
          max="100"
          .value=${live(String(Math.round(m.sound.volume * 100)))}
          @change=${(e: Event) => a.setSound({ volume: Number((e.target as HTMLInputElement).value) / 100 })}
      /></label>
      <label
        ><input
          type="checkbox"
          .checked=${live(m.sound.muted)}
          @change=${(e: Event) => a.setSound({ muted: checked(e) })}
        />
        ${t('menu.mute')}</label
      >
      <label
        ><input
          type="checkbox"
          .checked=${live(m.sound.speech)}
          @change=${(e: Event) => a.setSound({ speech: checked(e) })}
        />
        ${t('menu.speech')}</label
      >
    </div>
    <button type="button" class="quiet" @click=${() => a.help()}>${t('help.title')}</button>
    <a class="studio-link" href="./studio.html">${t('studio.menuLink')}</a>
  </section>`;
}

function results(m: MenuModel, a: MenuActions, t: TFunction): TemplateResult {
  const recent = [...m.results].sort((x, y) => y.finishedAt.localeCompare(x.finishedAt)).slice(0, RECENT_RESULTS);
  const list = html`<ul class="results">
    ${repeat(
      recent,
      (r) => r.id,
      (r) =>
        html`<li class="result">
          <button type="button" class="quiet" @click=${() => a.openResult(r)}>
            ${new Date(r.finishedAt).toLocaleString(m.lang)} — ${t(`${r.scenario}:title`)} —
            ${t(`outcome.${r.summary.outcome}`)} — ${r.summary.total}/100
          </button>
        </li>`,
    )}
  </ul>`;
  return html`<section aria-label=${t('menu.results')}>
    <h2>${t('menu.results')}</h2>
    ${recent.length ? list : html`<p>${t('menu.noResults')}</p>`}
    <button type="button" ?disabled=${!m.results.length} @click=${() => a.exportResults()}>${t('menu.export')}</button>
  </section>`;
}

/** Each call cut short, newest first, with where it was left: resume it or abandon it (that one alone). */
function resumeOffers(m: MenuModel, a: MenuActions, t: TFunction): TemplateResult | typeof nothing {
  if (!m.inProgress.length) return nothing;
  const offer = (p: InProgressSlot, i: number): TemplateResult => {
    const when = new Date(p.savedAt).toLocaleString(m.lang, { dateStyle: 'short', timeStyle: 'short' });
    return html`<li class="resume-offer" data-call=${p.log.scenario}>
      <p id="resume-${i}">
        ${t('menu.resumeText', { title: t(`${p.log.scenario}:title`) })}
        <span class="resume-when">${t('menu.resumeWhen', { at: clock(p.log.time), when })}</span>
      </p>
      <button type="button" data-action="resume" aria-describedby="resume-${i}" @click=${() => a.resume(p.id)}>
        ${t('menu.resume')}
      </button>
      <button
        type="button"
        class="quiet"
        data-action="abandon"
        aria-describedby="resume-${i}"
        @click=${() => a.abandon(p.id)}
      >
        ${t('menu.abandon')}
      </button>
    </li>`;
  };
  return html`<div class="resume" role="alertdialog" aria-label=${t('menu.resumeTitle')}>
    <ul class="resume-list">
      ${repeat(m.inProgress, (p) => p.id, offer)}
    </ul>
  </div>`;
}

/** The new version, offered between calls: the trainee chooses when to reload. */
function updateOffer(m: MenuModel, a: MenuActions, t: TFunction): TemplateResult | typeof nothing {
  const apply = a.applyUpdate;
  if (!m.update || !apply) return nothing;
  return html`<p class="notice update" role="status">
    ${t('menu.updateReady')} — <button type="button" @click=${() => apply()}>${t('menu.updateReload')}</button>
  </p>`;
}

/** The menu as a template: a function of the model; every change goes through an action. */
export function menuView(m: MenuModel, a: MenuActions, t: TFunction): TemplateResult {
  const library = trainingOrder(m.calls.flatMap((c) => (c.model ? [c.model] : [])));
  const shown = library.filter((sc) => matches(sc, m.filter));
  const standing = standings(m.results);
  const done = progress(library, m.results);
  return html`<div class="menu panel">
    <header class="menu-head">
      <h1>${t('app.title')}</h1>
      <p class="tagline">${t('app.tagline')}</p>
    </header>
    ${m.notices.map((n) => html`<p class="notice" role="alert">${t(n.key, n.params)}</p>`)} ${resumeOffers(m, a, t)}
    ${updateOffer(m, a, t)} ${inviteView(guidedInvitation(library, m.results, m.guidedSeen), a, t)}
    <div class="menu-body">
      <section class="menu-calls" aria-label=${t('menu.calls')}>
        <div class="calls-head">
          <h2>${t('menu.calls')}</h2>
          <p class="progress">${t('menu.progress', { played: done.played, won: done.won, total: done.total })}</p>
        </div>
        ${m.contentErrors ?? nothing} ${filters(m.filter, a, t)}
        ${
          shown.length
            ? html`<ul class="call-list">
                ${repeat(
                  shown,
                  (sc) => sc.id,
                  (sc) => callCard(sc, m, a, t, standing),
                )}
              </ul>`
            : html`<p class="no-match">${t('menu.noMatch')}</p>`
        }
      </section>
      <aside class="menu-side">
        ${settings(m, a, t)}${m.team ?? nothing}${m.imports ?? nothing}${results(m, a, t)}
      </aside>
    </div>
  </div>`;
}
