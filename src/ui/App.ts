// The one owner of the overlay: it alone switches screens and renders them (lit-html), from its
// own data — menu → call → debrief — and keeps saves, settings and the language.
import { html, nothing, render, type TemplateResult } from 'lit-html';
import type { i18n, TFunction } from 'i18next';
import type { ContentData, Library } from '../content/bundle.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { replay, type CallLog } from '../engine/replay.ts';
import type { Mode } from '../engine/types.ts';
import { isLang, type Lang } from '../i18n/lang.ts';
import type { AudioPort, AudioSettings } from '../ports/audio.ts';
import type { DeskView } from '../ports/desk-view.ts';
import type {
  GameStore,
  ImportedCall,
  ImportStore,
  InProgressSlot,
  ResultRecord,
  ResultSummary,
  Settings,
  StorageNotice,
} from '../ports/storage.ts';
import type { LmsPort } from '../lms/port.ts';
import type { UpdateOffer } from '../pwa/update-offer.ts';
import { CallSession, resultOf, type Pace } from '../session/call-session.ts';
import { CallScreen, type LeaveChoice } from './CallScreen.ts';
import { download } from './download.ts';
import { debriefModel, debriefView, type DebriefActions, type DebriefModel } from './DebriefScreen.ts';
import { helpDialog } from './HelpDialog.ts';
import { ALL_CALLS, matches, trainingOrder, type LibraryFilter } from './library.ts';
import { menuView, type MenuActions } from './MenuScreen.ts';
import { holdCall, liveCalls } from './live-calls.ts';
import { downloadResult, newCallId, saver, storeResult } from './saves.ts';
import type { Stage } from './Stage.ts';
import { clock } from './words.ts';
import { TeamApi } from '../team/api.ts';
import { contentVersions } from '../team/versions.ts';
import type { SessionCallPayload } from '../team/api.ts';
import { bundledScenario } from '../content/bundled.ts';
import { contentHash } from '../content/content-hash.ts';
import { TeamController, type TeamStore } from './team.ts';
import type { SessionCall } from './team-state.ts';
import { saveBlob, sessionBanner, teamMenu } from './team-menu.ts';
import type { ImportController } from './imports.ts';
import { brokenFiles, contentErrorsView, linkNotice, loadMessages, type MessageOf } from './content-errors.ts';
import { addCallTexts } from '../i18n/i18n.ts';

const SAVE_EVERY_MS = 3000;
const REPLAY_BEAT_MS = 350;

/** What the first screen needs from the store: its notices, the results, the calls cut short (newest first). */
export type OpenedStore = { notices: StorageNotice[]; results: ResultRecord[]; inProgress: InProgressSlot[] };

/** Opens the store and reads it (started by main.ts alongside the content, before the App exists). */
export async function openStore(store: GameStore): Promise<OpenedStore> {
  const notices = await store.open();
  const [results, slots, live] = await Promise.all([store.listResults(), store.listInProgress(), liveCalls()]);
  // A call being played in another tab is not cut: it is not offered here.
  return { notices, results, inProgress: slots.filter((p) => !live.has(p.id)) };
}

export type AppDeps = {
  readonly stage: Stage;
  /** The library, with the imported calls (replaced when one is imported or removed). */
  lib: Library;
  /** The imported calls as stored (src/packs), already in `lib`. */
  readonly imported?: readonly ImportedCall[];
  readonly i18n: i18n;
  readonly store: GameStore;
  readonly audio: AudioPort;
  readonly desk: DeskView | null;
  readonly reducedMotion: boolean;
  /** The learning platform (SCORM package) that launched the game, if any. */
  readonly lms?: LmsPort | null;
  /** The content file as fetched: the team server's content versions are worked out from it. */
  readonly content?: ContentData;
  /** A new version of the game, offered on the menu only (none without a service worker). */
  readonly updates?: UpdateOffer | null;
};

type CallShown = {
  readonly kind: 'call';
  readonly call: CallScreen;
  notices: string[];
  onDebrief: (() => void) | null;
  /** Offered when the result could not be stored: the result as a file. */
  onDownload: (() => void) | null;
};
type DebriefShown = {
  readonly kind: 'debrief';
  readonly model: DebriefModel;
  readonly actions: DebriefActions;
  shownAt: number | null;
  replayed: number | null;
};
type MenuShown = {
  readonly kind: 'menu';
  readonly focus: { readonly call: string } | null;
  readonly notices: readonly StorageNotice[];
};
type Shown = { readonly kind: 'none' } | MenuShown | CallShown | DebriefShown | { readonly kind: 'team' };

