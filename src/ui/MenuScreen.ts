// The menu: language, mode, sound, the calls with their best result, and the past results.
import type { i18n } from 'i18next';
import type { LoadedScenario } from '../content/load.ts';
import { PERSONAS, type ScenarioModel } from '../engine/model.ts';
import type { Mode } from '../engine/types.ts';
import type { AudioSettings } from '../ports/audio.ts';
import type { InProgress, ResultRecord, StorageNotice } from '../ports/storage.ts';
import { el } from './dom.ts';
import { matches, progress, standings, trainingOrder, type LibraryFilter } from './library.ts';
import type { Pace } from '../session/call-session.ts';

export type MenuModel = {
  readonly calls: readonly LoadedScenario[];
  readonly results: readonly ResultRecord[];
  readonly lang: 'fr' | 'en';
  readonly mode: Mode;
  readonly sound: AudioSettings;
  readonly notices: readonly StorageNotice[];
  readonly inProgress: InProgress | null;
  readonly pace: Pace;
  readonly filter: LibraryFilter;
};

export type MenuActions = {
  readonly play: (sc: ScenarioModel) => void;
  readonly setLang: (lang: 'fr' | 'en') => void;
  readonly setMode: (mode: Mode) => void;
  readonly setPace: (pace: Pace) => void;
  readonly setFilter: (filter: LibraryFilter) => void;
  readonly setSound: (s: Partial<AudioSettings>) => void;
  readonly exportResults: () => void;
  readonly openResult: (r: ResultRecord) => void;
  readonly resume: () => void;
  readonly abandon: () => void;
  readonly help: () => void;
};

