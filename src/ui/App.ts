// The screens and what moves between them: menu → call → debrief, saves, settings, language.
import type { i18n } from 'i18next';
import type { Library } from '../content/bundle.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { replay, type CallLog } from '../engine/replay.ts';
import type { Mode } from '../engine/types.ts';
import type { AudioPort, AudioSettings } from '../ports/audio.ts';
import type { DeskView } from '../ports/desk-view.ts';
import type { GameStore, InProgress, ResultRecord, ResultSummary, Settings, StorageNotice } from '../ports/storage.ts';
import { CallScreen } from './CallScreen.ts';
import { DebriefScreen } from './DebriefScreen.ts';
import { el } from './dom.ts';
import { ALL_CALLS, type LibraryFilter } from './library.ts';
import { renderMenu } from './MenuScreen.ts';
import { CallSession, type Pace } from '../session/call-session.ts';
import type { Stage } from './Stage.ts';
import { clock } from './words.ts';

const SAVE_EVERY_MS = 3000;

export type AppDeps = {
  readonly stage: Stage;
  readonly lib: Library;
  readonly i18n: i18n;
  readonly store: GameStore;
  readonly audio: AudioPort;
  readonly desk: DeskView | null;
  readonly reducedMotion: boolean;
};

export class App {
  private screen: { destroy(): void } | null = null;
  private settings: Settings;
  private results: ResultRecord[] = [];
  private notices: StorageNotice[] = [];
  private inProgress: InProgress | null = null;
  private saveTimer = 0;
  /** Step-by-step pace: the clock waits for the trainee (reading at one's own speed, reviews). */
  private pace: Pace = 'real';
  /** Which calls of the library the menu shows (kept while the app is open). */
  private filter: LibraryFilter = ALL_CALLS;
  private lastCall: string | null = null;
  /** A deep-linked call waiting while the trainee decides about a call cut by a reload. */
  private linked: { sc: ScenarioModel; seed: number; mode: Mode } | null = null;

  constructor(private readonly d: AppDeps) {
    this.settings = d.store.loadSettings();
  }

  get lang(): 'fr' | 'en' {
    return this.d.i18n.language === 'fr' ? 'fr' : 'en';
  }

  /** Opens storage, then the deep-linked call, or the menu (offering to resume a cut call). */
  async start(params: URLSearchParams): Promise<void> {
    this.notices = await this.d.store.open();
    this.results = await this.d.store.listResults();
    this.inProgress = await this.d.store.loadInProgress();
    if (params.get('pace') === 'turns') this.pace = 'turns';
    const call = this.call(params.get('scenario'));
    const mode = params.get('mode') === 'exam' ? 'exam' : params.get('mode') === 'training' ? 'training' : this.settings.mode;
    if (call && !this.inProgress) this.play(call, Number(params.get('seed')) || 1, mode);
    else {
      // Never overwrite a cut call silently: ask first; abandoning it then opens the link.
      if (call) this.linked = { sc: call, seed: Number(params.get('seed')) || 1, mode };
      this.menu();
    }
  }

  private call(id: string | null): ScenarioModel | null {
    return this.d.lib.calls.find((c) => c.model?.id === id)?.model ?? null;
  }

  /** Back on the menu, the keyboard lands on the call just played (the list may be long). */
  menu(focus = this.lastCall ? `[data-call="${this.lastCall}"] button.play` : 'button.play'): void {
    this.swap(null);
    this.d.desk?.showIdle();
    renderMenu(this.d.stage.overlay, this.d.i18n, {
      calls: this.d.lib.calls, results: this.results, lang: this.lang, mode: this.settings.mode, sound: this.d.audio.settings, pace: this.pace,
      filter: this.filter, notices: this.notices, inProgress: this.inProgress,
    }, {
      play: (sc) => this.play(sc, Math.floor(Math.random() * 1_000_000_000) + 1, this.settings.mode),
      setLang: (lang) => void this.setLang(lang),
      setMode: (mode) => this.saveSettings({ mode }),
      setPace: (pace) => {
        this.pace = pace;
      },
      setSound: (s) => this.setSound(s),
      setFilter: (filter) => {
        // Keep the keyboard where it was: on the filter button just pressed.
        const pressed = document.activeElement?.getAttribute('data-filter');
        this.filter = filter;
        this.menu(pressed ? `[data-filter="${pressed}"]` : undefined);
      },
      exportResults: () => void this.exportResults(),
      openResult: (r) => this.debrief(r.log, r.summary),
      resume: () => this.resume(),
      abandon: () => void this.abandon(),
      help: () => this.help(),
    });
    (this.d.stage.overlay.querySelector<HTMLElement>(focus) ?? this.d.stage.overlay.querySelector<HTMLElement>('button.play'))?.focus();
  }