export class App {
  private shown: Shown = { kind: 'none' };
  private helpOpen = false;
  private settings: Settings;
  private results: ResultRecord[] = [];
  private notices: StorageNotice[] = [];
  /** The calls cut short (a reload, a crash, another tab closed, or left to resume), newest first. */
  private inProgress: InProgressSlot[] = [];
  /** Results the store could not keep: listed, offered as a file, and tried again on the way to the menu. */
  private unsaved: ResultRecord[] = [];
  private saveTimer = 0;
  private replayTimer = 0;
  /** Lets go of the call on screen (see live-calls.ts): other tabs may then offer it. */
  private releaseCall: () => void = () => {};
  /** Which calls of the library the menu shows (kept while the app is open). */
  private filter: LibraryFilter = ALL_CALLS;
  private lastCall: string | null = null;
  /** The content versions of the calls team sessions brought with them (fetched from the server). */
  private readonly sessionHashes = new Map<string, string>();
  /** "Import a call" and the imported calls: loaded after the first screen, null until then or where calls cannot be imported. */
  private imports: ImportController | null = null;
  /** A deep-linked call waiting while the trainee decides about a call cut by a reload. */
  private linked: { sc: ScenarioModel; seed: number; mode: Mode; pace: Pace } | null = null;
  /** The checker's sentences, loaded when a call could not be (src/ui/content-errors.ts). */
  private messageOf: MessageOf | null = null;
  private messagesLoading: Promise<void> | null = null;
  /** The team side (sessions, room, outbox): there when the content file is, used when a team server answers. */
  private team: TeamController | null = null;
  /** The session call on screen (its debrief goes back to the session), or null. */
  private sessionCall: SessionCall | null = null;
  /** A link's pace for the session's calls (`&pace=turns`), else the menu's. */
  private sessionPace: Pace | null = null;
  private readonly menuActions: MenuActions = {
    play: (sc) => this.play(sc, Math.floor(Math.random() * 1_000_000_000) + 1, this.settings.mode, this.settings.pace),
    setLang: (lang) => void this.setLang(lang),
    setMode: (mode) => this.saveSettings({ mode }),
    setPace: (pace) => this.saveSettings({ pace }),
    setSound: (s) => this.setSound(s),
    setFilter: (filter) => {
      this.filter = filter;
      this.render();
    },
    exportResults: () => void this.exportResults(),
    openResult: (r) => this.debrief(r.log, r.summary),
    resume: (id) => this.resume(id),
    abandon: (id) => void this.abandon(id),
    help: () => this.setHelp(true),
    guidedSeen: () => this.saveSettings({ guidedSeen: true }),
    applyUpdate: () => this.d.updates?.apply(),
    removeImported: (id) => this.imports?.askRemove(id),
  };
  private readonly closeHelp = (): void => this.setHelp(false);

  constructor(private readonly d: AppDeps) {
    this.settings = d.store.loadSettings();
    void this.loadImports(d);
    // A new version shows on the menu (when it is on screen), never over a call.
    d.updates?.subscribe(() => this.shown.kind === 'menu' && this.render());
  }

  get lang(): Lang {
    return isLang(this.d.i18n.language) ? this.d.i18n.language : 'en';
  }

  private get t(): TFunction {
    return this.d.i18n.t.bind(this.d.i18n);
  }

  /**
   * "Import a call" (src/ui/imports.ts), with a store that keeps imported calls and the content
   * file's playbook: its code is fetched after the first screen (the game's first load stays as it was).
   */
  private async loadImports(d: AppDeps): Promise<void> {
    const store = d.store as Partial<ImportStore>;
    if (!d.content || !store.listImported || !store.putImported || !store.deleteImported) return;
    const ids = new Set((d.imported ?? []).map((c) => c.id));
    const base = { ...d.lib, calls: d.lib.calls.filter((c) => !ids.has(c.doc?.id ?? '')) };
    const { ImportController } = await import('./imports.ts');
    const playbookData = d.content.playbook.data;
    this.imports = new ImportController(
      {
        store: store as ImportStore,
        base,
        playbookData,
        t: () => this.t,
        lang: () => this.lang,
        setLibrary: (lib, added) => {
          this.d.lib = lib;
          const call = added && lib.calls.find((c) => c.doc?.id === added.id);
          if (added && call) addCallTexts(this.d.i18n, call, added.translations);
        },
        invalidate: () => this.shown.kind === 'menu' && this.render(),
      },
      d.imported ?? [],
    );
    if (this.shown.kind === 'menu') this.render();
  }

