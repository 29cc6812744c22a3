// The call: wires the session to the overlay widgets, the drawn desk and the sound.
import type { i18n } from 'i18next';
import { TOOL_IDS } from '../engine/model.ts';
import type { LoggedAction } from '../engine/replay.ts';
import type { EngineEvent } from '../engine/types.ts';
import type { AudioPort } from '../ports/audio.ts';
import { moodOf, type DeskView } from '../ports/desk-view.ts';
import { Checklist } from './Checklist.ts';
import { Controls } from './Controls.ts';
import { el, setText } from './dom.ts';
import { Gauges } from './Gauges.ts';
import { LAYOUT } from '../layout.ts';
import type { CallSession } from '../session/call-session.ts';
import { place } from './Stage.ts';
import { ToolPanel } from './ToolPanel.ts';
import { Transcript } from './Transcript.ts';
import { clock } from './words.ts';

export type CallScreenDeps = {
  readonly i18n: i18n;
  readonly audio: AudioPort;
  readonly desk: DeskView | null;
  readonly reducedMotion: boolean;
  /** After every logged action: the caller saves the call in progress. */
  readonly onAction: () => void;
  readonly onEnd: () => void;
  readonly onLeave: () => void;
  readonly onHelp: () => void;
};

export class CallScreen {
  private ringing: boolean;
  private frame = 0;
  private last = 0;
  private readonly transcript: Transcript;
  private readonly tools: ToolPanel;
  private readonly controls: Controls;
  private readonly checklist: Checklist;
  private readonly gauges: Gauges;
  private readonly timer = el('span', { class: 'timer', role: 'timer', 'aria-live': 'off' });
  private readonly badge = el('span', { class: 'badge', 'aria-live': 'polite' });
  private readonly choices = el('div', { class: 'choice-list' });
  private readonly pickUp: HTMLButtonElement;
  private readonly onKey = (e: KeyboardEvent): void => this.key(e);
  private ended = false;
  private choiceSignature = '';
  private keyTimer = 0;
  private readonly unsubscribe: () => void;