  play(sc: ScenarioModel, seed: number, mode: Mode, from?: CallLog): void {
    this.lastCall = sc.id;
    const restored = from ? replay(sc, from.seed, from.entries, from.mode, from.time) : null;
    const session = new CallSession(sc, seed, mode, restored?.state, from?.entries ?? [], this.pace);
    const save = (): void => {
      if (!session.state.ended) void this.d.store.saveInProgress({ log: session.log, lang: this.lang, savedAt: new Date().toISOString() }).catch(() => {});
    };
    const screen = new CallScreen(this.d.stage.overlay, session, {
      i18n: this.d.i18n, audio: this.d.audio, desk: this.d.desk, reducedMotion: this.d.reducedMotion,
      onAction: save, onEnd: () => void this.finish(session), onLeave: () => this.menu(), onHelp: () => this.help(),
    }, restored?.events ?? null);
    this.swap(screen);
    // A call interrupted before its call was edited: say where the replay parted from it.
    const first = restored?.rejected[0];
    if (from && first) this.showNotice('drift.resumed', { count: restored.rejected.length, at: clock(from.entries[first.index]?.at ?? 0) });
    save();
    this.saveTimer = window.setInterval(save, SAVE_EVERY_MS);
  }

  private resume(): void {
    this.linked = null;
    const p = this.inProgress;
    const sc = p && this.call(p.log.scenario);
    if (!p || !sc) return void this.abandon();
    this.inProgress = null;
    this.play(sc, p.log.seed, p.log.mode, p.log);
  }

  private async abandon(): Promise<void> {
    this.inProgress = null;
    await this.d.store.clearInProgress();
    const linked = this.linked;
    this.linked = null;
    if (linked) this.play(linked.sc, linked.seed, linked.mode);
    else this.menu();
  }

  private async finish(session: CallSession): Promise<void> {
    clearInterval(this.saveTimer);
    const card = session.scorecard;
    const finishedAt = new Date().toISOString();
    const record: ResultRecord = {
      id: `${session.sc.id}-${Date.now().toString(36)}-${session.seed}`, scenario: session.sc.id, lang: this.lang, finishedAt, log: session.log,
      summary: { total: card.total, process: card.process, diagnosis: card.diagnosis.score, calmness: card.calmness, outcome: card.outcome, won: card.won },
    };
    try {
      await this.d.store.addResult(record);
      this.results = [...this.results, record];
      await this.d.store.clearInProgress();
    } catch (e) {
      // The store says why (full, duplicate, invalid, failed); the words are ours, in the trainee's language.
      const code = (e as { code?: string }).code ?? 'failed';
      this.notices = [...this.notices, { key: `storage.write.${code}`, params: {} }];
      this.showNotice(`storage.write.${code}`);
    }
    const link = el('button', { type: 'button', class: 'see-debrief', onclick: () => this.debrief(record.log, record.summary) }, this.d.i18n.t('call.debrief'));
    this.d.stage.overlay.querySelector('.choices')?.append(link);
    link.focus();
  }

  private showNotice(key: string, params: Record<string, string | number> = {}): void {
    this.d.stage.overlay.querySelector('.choices')?.append(el('p', { class: 'notice', role: 'alert', text: this.d.i18n.t(key, params) }));
  }

  debrief(log: CallLog, recorded?: ResultSummary): void {
    const sc = this.call(log.scenario);
    if (!sc) {
      this.menu();
      this.d.stage.overlay.querySelector('.menu-head')?.append(el('p', { class: 'notice', role: 'alert', text: this.d.i18n.t('drift.gone') }));
      return;
    }
    this.swap(null);
    this.d.desk?.showIdle();
    this.swap(new DebriefScreen(this.d.stage.overlay, this.d.i18n, sc, log, {
      onAgain: () => this.play(sc, log.seed, log.mode), onMenu: () => this.menu(),
    }, recorded));
    this.d.stage.overlay.querySelector<HTMLElement>('.debrief h1')?.setAttribute('tabindex', '-1');
    this.d.stage.overlay.querySelector<HTMLElement>('.debrief h1')?.focus();
  }

  private swap(next: { destroy(): void } | null): void {
    clearInterval(this.saveTimer);
    this.screen?.destroy();
    this.screen = next;
  }

  private async setLang(lang: 'fr' | 'en'): Promise<void> {
    await this.d.i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.title = this.d.i18n.t('app.title');
    this.saveSettings({ lang });
    this.menu();
    this.d.stage.overlay.querySelector<HTMLElement>('#lang')?.focus();
  }

  private saveSettings(patch: Partial<Settings>): void {
    this.settings = { ...this.settings, ...patch };
    this.d.store.saveSettings(this.settings);
  }

  private setSound(s: Partial<AudioSettings>): void {
    this.d.audio.configure(s);
    this.d.audio.unlock();
    this.saveSettings(s);
  }

  private async exportResults(): Promise<void> {
    const json = await this.d.store.exportResults();
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const a = el('a', { href: url, download: `hotliner-results-${new Date().toISOString().slice(0, 10)}.json` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private help(): void {
    const t = this.d.i18n.t.bind(this.d.i18n);
    const keys = ['pickUp', 'choices', 'tools', 'hold', 'checkIn', 'resume', 'diagnose', 'ticket', 'hangUp', 'wait', 'second', 'tenSeconds', 'help'];
    const dialog = el('dialog', { class: 'dialog help', 'aria-label': t('help.title') },
      el('h2', { text: t('help.title') }),
      el('dl', {}, ...keys.flatMap((k) => [el('dt', { text: t(`help.keys.${k}`) }), el('dd', { text: t(`help.does.${k}`) })])),
      el('button', { type: 'button', onclick: () => dialog.close() }, t('call.close')));
    dialog.addEventListener('close', () => dialog.remove());
    this.d.stage.overlay.append(dialog);
    dialog.showModal();
  }
}
