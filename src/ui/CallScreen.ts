// The call: wires the session to the call view, the drawn desk, the sound and the keyboard.
// It keeps only what the screen itself needs (the lines shown so far, the numbers on screen, an
// open form); what can be done is always the session's affordances.
import type { TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Affordances } from '../engine/affordances.ts';
import type { EngineEvent, LoggedAction } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AudioPort } from '../ports/audio.ts';
import type { DeskScene, DeskView } from '../ports/desk-view.ts';
import type { CallSession } from '../session/call-session.ts';
import { deskScene, playEvents } from './call-effects.ts';
import { keyHandler, type KeyTarget } from './call-keys.ts';
import { EMPTY_RECORD, recordEvents, recordNote, type CallRecord } from './call-record.ts';
import { callView, type CallViewActions } from './CallView.ts';
import type { CallDialog } from './Controls.ts';
import { assignSlots, type Slots } from './slots.ts';

export type CallScreenDeps = {
  readonly t: TFunction;
  readonly lang: Lang;
  readonly audio: AudioPort;
  readonly desk: DeskView | null;
  readonly reducedMotion: boolean;
  /** Something on this screen changed: the App renders it again (it alone renders). */
  readonly invalidate: () => void;
  /** After every logged action: the caller saves the call in progress. */
  readonly onAction: () => void;
  readonly onEnd: () => void;
  readonly onLeave: () => void;
  readonly onHelp: () => void;
  /** A dialog of the App's (the shortcuts) is open: keys belong to it. */
  readonly helpOpen: () => boolean;
};

/** What the App adds once the call is over. */
export type CallEnding = { readonly notices: readonly string[]; readonly onDebrief: (() => void) | null };

export class CallScreen implements KeyTarget {
  ringing: boolean;
  dialog: CallDialog | null = null;
  /** The line numbers and the affordances as last rendered: keys act on what the trainee saw. */
  shown: { readonly slots: Slots; readonly affordances: Affordances };
  /** The transcript, the tools' last words and the coaching so far. */
  private seen: CallRecord = EMPTY_RECORD;
  private picked: ReadonlySet<string> = new Set();
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
    skipWait: () => this.skipWait(),
    help: () => this.help(),
    leave: () => this.deps.onLeave(),
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

  /** Sends an action to the call; a refusal is heard (the error beep), an accepted one saved. */
  act(a: LoggedAction): void {
    if (this.ringing || this.left) return;
    const events = this.session.act(a);
    if (events.some((e) => e.type === 'rejected')) this.refuse();
    else this.deps.onAction();
  }

  refuse(): void {
    this.deps.audio.play('error');
  }

  open(dialog: CallDialog): void {
    if (this.ringing) return;
    if (dialog === 'ticket') this.picked = new Set(this.session.state.notes.map((f) => this.session.sc.facts[f]!));
    this.dialog = dialog;
    this.changed();
  }

  close(dialog: CallDialog): void {
    // A late `close` event of a form closed before must not close the one open now.
    if (this.dialog !== dialog) return;
    this.dialog = null;
    this.changed();
  }

  pick(fact: string, on: boolean): void {
    const next = new Set(this.picked);
    if (on) next.add(fact);
    else next.delete(fact);
    this.picked = next;
    this.changed();
  }

  skipWait(): void {
    this.session.skipWait();
  }

  wait(ms: number): void {
    this.session.wait(ms);
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
    this.seen = recordEvents(this.seen, events, { t, ns: sc.ns, customerName: t(`${sc.ns}:customer.name`) }, reveal);
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

  /** A word on why no line is offered now, or null. */
  private hint(aff: Affordances): string | null {
    const t = this.deps.t;
    const turns = this.session.pace === 'turns';
    if (this.ringing) return null;
    if (aff.ended) return t('call.ended');
    if (aff.onHold) return t('call.onHoldHint');
    if (aff.talking)
      return turns ? t('call.turnsHint') : t(aff.talking === 'customer' ? 'call.listening' : 'call.speaking');
    return null;
  }

  /**
   * The screen now. The line numbers are worked out here, as they are drawn, and kept: the digit
   * keys resolve against this very list, never against one computed at key time.
   */
  view(ending: CallEnding): TemplateResult {
    const aff = this.session.affordances;
    const slots = assignSlots(this.shown.slots, this.ringing ? [] : aff.lines);
    this.shown = { slots, affordances: aff };
    return callView(
      {
        sc: this.session.sc,
        mode: this.session.mode,
        state: this.session.state,
        affordances: aff,
        ringing: this.ringing,
        lines: this.seen.lines,
        toolNotes: this.seen.notes,
        coach: this.seen.coach,
        dialog: this.dialog,
        picked: this.picked,
        choices: {
          ringing: this.ringing,
          slots,
          hint: this.hint(aff),
          notices: ending.notices,
          onDebrief: ending.onDebrief,
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
    document.removeEventListener('keydown', this.onKey);
    this.unsubscribe();
    this.deps.audio.stopLoop('ring');
    this.deps.audio.stopLoop('hold');
    this.deps.audio.stopVoice();
  }
}