  /** `history`: the events of a resumed call so far (its transcript); null for a new call, which rings first. */
  constructor(private readonly overlay: HTMLElement, private readonly session: CallSession, private readonly deps: CallScreenDeps, history: readonly EngineEvent[] | null) {
    const t = deps.i18n.t.bind(deps.i18n);
    const sc = session.sc;
    this.ringing = history === null;
    this.transcript = new Transcript(t, t('call.transcript'), t(`${sc.ns}:customer.name`), sc.ns);
    this.transcript.reveal = !deps.reducedMotion;
    this.tools = new ToolPanel(t, (tool, restart) => this.act(restart ? { type: 'restartTool', tool } : { type: 'runTool', tool }));
    this.controls = new Controls(t, sc, (a) => this.act(a), () => this.session.state);
    this.checklist = new Checklist(t, sc, session.mode);
    this.gauges = new Gauges(t);
    this.pickUp = el('button', { type: 'button', class: 'pick-up', 'aria-keyshortcuts': 'Enter', onclick: () => this.answer() },
      t('call.pickUp'), el('kbd', { text: '↵' }));
    const top = el('header', { class: 'top-bar' },
      el('h1', { text: t(`${sc.ns}:title`) }), this.timer, this.badge,
      el('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': 'W', onclick: () => this.session.skipWait() }, t('call.waitSkip'), el('kbd', { text: 'W' })),
      el('button', { type: 'button', class: 'quiet', 'aria-keyshortcuts': '?', onclick: () => deps.onHelp() }, t('help.title'), el('kbd', { text: '?' })),
      el('button', { type: 'button', class: 'quiet', onclick: () => deps.onLeave() }, t('call.leave')));
    overlay.replaceChildren(
      place(top, LAYOUT.topBar), place(this.gauges.node, LAYOUT.gauges), place(this.checklist.node, LAYOUT.checklist),
      place(this.transcript.node, LAYOUT.transcript),
      place(el('section', { class: 'choices panel', 'aria-label': t('call.choices') }, el('h2', { text: t('call.choices') }), this.choices, this.pickUp), LAYOUT.choices),
      this.tools.node, place(this.controls.node, LAYOUT.controls));
    if (history) {
      this.transcript.reveal = false;
      this.transcript.add(history);
      this.transcript.reveal = !deps.reducedMotion;
      this.tools.onEvents(history);
      this.transcript.append('system', t('call.resumedCall'), session.state.time);
    }
    this.unsubscribe = session.subscribe((events) => this.onEvents(events));
    // Listen from the next task on: the key that opened this screen must not also pick up.
    this.keyTimer = window.setTimeout(() => document.addEventListener('keydown', this.onKey), 0);
    if (this.ringing) deps.audio.startLoop('ring');
    else this.startLoop();
    this.render();
    (this.ringing ? this.pickUp : this.choices).focus();
  }

  private answer(): void {
    if (!this.ringing) return;
    this.ringing = false;
    this.deps.audio.unlock();
    this.deps.audio.stopLoop('ring');
    this.deps.audio.play('pickup');
    this.startLoop();
    this.render();
    (this.choices.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  private startLoop(): void {
    this.last = performance.now();
    const loop = (now: number): void => {
      this.session.advance(Math.min(250, now - this.last));
      this.last = now;
      if (this.session.pace === 'turns') this.deps.desk?.render(this.scene());
      if (!this.ended) this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  private act(a: LoggedAction): void {
    if (this.ringing) return;
    const events = this.session.act(a);
    if (events.some((e) => e.type === 'rejected')) this.deps.audio.play('error');
    else this.deps.onAction();
  }

  private onEvents(events: readonly EngineEvent[]): void {
    if (events.length === 0) return this.render();
    const spoken = this.transcript.add(events);
    this.tools.onEvents(events);
    this.checklist.onEvents(events);
    this.sound(events, spoken);
    this.render();
    if (this.session.state.ended && !this.ended) {
      this.ended = true;
      this.deps.audio.stopLoop('hold');
      this.deps.desk?.flash('hangup');
      this.deps.onEnd();
    }
  }

  private sound(events: readonly EngineEvent[], spoken: readonly string[]): void {
    const { audio, desk, i18n } = this.deps;
    const s = this.session.state;
    const mood = moodOf(s.vars[0]!, s.vars[1]!);
    for (const e of events) {
      if (e.type === 'customerSpoke') audio.babble(this.session.sc.persona, mood, Math.min(4000, e.until - e.at));
      else if (e.type === 'toolCrashed') audio.play('crash'), desk?.flash('crash', e.tool);
      else if (e.type === 'toolFroze') desk?.flash('freeze', e.tool);
      else if (e.type === 'toolRestarted') desk?.flash('restarted', e.tool);
      else if (e.type === 'toolFinished') audio.play('notify'), desk?.flash('finished', e.tool);
      else if (e.type === 'toolPoked') audio.play('error'), desk?.flash('poke', e.tool);
      else if (e.type === 'toolStarted' || e.type === 'ticketWritten') audio.play('typing');
      else if (e.type === 'heldCall') audio.startLoop('hold');
      else if (e.type === 'resumedCall' || e.type === 'customerHungUp') audio.stopLoop('hold');
      else if (e.type === 'callEnded') audio.play('hangup');
    }
    for (const text of spoken) audio.speak(text, i18n.language === 'fr' ? 'fr' : 'en', this.session.sc.persona, mood);
  }

  private scene() {
    const s = this.session.state;
    return {
      persona: this.session.sc.persona, mood: moodOf(s.vars[0]!, s.vars[1]!),
      speaking: s.speech?.who ?? null, onHold: s.onHold, ringing: this.ringing, ended: s.ended !== null, tools: this.tools.looks(s),
    };
  }

  private render(): void {
    const t = this.deps.i18n.t.bind(this.deps.i18n);
    const s = this.session.state;
    const sc = this.session.sc;
    setText(this.timer, clock(s.time));
    this.timer.dataset.ms = String(s.time);
    this.transcript.update(s.time);
    setText(this.badge, this.ringing ? t('call.ringing') : s.ended ? t('call.ended') : s.onHold ? t('call.onHold') : '');
    this.gauges.render(s);
    this.checklist.render(s);
    this.tools.render(s);
    this.controls.render(s);
    this.pickUp.hidden = !this.ringing;
    this.deps.desk?.render(this.scene());
    const ids = this.ringing ? [] : this.session.choices;
    const hint = this.ringing ? '' : s.ended ? t('call.ended') : s.onHold ? t('call.onHoldHint')
      : ids.length === 0 ? t(this.session.pace === 'turns' ? 'call.turnsHint' : 'call.listening') : '';
    // Rebuilt only when what is offered changes: render runs on every tick.
    const signature = `${ids.join('|')}#${hint}`;
    if (signature === this.choiceSignature) return;
    const hadFocus = this.choices.contains(document.activeElement);
    this.choiceSignature = signature;
    this.choices.replaceChildren(...ids.map((id, i) => el('button', {
      type: 'button', class: 'choice', 'data-choice': id, 'aria-keyshortcuts': String(i + 1), onclick: () => this.act({ type: 'say', choice: id }),
    }, el('kbd', { text: String(i + 1) }), el('span', { text: t(sc.choices[sc.index.choices.get(id)!]!.key) }))), ...(hint ? [el('p', { class: 'hint', text: hint })] : []));
    if (hadFocus) (this.choices.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  private key(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || this.controls.dialogOpen) return;
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA')) return;
    if (this.ringing) {
      if (e.key === 'Enter' || e.key === ' ') e.preventDefault(), this.answer();
      return;
    }
    const n = Number(e.key);
    if (e.shiftKey && /^Digit[1-7]$/.test(e.code)) {
      const i = Number(e.code.slice(5)) - 1;
      const tool = this.session.state.tools[i]!;
      e.preventDefault();
      this.act(tool.status === 'crashed' ? { type: 'restartTool', tool: TOOL_IDS[i]! } : { type: 'runTool', tool: TOOL_IDS[i]! });
      return;
    }
    if (n >= 1 && n <= 9) {
      const id = this.session.choices[n - 1];
      if (id) e.preventDefault(), this.act({ type: 'say', choice: id });
      return;
    }
    const map: Record<string, () => void> = {
      h: () => this.act({ type: 'hold', ask: true }), c: () => this.act({ type: 'checkIn' }), r: () => this.act({ type: 'resume', thank: true }),
      d: () => this.controls.openDiagnosis(), t: () => this.controls.openTicket(), x: () => this.act({ type: 'hangUp' }),
      w: () => this.session.skipWait(), '.': () => this.session.wait(1000), '>': () => this.session.wait(10_000),
      '?': () => this.deps.onHelp(),
    };
    const fn = map[e.key.toLowerCase()];
    if (fn) e.preventDefault(), fn();
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.ended = true;
    this.unsubscribe();
    clearTimeout(this.keyTimer);
    document.removeEventListener('keydown', this.onKey);
    this.deps.audio.stopLoop('ring');
    this.deps.audio.stopLoop('hold');
    this.deps.audio.stopVoice();
    this.overlay.replaceChildren();
  }
}