  /**
   * Opens storage, then the deep-linked call, or the menu (offering to resume a cut call). A
   * link's mode and pace are that call's only: the menu's saved settings stay as they were.
   */
  /** Opens the store (or takes its opening, started earlier: see `openStore`), then the first screen. */
  async start(params: URLSearchParams, opened: Promise<OpenedStore> = openStore(this.d.store)): Promise<void> {
    ({ notices: this.notices, results: this.results, inProgress: this.inProgress } = await opened);
    if (this.startTeam(params)) return;
    const call = this.call(params.get('scenario'));
    const asked = params.get('mode');
    const mode = asked === 'exam' || asked === 'training' ? asked : this.settings.mode;
    const paced = params.get('pace');
    const pace = paced === 'turns' || paced === 'real' ? paced : this.settings.pace;
    const seed = Number(params.get('seed')) || 1;
    // A call the LMS kept unfinished from an earlier launch goes on where it was left.
    const kept = call && this.d.lms?.resumable(call.id, this.lang);
    if (call && kept) return this.play(call, kept.log.seed, kept.log.mode, kept.pace ?? pace, kept);
    if (call && !this.inProgress.length) return this.play(call, seed, mode, pace);
    // A cut call is offered first (a reload of a linked call must find it again); abandoning one opens the link.
    if (call) this.linked = { sc: call, seed, mode, pace };
    // A link to a call that could not be loaded (or to none) says so over the menu.
    const notice = call ? null : linkNotice(this.d.lib.calls, params.get('scenario'));
    this.menu(notice ? [notice] : []);
  }

  /** The menu's calls that could not be loaded; the checker's sentences are fetched the first time one is. */
  private contentErrors(): TemplateResult | typeof nothing {
    const files = brokenFiles(this.d.lib.calls, this.d.lib.diags);
    if (files.length && !this.messageOf)
      this.messagesLoading ??= loadMessages().then(
        (m) => {
          this.messageOf = m;
          if (this.shown.kind === 'menu') this.render();
        },
        () => {},
      );
    return contentErrorsView(files, this.lang, this.t, this.messageOf);
  }

  /**
   * The team side: the outbox sends what waits, and `?join=CODE`, `?trainer` or `?room=ID` open
   * their screen once the team server answers (the menu offers them then). True when a screen opens.
   */
  private startTeam(params: URLSearchParams): boolean {
    const store = this.d.store as Partial<TeamStore>;
    if (!this.d.content || !store.listOutbox || !store.putOutbox || !store.listTeam || !store.putTeam) return false;
    const paced = params.get('pace');
    this.sessionPace = paced === 'turns' || paced === 'real' ? paced : null;
    const team = new TeamController(
      {
        t: () => this.t,
        lang: () => this.lang,
        library: () => trainingOrder(this.d.lib.calls.flatMap((c) => (c.model ? [c.model] : []))),
        call: (id) => this.call(id),
        show: () => (this.shown.kind === 'team' ? this.render() : this.show({ kind: 'team' })),
        invalidate: () => this.shown.kind !== 'none' && this.render(),
        menu: () => this.menu(),
        play: (sc, ctx) => this.play(sc, ctx.seed, ctx.mode, this.sessionPace ?? this.settings.pace, undefined, ctx),
        save: saveBlob,
        debrief: (log, back) => this.debrief(log, undefined, back),
        imported: () => this.imports?.imported ?? this.d.imported ?? [],
        addCall: (call) => this.addSessionCall(call),
      },
      new TeamApi((url, init) => fetch(url, init)),
      store as TeamStore,
      this.versionOf(contentVersions(this.d.content)),
    );
    this.team = team;
    const join = params.get('join');
    const room = params.get('room');
    const wanted = join !== null || room !== null || params.has('trainer');
    void team.start().then(() => {
      if (wanted && !team.server) return this.menu([{ key: 'team.noServer', params: {} }]);
      if (join !== null) team.openJoin(join);
      else if (room) team.openRoom(room);
      else if (params.has('trainer')) team.openTrainer();
      else if (team.server && this.shown.kind === 'menu') this.render();
    });
    return wanted;
  }

