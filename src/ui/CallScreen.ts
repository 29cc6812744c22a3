// The call: wires the session to the call view, the drawn desk, the sound and the keyboard.
// It keeps only what the screen itself needs (the lines shown so far, the numbers on screen, an
// open form, a warning); what can be done is always the session's affordances.
import type { TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Affordances } from '../engine/affordances.ts';
import type { EngineEvent, LoggedAction } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AudioPort } from '../ports/audio.ts';
import type { DeskScene, DeskView } from '../ports/desk-view.ts';
import type { CallSession, SkipStop } from '../session/call-session.ts';
import { deskScene, playEvents } from './call-effects.ts';
import { keyHandler, type KeyTarget } from './call-keys.ts';
import { EMPTY_RECORD, recordEvents, recordNote, type CallRecord } from './call-record.ts';
import { callView, type CallViewActions } from './CallView.ts';
import { capOf } from './keymap.ts';
import type { CallDialog } from './Controls.ts';
import { assignSlots, type Slots } from './slots.ts';
import { turnNote } from './turn.ts';
import { clock, isolate } from './words.ts';

/** How long a passing word (pause refused in an exam) stays on screen, in ms. */
const FLASH_MS = 4000;

/** How the trainee left: the call kept to resume later, abandoned, or over already. */
export type LeaveChoice = 'keep' | 'abandon' | 'done';

export type CallScreenDeps = {
  readonly t: TFunction;
  readonly lang: Lang;
  readonly audio: AudioPort;
  readonly desk: DeskView | null;
  readonly reducedMotion: boolean;
  /** Something on this screen changed: the App renders it again (it alone renders). */
  readonly invalidate: () => void;
  /**
   * After every logged action and every wait the trainee chose (W, a second, ten seconds): the
   * caller saves the call in progress, so a reload resumes where the trainee was, step by step too.
   */
  readonly onAction: () => void;
  readonly onEnd: () => void;
  readonly onLeave: (how: LeaveChoice) => void;
  readonly onHelp: () => void;
  /** A dialog of the App's (the shortcuts) is open: keys belong to it. */
  readonly helpOpen: () => boolean;
};

/** What the App adds once the call is over. */
export type CallEnding = {
  readonly notices: readonly string[];
  readonly onDebrief: (() => void) | null;
  /** The result as a file, offered when the browser could not keep it. */
  readonly onDownload: (() => void) | null;
};

export class CallScreen implements KeyTarget {
  ringing: boolean;
  dialog: CallDialog | null = null;
  /** The sayable line numbers and the affordances as last rendered: keys act on what the trainee saw. */
  shown: { readonly slots: Slots; readonly affordances: Affordances };
  /** The numbers on screen, of the lines on offer or of the lines coming next (which keep them). */
  private numbers: Slots = [];
  /** What the last skip stopped short of, shown until that moment passes or the trainee acts. */
  private warning: { readonly text: string; readonly until: number } | null = null;
  /** A passing word (e.g. pause refused in an exam), shown until `until` (wall clock). */
  private flash: { readonly text: string; readonly until: number } | null = null;
  private flashTimer = 0;
  /** The transcript, the tools' last words and the coaching so far. */
  private seen: CallRecord = EMPTY_RECORD;
  private picked: ReadonlySet<string> = new Set();
  /** The category and priority chosen in the ticket form ('' until chosen). */
  private classDraft: { readonly category: string; readonly priority: string } = { category: '', priority: '' };
  private readonly focus: { ring: object | null; lines: object | null } = { ring: null, lines: null };
  private frame = 0;
  private last = 0;
  private ended = false;
  private left = false;
  private keyTimer = 0;
  private readonly onKey: (e: KeyboardEvent) => void;
  private readonly unsubscribe: () => void;
  /** What the view's buttons call (stable functions: the template binds them once). */
  private readonly actions: CallViewActions = {
    pickUp: () => this.pickUp(),
    say: (choice) => this.act({ type: 'say', choice }),
    act: (a) => this.act(a),
    open: (d) => this.open(d),
    close: (d) => this.close(d),
    pick: (fact, on) => this.pick(fact, on),
    classify: (part, id) => this.classify(part, id),
    skipWait: () => this.skipWait(),
    help: () => this.help(),
    leave: () => this.leave(),
    pause: () => this.togglePause(),
    resume: () => this.setPaused(false),
    // A call that ended while the question was open (an exam's clock runs on) has nothing to keep.
    keep: () => this.deps.onLeave(this.session.affordances.ended ? 'done' : 'keep'),
    abandon: () => this.deps.onLeave('abandon'),
  };

