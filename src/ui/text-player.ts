// A plain, fully keyboard-operable way to play a call: list, transcript, lines, desk, debrief.
import type { i18n } from 'i18next';
import type { Library } from '../content/bundle.ts';
import type { LoadedScenario } from '../content/load.ts';
import { TOOL_IDS, type ScenarioModel } from '../engine/model.ts';
import type { EngineEvent, Mode } from '../engine/types.ts';
import { clock, el } from './dom.ts';
import { CallSession } from './session.ts';

const present = (...nodes: (HTMLElement | null)[]): HTMLElement[] => nodes.filter((n): n is HTMLElement => n !== null);

export class TextPlayer {
  private session: CallSession | null = null;
  private frame = 0;
  private last = 0;
  private readonly transcript = el('ol', { class: 'transcript', role: 'log', 'aria-live': 'polite', 'aria-label': '' });

  constructor(private readonly root: HTMLElement, private readonly lib: Library, private readonly i18n: i18n) {
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  private t(key: string, params: Record<string, unknown> = {}): string {
    return this.i18n.t(key, params);
  }

  /** The list of calls. */
  menu(): void {
    this.stop();
    const playable = this.lib.calls.filter((c) => c.model);
    const items = playable.map((c) => this.callItem(c));
    const broken = this.lib.calls.filter((c) => !c.model).map((c) => el('li', { text: c.file }));
    this.root.replaceChildren(...present(
      el('header', {}, el('h1', { text: this.t('app.title') }), el('p', { text: this.t('app.tagline') })),
      el('h2', { text: this.t('menu.calls') }),
      el('ul', { class: 'calls' }, ...items),
      broken.length ? el('section', {}, el('h2', { text: this.t('menu.brokenCalls') }), el('ul', {}, ...broken)) : null,
    ));
  }

  private callItem(c: LoadedScenario): HTMLElement {
    const sc = c.model!;
    const title = this.t(`${sc.id}:title`);
    return el('li', { class: 'call' },
      el('h3', { text: title }),
      el('p', { class: 'meta', text: `${this.t(`persona.${sc.persona}`)} · ${this.t('menu.difficulty', { level: sc.difficulty })}` }),
      el('p', { text: this.t(`${sc.id}:summary`) }),
      el('button', { type: 'button', text: `${this.t('menu.play')} : ${title}`, onclick: () => this.play(sc, 1, 'training') }),
    );
  }

  /** Starts a call. */
  play(sc: ScenarioModel, seed: number, mode: Mode): void {
    this.stop();
    const session = new CallSession(sc, seed, mode);
    this.session = session;
    this.transcript.replaceChildren();
    this.transcript.setAttribute('aria-label', this.t('call.transcript'));
    session.subscribe((events) => this.onEvents(events));
    this.render();
    this.last = performance.now();
    const loop = (now: number): void => {
      session.advance(Math.min(250, now - this.last));
      this.last = now;
      this.frame = requestAnimationFrame(loop);
    };
    this.frame = requestAnimationFrame(loop);
  }

  private stop(): void {
    cancelAnimationFrame(this.frame);
    this.session = null;
  }

  private onEvents(events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.type === 'customerSpoke') this.line('customer', this.t(e.key));
      else if (e.type === 'lineSaid') this.line('agent', this.t(e.key));
      else if (e.type === 'customerPrompted') this.line('customer', this.t(e.key));
      else if (e.type === 'toolFinished' && e.key) this.line('tool', `${this.t(`tools.${e.tool}`)} — ${this.t(e.key)}`);
      else if (e.type === 'toolCrashed') this.line('tool', `${this.t(`tools.${e.tool}`)} — ${this.t('toolStatus.crashed')}`);
      else if (e.type === 'coached') this.line('coach', this.t(e.key, { step: e.params.step ? this.t(e.params.step) : '' }));
    }
    this.render();
  }

  private line(who: string, text: string): void {
    this.transcript.append(el('li', { class: who, text }));
    this.transcript.lastElementChild?.scrollIntoView?.({ block: 'nearest' });
  }

  private render(): void {
    const s = this.session;
    if (!s) return;
    const st = s.state;
    const sc = s.sc;
    const choices = st.ended ? [] : s.choices.map((id, i) => el('button', {
      type: 'button', class: 'choice', 'data-key': i + 1, text: `${i + 1}. ${this.t(sc.choices[sc.index.choices.get(id)!]!.key)}`,
      onclick: () => s.act({ type: 'say', choice: id }),
    }));
    const tools = TOOL_IDS.filter((id) => sc.tools[sc.index.tools.get(id)!]!.configured).map((id) => {
      const tool = st.tools[sc.index.tools.get(id)!]!;
      return el('li', {},
        `${this.t(`tools.${id}`)} : ${this.t(`toolStatus.${tool.status}`)} `,
        el('button', { type: 'button', text: tool.status === 'crashed' ? this.t('call.restart') : this.t('call.run'),
          onclick: () => s.act(tool.status === 'crashed' ? { type: 'restartTool', tool: id } : { type: 'runTool', tool: id }) }));
    });
    const controls = st.ended ? [] : [
      st.onHold
        ? el('button', { type: 'button', text: this.t('call.resume'), onclick: () => s.act({ type: 'resume', thank: true }) })
        : el('button', { type: 'button', text: this.t('call.hold'), onclick: () => s.act({ type: 'hold', ask: true }) }),
      st.onHold ? el('button', { type: 'button', text: this.t('call.checkIn'), onclick: () => s.act({ type: 'checkIn' }) }) : null,
      el('button', { type: 'button', text: this.t('call.waitSkip'), onclick: () => s.skipWait() }),
      ...sc.diagnoses.map((d) => el('button', { type: 'button', text: `${this.t('call.diagnose')} : ${this.t(d.key)}`, onclick: () => s.act({ type: 'diagnose', diagnosis: d.id }) })),
      el('button', { type: 'button', text: this.t('call.writeNotes'), onclick: () => s.act({ type: 'writeTicket', notes: sc.ticketNotes.filter((f) => st.facts[f]).map((f) => sc.facts[f]!) }) }),
      el('button', { type: 'button', text: this.t('call.hangUp'), onclick: () => s.act({ type: 'hangUp' }) }),
    ];
    const card = st.ended ? this.debrief() : null;
    this.root.replaceChildren(...present(
      el('header', {}, el('h1', { text: this.t(`${sc.id}:title`) }),
        el('p', { class: 'status', text: `${this.t('call.timer')} ${clock(st.time)} · ${this.t('call.anger')} ${st.vars[0]}/10 · ${this.t('call.patience')} ${st.vars[1]}/10${st.onHold ? ` · ${this.t('call.onHold')}` : ''}` })),
      this.transcript,
      el('section', { 'aria-label': this.t('call.choices') }, el('h2', { text: this.t('call.choices') }), ...choices),
      el('section', { 'aria-label': this.t('call.desk') }, el('h2', { text: this.t('call.desk') }), el('ul', {}, ...tools), ...controls),
      card,
      el('button', { type: 'button', text: this.t('call.back'), onclick: () => this.menu() }),
    ));
  }

  private debrief(): HTMLElement {
    const c = this.session!.scorecard;
    return el('section', { class: 'debrief', 'aria-label': this.t('scorecard.title') },
      el('h2', { text: `${this.t('scorecard.title')} — ${this.t(`outcome.${c.outcome}`)} — ${this.t(c.won ? 'scorecard.won' : 'scorecard.lost')}` }),
      el('p', { text: `${this.t('scorecard.total')} ${c.total} · ${this.t('scorecard.process')} ${c.process} % · ${this.t('scorecard.diagnosis')} ${c.diagnosis.score} · ${this.t('scorecard.calmness')} ${c.calmness} %` }),
      el('ul', {}, ...c.lines.map((l) => el('li', { text: `${this.t(l.key, { ...l.params, step: typeof l.params.step === 'string' ? this.t(l.params.step) : '', at: typeof l.params.at === 'number' ? clock(l.params.at) : '', par: typeof l.params.par === 'number' ? clock(l.params.par) : '' })} — ${this.t(`scorecard.status.${l.status}`)}` }))),
    );
  }

  private onKey(e: KeyboardEvent): void {
    if (!this.session || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number(e.key);
    if (n >= 1 && n <= 9) {
      const id = this.session.choices[n - 1];
      if (id) this.session.act({ type: 'say', choice: id });
    }
  }
}