  /**
   * A call's content version: the bundled calls' from the content file, an imported call's as
   * stored, a session's own call's as worked out when it was fetched.
   */
  private versionOf(bundled: (id: string) => Promise<string | null>): (id: string) => Promise<string | null> {
    return async (id) =>
      (await bundled(id)) ??
      this.sessionHashes.get(id) ??
      (this.imports?.imported ?? this.d.imported ?? []).find((c) => c.id === id)?.hash ??
      null;
  }

  /** A call a team session brought with it: compiled from its document and added to the library for this page. */
  private async addSessionCall(call: SessionCallPayload): Promise<void> {
    const pb = this.d.lib.playbook;
    if (!pb || !this.d.content || this.call(call.id)) return;
    const loaded = bundledScenario({ file: `scenarios/${call.id}.yaml`, data: call.data }, pb);
    if (!loaded.model) return;
    this.sessionHashes.set(call.id, await contentHash(this.d.content.playbook.data, call.data));
    this.d.lib = { ...this.d.lib, calls: [...this.d.lib.calls, loaded] };
    addCallTexts(this.d.i18n, loaded, call.translations);
  }

  private call(id: string | null): ScenarioModel | null {
    // Matched on the document's id first: only the call asked for is compiled (see bundled.ts).
    return this.d.lib.calls.find((c) => c.doc?.id === id && c.model?.id === id)?.model ?? null;
  }

  /** Renders the screen shown, and the shortcuts dialog over it. The only render into the overlay. */
  private render(): void {
    render(html`${this.view()}${helpDialog(this.helpOpen, this.closeHelp, this.t)}`, this.d.stage.overlay);
  }

  private view(): TemplateResult | typeof nothing {
    const s = this.shown;
    const t = this.t;
    switch (s.kind) {
      case 'none':
        return nothing;
      case 'menu':
        return menuView(
          {
            calls: this.d.lib.calls,
            results: this.results,
            lang: this.lang,
            mode: this.settings.mode,
            sound: this.d.audio.settings,
            pace: this.settings.pace,
            filter: this.filter,
            guidedSeen: this.settings.guidedSeen ?? false,
            notices: [...this.notices, ...s.notices],
            inProgress: this.inProgress,
            focus: s.focus,
            team: teamMenu(this.team, t),
            update: this.d.updates?.ready ?? false,
            imported: this.imports?.ids ?? new Set((this.d.imported ?? []).map((c) => c.id)),
            imports: this.imports?.view() ?? nothing,
            contentErrors: this.contentErrors(),
          },
          this.menuActions,
          t,
        );
      case 'call':
        return html`${s.call.view(s)}${sessionBanner(this.sessionCall, this.team, t)}`;
      case 'team':
        return this.team?.screen ? this.team.view() : nothing;
      case 'debrief':
        return debriefView(s.model, s.actions, t, s.shownAt, s.replayed);
    }
  }

  /** Leaves the screen shown: stops its loops, timers and sounds (its DOM is replaced by the next render). */
  private show(next: Shown): void {
    clearInterval(this.saveTimer);
    clearInterval(this.replayTimer);
    this.releaseCall();
    this.releaseCall = () => {};
    if (this.shown.kind === 'call') this.shown.call.stop();
    if (next.kind !== 'team') this.team?.hide();
    this.shown = next;
    if (next.kind !== 'call') this.d.desk?.showIdle();
    this.render();
  }

  /** Back on the menu, the keyboard lands on the call just played (the list may be long), else the first. */
  menu(notices: readonly StorageNotice[] = []): void {
    this.storeNotices(null);
    void this.retryUnsaved();
    const calls = trainingOrder(this.d.lib.calls.flatMap((c) => (c.model ? [c.model] : []))).filter((sc) =>
      matches(sc, this.filter),
    );
    const call = calls.find((sc) => sc.id === this.lastCall)?.id ?? calls[0]?.id;
    this.show({ kind: 'menu', focus: call ? { call } : null, notices });
  }