  /** `history`: the events of a resumed call so far (its transcript); null for a new call, which rings first. */
  constructor(
    readonly session: CallSession,
    private readonly deps: CallScreenDeps,
    history: readonly EngineEvent[] | null,
  ) {
    this.ringing = history === null;
    this.shown = { slots: [], affordances: session.affordances };
    if (history) {
      this.record(history, false);
      this.seen = recordNote(this.seen, deps.t('call.resumedCall'), session.state.time);
    }
    this.unsubscribe = session.subscribe((events) => this.onEvents(events));
    this.onKey = keyHandler(this);
    // Listen from the next task on: the key that opened this screen must not also pick up.
    this.keyTimer = window.setTimeout(() => document.addEventListener('keydown', this.onKey), 0);
    if (this.ringing) {
      deps.audio.startLoop('ring');
      this.focus.ring = {};
    } else {
      this.startLoop();
      this.focus.lines = {};
    }
    deps.desk?.render(this.scene());
  }

  pickUp(): void {
    if (!this.ringing) return;
    this.ringing = false;
    this.deps.audio.unlock();
    this.deps.audio.stopLoop('ring');
    this.deps.audio.play('pickup');
    this.focus.lines = {};
    this.startLoop();
    this.deps.desk?.render(this.scene());
    this.changed();
  }

  /** Paused by the trainee (the clock also stands still while the Leave question is open, without the pause screen). */
  get paused(): boolean {
    return this.session.paused && this.dialog !== 'leave';
  }

  /** Sends an action to the call; a refusal is heard (the error beep), an accepted one saved. */
  act(a: LoggedAction): void {
    if (this.ringing || this.left || this.session.paused) return;
    this.warning = null;
    const events = this.session.act(a);
    if (events.some((e) => e.type === 'rejected')) this.refuse();
    else this.deps.onAction();
  }

  refuse(): void {
    this.deps.audio.play('error');
  }

  open(dialog: CallDialog): void {
    if (this.ringing) return;
    if (dialog === 'ticket') {
      const s = this.session.state;
      this.picked = new Set(s.notes.map((f) => this.session.sc.facts[f]!));
      if (s.ticketClass) this.classDraft = s.ticketClass;
    }
    this.dialog = dialog;
    this.changed();
  }

  close(dialog: CallDialog): void {
    // A late `close` event of a form closed before must not close the one open now.
    if (this.dialog !== dialog) return;
    this.dialog = null;
    // Staying on the call: its clock runs again.
    if (dialog === 'leave') this.session.setPaused(false);
    this.changed();
  }

  /** Leaving a live call asks first (its clock stands still meanwhile, in training); a ringing or ended one just goes. */
  leave(): void {
    if (this.session.affordances.ended) return this.deps.onLeave('done');
    if (this.ringing) return this.deps.onLeave('abandon');
    if (this.session.mode === 'training') this.session.setPaused(true);
    this.open('leave');
  }

  /** A fact ticked or unticked: the ticket's notes are written at once, so nothing is lost on closing. */
  pick(fact: string, on: boolean): void {
    const next = new Set(this.picked);
    if (on) next.add(fact);
    else next.delete(fact);
    this.picked = next;
    const known = this.session.affordances.notable;
    this.act({ type: 'writeTicket', notes: known.filter((f) => next.has(f)) });
    this.changed();
  }

  /** The ticket's category or priority chosen: written once both are (the form keeps a half choice). */
  classify(part: 'category' | 'priority', id: string): void {
    const cls = { ...this.classDraft, [part]: id };
    this.classDraft = cls;
    if (cls.category && cls.priority)
      this.act({ type: 'classifyTicket', category: cls.category, priority: cls.priority });
    this.changed();
  }

  skipWait(): void {
    if (this.ringing) return;
    this.warning = this.warningOf(this.session.skipWait());
    this.deps.onAction();
    this.changed();
  }

  wait(ms: number): void {
    if (this.ringing) return;
    this.session.wait(ms);
    this.deps.onAction();
  }

  togglePause(): void {
    if (this.ringing || this.session.affordances.ended) return;
    this.setPaused(!this.session.paused);
  }

  private setPaused(on: boolean): void {
    if (on === this.session.paused) return;
    if (!this.session.setPaused(on)) return this.notify(this.deps.t('call.pauseExam'));
    if (on) {
      this.deps.audio.stopVoice();
      this.deps.audio.stopLoop('hold');
    } else if (this.session.affordances.onHold) this.deps.audio.startLoop('hold');
    this.changed();
  }

  /** Shows a passing word for a few seconds. */
  private notify(text: string): void {
    this.flash = { text, until: performance.now() + FLASH_MS };
    clearTimeout(this.flashTimer);
    this.flashTimer = window.setTimeout(() => this.changed(), FLASH_MS + 50);
    this.changed();
  }