export function renderMenu(overlay: HTMLElement, i18n: i18n, m: MenuModel, a: MenuActions): void {
  const t = i18n.t.bind(i18n);
  const standing = standings(m.results);
  const radio = (mode: Mode): HTMLElement => el('label', { class: 'radio' },
    el('input', { type: 'radio', name: 'mode', value: mode, checked: m.mode === mode || undefined, onchange: () => a.setMode(mode) }), ` ${t(`menu.${mode}`)}`);
  const lang = el('select', { id: 'lang', onchange: (e) => a.setLang((e.target as HTMLSelectElement).value as 'fr' | 'en') },
    el('option', { value: 'fr', selected: m.lang === 'fr' || undefined }, 'Français'), el('option', { value: 'en', selected: m.lang === 'en' || undefined }, 'English'));
  const library = trainingOrder(m.calls.flatMap((c) => (c.model ? [c.model] : [])));
  const shown = library.filter((sc) => matches(sc, m.filter));
  const calls = shown.map((sc) => {
    const title = t(`${sc.ns}:title`);
    const s = standing.get(sc.id);
    return el('li', { class: 'call-card', 'data-call': sc.id },
      el('div', { class: 'call-head' }, el('h3', { text: title }),
        el('span', { class: `persona ${sc.persona}`, text: t(`persona.${sc.persona}`) }),
        el('span', { class: 'difficulty', 'aria-label': t('menu.difficulty', { level: sc.difficulty }), text: '●'.repeat(sc.difficulty) + '○'.repeat(3 - sc.difficulty) })),
      el('p', { class: 'summary', text: t(`${sc.ns}:summary`) }),
      el('p', { class: `best${s?.won ? ' won' : ''}`, text: s?.best == null ? t('menu.notPlayed') : t(s.won ? 'menu.bestWon' : 'menu.best', { score: s.best, count: s.plays }) }),
      el('button', { type: 'button', class: 'play', 'aria-label': `${t('menu.play')} — ${title}`, onclick: () => a.play(sc) }, t('menu.play')));
  });
  const choice = (label: string, pressed: boolean, next: LibraryFilter, key: string): HTMLElement => el('button', {
    type: 'button', class: 'filter', 'aria-pressed': String(pressed), 'data-filter': key, onclick: () => a.setFilter(next) }, label);
  const filters = el('div', { class: 'filters' },
    el('div', { role: 'group', 'aria-label': t('menu.filterPersona') }, el('span', { class: 'filter-label', text: t('menu.filterPersona') }),
      choice(t('menu.all'), m.filter.persona === 'all', { ...m.filter, persona: 'all' }, 'persona-all'),
      ...PERSONAS.map((p) => choice(t(`persona.${p}`), m.filter.persona === p, { ...m.filter, persona: p }, `persona-${p}`))),
    el('div', { role: 'group', 'aria-label': t('menu.filterDifficulty') }, el('span', { class: 'filter-label', text: t('menu.filterDifficulty') }),
      choice(t('menu.all'), m.filter.difficulty === 0, { ...m.filter, difficulty: 0 }, 'difficulty-0'),
      ...([1, 2, 3] as const).map((d) => el('button', { type: 'button', class: 'filter', 'aria-pressed': String(m.filter.difficulty === d), 'data-filter': `difficulty-${d}`,
        'aria-label': t('menu.difficulty', { level: d }), onclick: () => a.setFilter({ ...m.filter, difficulty: d }) }, '●'.repeat(d)))));
  const done = progress(library, m.results);
  const results = [...m.results].sort((x, y) => y.finishedAt.localeCompare(x.finishedAt)).slice(0, 12).map((r) => el('li', { class: 'result' },
    el('button', { type: 'button', class: 'quiet', onclick: () => a.openResult(r) },
      `${new Date(r.finishedAt).toLocaleString(m.lang)} — ${t(`${r.scenario}:title`)} — ${t(`outcome.${r.summary.outcome}`)} — ${r.summary.total}/100`)));
  const sound = el('div', { class: 'sound' },
    el('label', {}, `${t('menu.volume')} `, el('input', { type: 'range', min: 0, max: 100, value: Math.round(m.sound.volume * 100),
      onchange: (e) => a.setSound({ volume: Number((e.target as HTMLInputElement).value) / 100 }) })),
    el('label', {}, el('input', { type: 'checkbox', checked: m.sound.muted || undefined, onchange: (e) => a.setSound({ muted: (e.target as HTMLInputElement).checked }) }), ` ${t('menu.mute')}`),
    el('label', {}, el('input', { type: 'checkbox', checked: m.sound.speech || undefined, onchange: (e) => a.setSound({ speech: (e.target as HTMLInputElement).checked }) }), ` ${t('menu.speech')}`));
  overlay.replaceChildren(el('div', { class: 'menu panel' },
    el('header', { class: 'menu-head' }, el('h1', { text: t('app.title') }), el('p', { class: 'tagline', text: t('app.tagline') })),
    ...m.notices.map((n) => el('p', { class: 'notice', role: 'alert', text: t(n.key, n.params) })),
    m.inProgress ? el('div', { class: 'resume', role: 'alertdialog', 'aria-label': t('menu.resumeTitle') },
      el('p', { text: t('menu.resumeText', { title: t(`${m.inProgress.log.scenario}:title`) }) }),
      el('button', { type: 'button', 'data-action': 'resume', onclick: () => a.resume() }, t('menu.resume')),
      el('button', { type: 'button', class: 'quiet', 'data-action': 'abandon', onclick: () => a.abandon() }, t('menu.abandon'))) : null,
    el('div', { class: 'menu-body' },
      el('section', { class: 'menu-calls', 'aria-label': t('menu.calls') },
        el('div', { class: 'calls-head' }, el('h2', { text: t('menu.calls') }),
          el('p', { class: 'progress', text: t('menu.progress', { played: done.played, won: done.won, total: done.total }) })),
        filters,
        calls.length ? el('ul', { class: 'call-list' }, ...calls) : el('p', { class: 'no-match', text: t('menu.noMatch') })),
      el('aside', { class: 'menu-side' },
        el('section', { 'aria-label': t('menu.settings') }, el('h2', { text: t('menu.settings') }),
          el('label', { for: 'lang' }, `${t('menu.language')} `), lang,
          el('fieldset', { class: 'mode' }, el('legend', { text: t('menu.mode') }), radio('training'), radio('exam'),
            el('label', { class: 'radio' }, el('input', { type: 'checkbox', checked: m.pace === 'turns' || undefined,
              onchange: (e) => a.setPace((e.target as HTMLInputElement).checked ? 'turns' : 'real') }), ` ${t('menu.turns')}`)), sound,
          el('button', { type: 'button', class: 'quiet', onclick: () => a.help() }, t('help.title'))),
        el('section', { 'aria-label': t('menu.results') }, el('h2', { text: t('menu.results') }),
          results.length ? el('ul', { class: 'results' }, ...results) : el('p', { text: t('menu.noResults') }),
          el('button', { type: 'button', disabled: !m.results.length || undefined, onclick: () => a.exportResults() }, t('menu.export')))))));
}