  /** Plays a call: a new one in a slot of its own, or one cut short (`from`) in its slot again. */
  play(sc: ScenarioModel, seed: number, mode: Mode, pace: Pace, from?: InProgressSlot, inSession?: SessionCall): void {
    this.lastCall = sc.id;
    this.sessionCall = inSession ?? null;
    const id = from?.id ?? newCallId(sc.id);
    // Being played, it is no longer a call to resume (the other cut calls stay offered).
    this.inProgress = this.inProgress.filter((p) => p.id !== id);
    const restored = from ? replay(sc, from.log.seed, from.log.entries, from.log.mode, from.log.time) : null;
    const session = new CallSession(sc, seed, mode, restored?.state, from?.log.entries ?? [], pace);
    this.d.lms?.callStarted(session);
    const progress = (): InProgressSlot => ({
      id,
      log: session.log,
      lang: this.lang,
      savedAt: new Date().toISOString(),
      pace: session.pace,
    });
    const save = saver(async () => {
      if (!session.affordances.ended) await this.d.store.saveInProgress(id, progress());
    });
    const call = new CallScreen(
      session,
      {
        t: this.t,
        lang: this.lang,
        audio: this.d.audio,
        desk: this.d.desk,
        reducedMotion: this.d.reducedMotion,
        invalidate: () => this.shown === shown && this.render(),
        onAction: () => void save(),
        onEnd: () => void this.finish(shown, id),
        onLeave: (how) => void this.leave(how, progress, save),
        onHelp: () => this.setHelp(true),
        helpOpen: () => this.helpOpen,
      },
      restored?.events ?? null,
    );
    const shown: CallShown = { kind: 'call', call, notices: [], onDebrief: null, onDownload: null };
    // A call interrupted before its call was edited: say where the replay parted from it.
    const first = restored?.rejected[0];
    if (from && first)
      shown.notices.push(
        this.t('drift.resumed', { count: restored.rejected.length, at: clock(from.log.entries[first.index]?.at ?? 0) }),
      );
    this.show(shown);
    this.releaseCall = holdCall(id);
    void save();
    this.saveTimer = window.setInterval(() => void save(), SAVE_EVERY_MS);
  }

  /**
   * Leaves a call for the menu: kept, it is saved as it stands and the menu offers to resume it
   * (this very call); abandoned, it is forgotten; over, its result is already stored.
   */
  private async leave(how: LeaveChoice, progress: () => InProgressSlot, save: () => Promise<void>): Promise<void> {
    clearInterval(this.saveTimer);
    if (how !== 'done') this.d.lms?.callLeft(how === 'keep');
    const p = progress();
    if (how === 'keep') {
      this.inProgress = [p, ...this.inProgress.filter((x) => x.id !== p.id)];
      await save();
    } else if (how === 'abandon') {
      this.inProgress = this.inProgress.filter((x) => x.id !== p.id);
      await this.d.store.clearInProgress(p.id).catch(() => {});
    }
    this.menu();
  }

  private resume(id: string): void {
    this.linked = null;
    const p = this.inProgress.find((x) => x.id === id);
    const sc = p && this.call(p.log.scenario);
    if (!p || !sc) return void this.abandon(id);
    this.play(sc, p.log.seed, p.log.mode, p.pace ?? 'real', p);
  }

  /** Forgets one cut call (its slot alone); a deep link waiting on the question then opens. */
  private async abandon(id: string): Promise<void> {
    this.inProgress = this.inProgress.filter((x) => x.id !== id);
    await this.d.store.clearInProgress(id).catch(() => {});
    const linked = this.linked;
    this.linked = null;
    if (linked) this.play(linked.sc, linked.seed, linked.mode, linked.pace);
    else this.menu();
  }

  /**
   * The call is over: its result is stored, and the call screen offers the debrief. A result the
   * store cannot keep is not lost: it is listed for this session, tried again on the way to the
   * menu, and offered as a file; the trainee is told what happened to the store meanwhile.
   */
  private async finish(shown: CallShown, id: string): Promise<void> {
    clearInterval(this.saveTimer);
    this.d.lms?.callEnded(shown.call.session);
    const record = resultOf(shown.call.session, this.lang, new Date().toISOString());
    // A session call's result goes to the team server through the outbox (kept until acknowledged).
    const ctx = this.sessionCall;
    if (ctx && this.team) await this.team.finished(ctx, record);
    const fate = await storeResult(this.d.store, record);
    if (fate?.code !== 'duplicate') this.results = [...this.results, record];
    if (!fate) await this.d.store.clearInProgress(id).catch(() => {});
    else if (fate.code !== 'duplicate') {
      this.unsaved = [...this.unsaved, record];
      shown.onDownload = () => downloadResult(record);
    }
    this.storeNotices(shown);
    if (fate) {
      // The store says why (full, duplicate, invalid, failed); the words are ours, in the trainee's language.
      const keys = [`storage.write.${fate.code}`, ...(shown.onDownload ? ['storage.keptInMemory'] : [])];
      this.notices = [...this.notices, ...keys.map((key) => ({ key, params: {} }))];
      shown.notices.push(...keys.map((key) => this.t(key)));
    }
    shown.onDebrief = () => this.debrief(record.log, record.summary);
    if (this.shown === shown) this.render();
  }

