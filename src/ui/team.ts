// The team side of the game, when a team server serves it: the trainer's session page and room,
// the trainee's join page and session, and the outbox that takes each session result to the
// server. The App shows its screens and plays its calls; this holds their data and talks to /api/.
import type { TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { ScenarioModel } from '../engine/model.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ImportedCall, ResultRecord } from '../ports/storage.ts';
import type { CallLog } from '../engine/replay.ts';
import { parseLog } from '../engine/save.ts';
import type { ServerInfo, SessionCallPayload, TeamApi } from '../team/api.ts';
import { parseTeamRecord, teamKey, type Membership, type TeamKeyStore, type TrainerKey } from '../team/memberships.ts';
import { randomUuid } from '../team/sha256.ts';
import { Outbox, watchConnectivity, type OutboxItem, type OutboxStore } from '../team/outbox.ts';
import { joinView, sessionView, type JoinActions } from './JoinScreen.ts';
import { roomView, type RoomActions } from './RoomScreen.ts';
import type { RoomScreenState, SessionCall, SessionScreenState, TeamScreen } from './team-state.ts';
import { trainerView, type TrainerActions } from './TrainerScreen.ts';

const ROOM_POLL_MS = 4000;
/** The refusals said in the interface's words; the others are shown as the server words them. */
const TRANSLATED = ['notFound', 'sessionClosed', 'wrongKey', 'missingKey', 'rateLimited', 'network'] as const;
/** Refusals of a session's imported calls: worded here, with the call's id and the checker's messages. */
const IMPORTED: readonly string[] = ['importedRefused', 'importedIdTaken', 'importedTwice'];

/** What the team side keeps in the browser: the outbox and the sessions' keys (IdbStore has both). */
export type TeamStore = OutboxStore & TeamKeyStore;

export type TeamHost = {
  readonly t: () => TFunction;
  readonly lang: () => Lang;
  /** The library's calls in training order. */
  readonly library: () => readonly ScenarioModel[];
  readonly call: (id: string) => ScenarioModel | null;
  /** Shows the team screen (or renders it again). */
  readonly show: () => void;
  /** Renders whatever is on screen again (the outbox changed). */
  readonly invalidate: () => void;
  readonly menu: () => void;
  readonly play: (sc: ScenarioModel, ctx: SessionCall) => void;
  /** Hands the trainer a file. */
  readonly save: (blob: Blob, name: string) => void;
  /** Opens a result's debrief (and its replay); `back` returns from it. */
  readonly debrief: (log: CallLog, back: () => void) => void;
  /** The calls imported in this browser (src/packs): a session that includes one sends its files. */
  readonly imported?: () => readonly ImportedCall[];
  /** Adds a call a session brought with it to the library (for this page). */
  readonly addCall?: (call: SessionCallPayload) => Promise<void>;
};

export class TeamController {
  server: ServerInfo | null = null;
  screen: TeamScreen | null = null;
  readonly outbox: Outbox;
  private records: (Membership | TrainerKey)[] = [];
  private poll = 0;
  private unwatch: () => void = () => {};

  constructor(
    private readonly host: TeamHost,
    private readonly api: TeamApi,
    private readonly store: TeamStore,
    private readonly version: (callId: string) => Promise<string | null>,
  ) {
    this.outbox = new Outbox(
      store,
      (id, token, body) => api.postResult(id, token, body),
      { set: (fn, ms) => window.setTimeout(fn, ms), clear: (h) => window.clearTimeout(h as number) },
      () => host.invalidate(),
    );
  }

  /** Reads this browser's sessions and outbox (sending what waits), and asks whether a team server is there. */
  async start(): Promise<void> {
    const raw = await this.store.listTeam().catch(() => []);
    this.records = raw.flatMap((r) => parseTeamRecord(r) ?? []);
    this.unwatch = watchConnectivity(this.outbox, window);
    void this.outbox.load();
    // Offline (the game reloaded from its service worker), asking would only log a failed request:
    // the server is asked once the network is back.
    if (navigator.onLine === false) {
      window.addEventListener('online', () => void this.probe(), { once: true });
      return;
    }
    await this.probe();
  }

  /** Whether a team server serves this page (the menu offers the team side only then). */
  private async probe(): Promise<void> {
    this.server = await this.api.info();
    if (this.server) this.host.invalidate();
  }

  destroy(): void {
    this.hide();
    this.outbox.stop();
    this.unwatch();
  }

  get memberships(): Membership[] {
    return this.records.filter((r): r is Membership => r.kind === 'trainee');
  }

  get trainerKeys(): TrainerKey[] {
    return this.records.filter((r): r is TrainerKey => r.kind === 'trainer');
  }

  private get t(): TFunction {
    return this.host.t();
  }

  /** The screen leaves the overlay: the room stops polling. */
  hide(): void {
    clearInterval(this.poll);
    this.poll = 0;
  }

  view(): TemplateResult {
    const s = this.screen!;
    const t = this.t;
    switch (s.kind) {
      case 'trainer':
        return trainerView(
          s,
          this.host.library(),
          this.trainerKeys,
          this.trainerActions,
          t,
          this.host.lang(),
          this.importedIds(),
        );
      case 'join':
        return joinView(s, this.memberships, this.joinActions, t);
      case 'session':
        return sessionView(s, this.outbox.list(), this.host.lang(), this.joinActions, t);
      case 'room':
        return roomView(s, this.host.lang(), this.roomActions, t);
    }
  }

  private open(screen: TeamScreen): void {
    this.hide();
    this.screen = screen;
    this.host.show();
  }

  private async keep(r: Membership | TrainerKey): Promise<void> {
    this.records = [...this.records.filter((x) => teamKey(x) !== teamKey(r)), r];
    await this.store.putTeam(teamKey(r), r).catch(() => {});
  }

  // ---- Trainer: create a session, open its room -------------------------------------------

  openTrainer(): void {
    this.open({
      kind: 'trainer',
      draft: {
        name: '',
        calls: [],
        seed: String(1 + Math.floor(Math.random() * 9999)),
        mode: 'training',
        deadline: '',
      },
      busy: false,
      error: null,
      created: null,
      open: { code: '', key: '', error: null },
    });
  }

  private readonly trainerActions: TrainerActions = {
    edit: (patch) => {
      if (this.screen?.kind !== 'trainer') return;
      Object.assign(this.screen.draft, patch);
      this.host.show();
    },
    create: () => void this.create(),
    editOpen: (patch) => {
      if (this.screen?.kind !== 'trainer') return;
      Object.assign(this.screen.open, patch);
      this.host.show();
    },
    openWithKey: () => void this.openWithKey(),
    room: (k) => this.openRoom(k),
    menu: () => this.host.menu(),
    again: () => this.openTrainer(),
  };

  private async create(): Promise<void> {
    const s = this.screen;
    if (s?.kind !== 'trainer' || s.busy) return;
    const d = s.draft;
    const seed = Number(d.seed);
    s.error = !d.name.trim()
      ? this.t('team.trainer.needName')
      : !d.calls.length
        ? this.t('team.trainer.needCalls')
        : !Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1
          ? this.t('team.trainer.badSeed')
          : null;
    if (s.error) return this.host.show();
    s.busy = true;
    this.host.show();
    const deadline = d.deadline ? new Date(d.deadline) : null;
    const imported = (this.host.imported?.() ?? [])
      .filter((c) => d.calls.includes(c.id))
      .map((c) => ({ id: c.id, yaml: c.text, translations: c.translations }));
    const r = await this.api.createSession({
      name: d.name.trim(),
      calls: d.calls,
      seed,
      mode: d.mode,
      ...(imported.length ? { imported, lang: this.host.lang() } : {}),
      ...(deadline && !Number.isNaN(deadline.getTime()) ? { deadline: deadline.toISOString() } : {}),
    });
    s.busy = false;
    if (!r.ok) {
      s.error = this.refusal(r);
      return this.host.show();
    }
    const key: TrainerKey = {
      kind: 'trainer',
      sessionId: r.value.id,
      code: r.value.code,
      name: d.name.trim(),
      trainerKey: r.value.trainerKey,
      joinUrl: r.value.joinUrl,
      createdAt: new Date().toISOString(),
    };
    await this.keep(key);
    s.created = key;
    this.host.show();
  }

  private async openWithKey(): Promise<void> {
    const s = this.screen;
    if (s?.kind !== 'trainer') return;
    const found = await this.api.sessionByCode(s.open.code);
    if (!found.ok) {
      s.open.error = this.refusal(found);
      return this.host.show();
    }
    const key: TrainerKey = {
      kind: 'trainer',
      sessionId: found.value.id,
      code: found.value.code,
      name: found.value.name,
      trainerKey: s.open.key.trim(),
      joinUrl: `${location.origin}/?join=${found.value.code}`,
      createdAt: new Date().toISOString(),
    };
    const room = await this.api.room(key.sessionId, key.trainerKey);
    if (!room.ok) {
      s.open.error = this.refusal(room);
      return this.host.show();
    }
    await this.keep(key);
    this.openRoom(key);
  }

  /** A refusal in the interface's words when it has them, else the server's sentence. */
  private refusal(r: { error: string; message: string; details?: unknown }): string {
    if (IMPORTED.includes(r.error)) {
      // An imported call the server refused: its id and the checker's messages (already in the trainer's language).
      const d = (r.details ?? {}) as { id?: unknown; problems?: unknown };
      const id = typeof d.id === 'string' ? d.id : '';
      const problems = (Array.isArray(d.problems) ? d.problems : []).slice(0, 5).map((p) => {
        const m = (p ?? {}) as { where?: unknown; text?: unknown };
        return [m.where, m.text].filter((x) => typeof x === 'string').join('  ');
      });
      return [this.t(`team.errors.${r.error}`, { id }), ...problems].join('\n');
    }
    return (TRANSLATED as readonly string[]).includes(r.error) ? this.t(`team.errors.${r.error}`) : r.message;
  }

  // ---- The room ---------------------------------------------------------------------------

  openRoom(key: TrainerKey | string): void {
    const k = typeof key === 'string' ? this.trainerKeys.find((x) => x.sessionId === key) : key;
    if (!k) return this.openTrainer();
    const state: RoomScreenState = {
      kind: 'room',
      key: k,
      room: null,
      error: null,
      updatedAt: null,
      projector: false,
      showNames: true,
      detail: null,
      exportError: null,
    };
    this.open(state);
    void this.refresh(state);
    this.poll = window.setInterval(() => void this.refresh(state), ROOM_POLL_MS);
  }

  private async refresh(state: RoomScreenState): Promise<void> {
    const r = await this.api.room(state.key.sessionId, state.key.trainerKey);
    if (r.ok) {
      state.room = r.value;
      state.error = null;
      state.updatedAt = new Date().toISOString();
    } else state.error = r.status === 0 ? this.t('team.room.offline') : this.refusal(r);
    // Not once the room is left for a debrief (the poll is stopped then): it would pull the trainer back.
    if (this.screen === state && this.poll) this.host.show();
  }

  /** A trainee's result opened whole: its debrief and replay, back to the room as it was. */
  private async openResult(resultId: string): Promise<void> {
    const state = this.screen;
    if (state?.kind !== 'room') return;
    const r = await this.api.result(state.key.sessionId, state.key.trainerKey, resultId);
    const log = r.ok ? parseLog(r.value.log) : null;
    if (!log?.ok) {
      state.exportError = !r.ok
        ? r.status === 0
          ? this.t('team.room.offline')
          : this.refusal(r)
        : this.t('team.room.badLog');
      return this.host.show();
    }
    this.hide();
    this.host.debrief(log.value, () => {
      this.screen = state;
      this.host.show();
      void this.refresh(state);
      this.poll = window.setInterval(() => void this.refresh(state), ROOM_POLL_MS);
    });
  }

  private readonly roomActions: RoomActions = {
    projector: (on) => this.patchRoom({ projector: on, showNames: !on }),
    names: (on) => this.patchRoom({ showNames: on }),
    detail: (id) => this.patchRoom({ detail: id }),
    open: (resultId) => void this.openResult(resultId),
    export: (format) => void this.export(format),
    back: () => this.openTrainer(),
  };

  private patchRoom(patch: Partial<RoomScreenState>): void {
    if (this.screen?.kind !== 'room') return;
    Object.assign(this.screen, patch);
    this.host.show();
  }

  private async export(format: 'csv' | 'xlsx'): Promise<void> {
    const s = this.screen;
    if (s?.kind !== 'room') return;
    const r = await this.api.exportFile(s.key.sessionId, s.key.trainerKey, format, this.host.lang());
    s.exportError = r.ok ? null : r.status === 0 ? this.t('team.room.offline') : this.refusal(r);
    if (r.ok) this.host.save(r.value, `hotliner-${s.key.code}.${format}`);
    this.host.show();
  }

  // ---- Trainee: join, play the calls in order ------------------------------------------------

  openJoin(code = ''): void {
    const state = { kind: 'join' as const, code, name: '', found: null, busy: false, error: null };
    this.open(state);
    if (code) void this.lookUp();
  }

  private readonly joinActions: JoinActions = {
    edit: (patch) => {
      if (this.screen?.kind !== 'join') return;
      Object.assign(this.screen, patch);
      this.host.show();
    },
    lookUp: () => void this.lookUp(),
    join: () => void this.join(),
    session: (id) => this.openSession(id),
    play: (index) => this.playNext(index),
    menu: () => this.host.menu(),
  };

  private async lookUp(): Promise<void> {
    const s = this.screen;
    if (s?.kind !== 'join' || !s.code.trim()) return;
    const r = await this.api.sessionByCode(s.code);
    s.found = r.ok ? r.value : null;
    s.error = r.ok ? null : r.status === 0 ? this.t('team.join.offline') : this.refusal(r);
    this.host.show();
  }

  private async join(): Promise<void> {
    const s = this.screen;
    if (s?.kind !== 'join' || s.busy) return;
    if (!s.name.trim()) {
      s.error = this.t('team.join.needName');
      return this.host.show();
    }
    s.busy = true;
    if (!s.found || s.found.code !== s.code.trim().toUpperCase()) await this.lookUp();
    const found = s.found;
    if (!found) {
      s.busy = false;
      return this.host.show();
    }
    const r = await this.api.join(found.id, s.name.trim());
    s.busy = false;
    if (!r.ok) {
      s.error = r.status === 0 ? this.t('team.join.offline') : this.refusal(r);
      return this.host.show();
    }
    const m: Membership = {
      kind: 'trainee',
      session: found,
      traineeId: r.value.traineeId,
      token: r.value.traineeToken,
      name: r.value.name,
      joinedAt: new Date().toISOString(),
    };
    await this.keep(m);
    this.openSession(m.session.id);
  }

  openSession(sessionId: string): void {
    const membership = this.memberships.find((m) => m.session.id === sessionId);
    if (!membership) return this.openJoin();
    const imported = membership.session.calls.filter((c) => c.imported && !this.host.call(c.id)).map((c) => c.id);
    const state: SessionScreenState = { kind: 'session', membership, stale: [], fetching: imported, missing: [] };
    this.open(state);
    void this.sessionCalls(membership.session)
      .then(() => {
        // A call is playable once it is in the library; one the server could not give says so.
        state.fetching = [];
        state.missing = imported.filter((id) => !this.host.call(id));
        if (this.screen === state) this.host.show();
      })
      .then(() =>
        Promise.all(
          membership.session.calls.map(async (c) => ((await this.version(c.id)) === c.contentHash ? [] : [c.id])),
        ),
      )
      .then((stale) => {
        state.stale = stale.flat();
        if (this.screen === state) this.host.show();
      });
  }

  /** The calls imported in this browser: the trainer's picker marks them. */
  private importedIds(): ReadonlySet<string> {
    return new Set((this.host.imported?.() ?? []).map((c) => c.id));
  }

  /** The calls the session brought with it (imported by its trainer), fetched into the library once. */
  private async sessionCalls(session: Membership['session']): Promise<void> {
    const add = this.host.addCall;
    if (!add) return;
    for (const c of session.calls) {
      if (!c.imported || this.host.call(c.id)) continue;
      const r = await this.api.sessionCall(session.id, c.id);
      if (r.ok) await add(r.value).catch(() => undefined);
    }
  }

  /** The session's item for each call, the latest kept (a refused one can be played again). */
  itemsOf(sessionId: string): Map<number, OutboxItem> {
    const out = new Map<number, OutboxItem>();
    for (const i of this.outbox.list()) if (i.sessionId === sessionId) out.set(i.callIndex, i);
    return out;
  }

  private playNext(index: number): void {
    const s = this.screen;
    if (s?.kind !== 'session') return;
    const session = s.membership.session;
    const sc = this.host.call(session.calls[index]?.id ?? '');
    if (!sc) return;
    this.host.play(sc, {
      sessionId: session.id,
      sessionName: session.name,
      index,
      total: session.calls.length,
      seed: session.seed,
      mode: session.mode as SessionCall['mode'],
      resultId: null,
    });
  }

  /** A session call is over: its result goes to the outbox (kept, then sent). */
  async finished(ctx: SessionCall, record: ResultRecord): Promise<void> {
    const m = this.memberships.find((x) => x.session.id === ctx.sessionId);
    const hash = await this.version(record.scenario);
    if (!m || !hash) return;
    ctx.resultId = randomUuid();
    await this.outbox.add({
      resultId: ctx.resultId,
      sessionId: ctx.sessionId,
      token: m.token,
      callIndex: ctx.index,
      scenario: record.scenario,
      contentHash: hash,
      log: record.log,
      createdAt: record.finishedAt,
    });
  }
}