  /** The words for where a skip stopped short of a complaint. */
  private warningOf(stop: SkipStop): { text: string; until: number } | null {
    if (stop.kind !== 'warned') return null;
    const t = this.deps.t;
    const name = isolate(t(`${this.session.sc.ns}:customer.name`));
    const at = clock(stop.at);
    return { text: t(`call.skipStopped.${stop.reason}`, { name, at, key: capOf('wait') }), until: stop.at };
  }

  help(): void {
    this.deps.onHelp();
  }

  helpOpen(): boolean {
    return this.deps.helpOpen();
  }

  private startLoop(): void {
    this.last = performance.now();
    const loop = (now: number): void => {
      this.session.advance(Math.min(250, now - this.last));
      this.last = now;
      // Step by step the clock stands still, but the desk still animates.
      if (this.session.pace === 'turns') this.deps.desk?.render(this.scene());
      if (!this.ended && !this.left) this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  private onEvents(events: readonly EngineEvent[]): void {
    const spoken = this.record(events, !this.deps.reducedMotion);
    playEvents(this.deps.audio, this.deps.desk, this.session.sc, this.session.state, events, spoken, this.deps.lang);
    this.deps.desk?.render(this.scene());
    if (this.session.affordances.ended && !this.ended) {
      this.ended = true;
      // The Leave question no longer stands once the call is over (its result is being kept).
      if (this.dialog === 'leave') this.dialog = null;
      cancelAnimationFrame(this.frame);
      this.deps.audio.stopLoop('hold');
      this.deps.desk?.flash('hangup');
      this.deps.onEnd();
    }
    this.changed();
  }

  /** Adds what these events show; returns the customer's words among them (for the voice). */
  private record(events: readonly EngineEvent[], reveal: boolean): string[] {
    const t = this.deps.t;
    const sc = this.session.sc;
    const before = this.seen.lines.length;
    this.seen = recordEvents(
      this.seen,
      events,
      { t, ns: sc.ns, customerName: isolate(t(`${sc.ns}:customer.name`)) },
      reveal,
    );
    return this.seen.lines
      .slice(before)
      .filter((l) => l.kind === 'customer')
      .map((l) => l.text);
  }

  private scene(): DeskScene {
    return deskScene(this.session.sc, this.session.state, this.session.affordances, this.ringing);
  }

  private changed(): void {
    if (!this.left) this.deps.invalidate();
  }

  /**
   * The screen now. The line numbers are worked out here, as they are drawn, and kept: the digit
   * keys resolve against this very list, never against one computed at key time.
   */
  view(ending: CallEnding): TemplateResult {
    const aff = this.session.affordances;
    // The lines coming next take the numbers they will have once they can be said.
    const sayable = !this.ringing && aff.lines.length > 0;
    this.numbers = assignSlots(this.numbers, this.ringing ? [] : sayable ? aff.lines : aff.upcoming);
    this.shown = { slots: sayable ? this.numbers : [], affordances: aff };
    if (this.warning && this.session.state.time >= this.warning.until) this.warning = null;
    if (this.flash && performance.now() >= this.flash.until) this.flash = null;
    const t = this.deps.t;
    const name = isolate(t(`${this.session.sc.ns}:customer.name`));
    return callView(
      {
        sc: this.session.sc,
        mode: this.session.mode,
        state: this.session.state,
        affordances: aff,
        ringing: this.ringing,
        lines: this.seen.lines,
        toolNotes: this.seen.notes,
        dialog: this.dialog,
        picked: this.picked,
        classDraft: this.classDraft,
        paused: this.paused,
        flash: this.flash?.text ?? null,
        choices: {
          ringing: this.ringing,
          slots: this.numbers,
          sayable,
          upcomingLabel: t('call.upcoming'),
          turn: this.ringing ? null : turnNote(aff, name, this.session.pace === 'turns', t),
          warning: this.warning?.text ?? null,
          notices: ending.notices,
          onDebrief: ending.onDebrief,
          onDownload: ending.onDownload,
          focus: this.focus,
        },
      },
      this.actions,
      this.deps.t,
    );
  }

  /** Stops this screen's own loop, keys, subscription and sounds. The App renders what comes next. */
  stop(): void {
    this.left = true;
    cancelAnimationFrame(this.frame);
    clearTimeout(this.keyTimer);
    clearTimeout(this.flashTimer);
    document.removeEventListener('keydown', this.onKey);
    this.unsubscribe();
    this.deps.audio.stopLoop('ring');
    this.deps.audio.stopLoop('hold');
    this.deps.audio.stopVoice();
  }
}