  /** What happened to the store meanwhile (the database deleted and made again): said on the call and the menu. */
  private storeNotices(shown: CallShown | null): void {
    const news = this.d.store.takeNotices();
    this.notices = [...this.notices, ...news];
    shown?.notices.push(...news.map((n) => this.t(n.key, n.params)));
  }

  /** Tries again to store the results the store could not keep; says so once they are. */
  private async retryUnsaved(): Promise<void> {
    const pending = this.unsaved;
    if (!pending.length) return;
    this.unsaved = [];
    const kept: ResultRecord[] = [];
    for (const r of pending) {
      const fate = await storeResult(this.d.store, r);
      if (fate && fate.code !== 'duplicate') this.unsaved.push(r);
      else kept.push(r);
    }
    if (!kept.length) return;
    // Once none is left unsaved, the warnings about them no longer hold.
    const stale = (n: StorageNotice): boolean =>
      !this.unsaved.length && (n.key.startsWith('storage.write.') || n.key === 'storage.keptInMemory');
    this.notices = [
      ...this.notices.filter((n) => !stale(n)),
      { key: 'storage.savedLater', params: { count: kept.length } },
    ];
    if (this.shown.kind === 'menu') this.render();
  }

  /** A call's debrief; `back` (a trainer's room) replaces the way back to the menu or the session. */
  debrief(log: CallLog, recorded?: ResultSummary, back?: () => void): void {
    const sc = this.call(log.scenario);
    // From a session call's end, the debrief leads back to the session.
    const session = this.shown.kind === 'call' && this.team ? this.sessionCall : null;
    if (!sc) return this.menu([{ key: 'drift.gone', params: {} }]);
    const shown: DebriefShown = {
      kind: 'debrief',
      model: debriefModel(sc, log, recorded, this.d.lib.bestPaths?.get(sc.id) ?? null),
      shownAt: null,
      replayed: null,
      actions: {
        onAgain: () => this.play(sc, log.seed, log.mode, this.settings.pace),
        onMenu: () => (back ? back() : session ? this.team!.openSession(session.sessionId) : this.menu()),
        ...(back && { backKey: 'team.room.backToRoom' }),
        onPick: (at) => {
          shown.shownAt = at;
          this.render();
        },
        onReplay: () => this.replayCall(shown),
      },
    };
    this.show(shown);
  }

  /** Plays the call back in the debrief's transcript: the moments of the call come out one beat at a time. */
  private replayCall(shown: DebriefShown): void {
    clearInterval(this.replayTimer);
    const steps = shown.model.replay.steps;
    let beat = 0;
    shown.replayed = 0;
    shown.shownAt = null;
    this.render();
    this.replayTimer = window.setInterval(() => {
      shown.replayed = steps[beat++] ?? shown.model.replay.events.length;
      if (beat >= steps.length) clearInterval(this.replayTimer);
      if (this.shown === shown) this.render();
    }, REPLAY_BEAT_MS);
  }

  private setHelp(open: boolean): void {
    if (this.helpOpen === open) return;
    this.helpOpen = open;
    this.render();
  }

  private async setLang(lang: Lang): Promise<void> {
    await this.d.i18n.changeLanguage(lang);
    document.documentElement.lang = lang;
    document.title = this.t('app.title');
    this.saveSettings({ lang });
  }

  private saveSettings(patch: Partial<Settings>): void {
    this.settings = { ...this.settings, ...patch };
    this.d.store.saveSettings(this.settings);
    this.render();
  }

  private setSound(s: Partial<AudioSettings>): void {
    this.d.audio.configure(s);
    this.d.audio.unlock();
    this.saveSettings(s);
  }

  private async exportResults(): Promise<void> {
    download(
      await this.d.store.exportResults(),
      'application/json',
      `hotliner-results-${new Date().toISOString().slice(0, 10)}.json`,
    );
  }
}
