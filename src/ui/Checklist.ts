// The process checklist (training mode), known facts, and the latest coaching note.
import type { i18n } from 'i18next';
import { PHASES, type ScenarioModel } from '../engine/model.ts';
import type { CallState, EngineEvent, Mode } from '../engine/types.ts';
import { el } from './dom.ts';
import { say } from './words.ts';

export class Checklist {
  readonly node: HTMLElement;
  private readonly steps = new Map<number, HTMLElement>();
  private readonly facts: HTMLElement;
  private readonly note: HTMLElement;

  constructor(private readonly t: i18n['t'], private readonly sc: ScenarioModel, private readonly mode: Mode) {
    this.facts = el('ul', { class: 'facts' });
    this.note = el('p', { class: 'coach-note', role: 'status', 'aria-live': 'polite' });
    const body: HTMLElement[] = [];
    if (mode === 'training') {
      for (const phase of PHASES) {
        const items = sc.steps.map((st, i) => ({ st, i })).filter(({ st }) => st.phase === phase && st.required && st.weight > 0)
          .map(({ st, i }) => {
            const li = el('li', { class: 'step', 'data-step': st.id, text: t(st.key) });
            this.steps.set(i, li);
            return li;
          });
        body.push(el('h3', { text: t(`phase.${phase}`) }), el('ul', { class: 'steps' }, ...items));
      }
    } else {
      body.push(el('p', { class: 'exam', text: t('call.examNoHelp') }));
    }
    this.node = el('section', { class: 'checklist panel', 'aria-label': t('call.checklist') },
      el('h2', { text: t(mode === 'training' ? 'call.checklist' : 'call.exam') }), ...body,
      el('h3', { text: t('call.facts') }), this.facts, this.note);
  }

  render(s: CallState): void {
    for (const [i, li] of this.steps) {
      const rec = s.steps[i];
      const state = !rec ? 'todo' : rec.inOrder ? 'done' : 'early';
      if (li.dataset.state === state) continue;
      li.dataset.state = state;
      li.setAttribute('aria-label', `${this.t(this.sc.steps[i]!.key)} — ${this.t(`checklist.${state}`)}`);
    }
    const known = this.sc.facts.filter((_, i) => s.facts[i]);
    if (known.length !== this.facts.childElementCount) {
      this.facts.replaceChildren(...known.map((f) => el('li', { text: this.t(`${this.sc.ns}:facts.${f}`) })));
    }
  }

  onEvents(events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.type === 'coached') {
        this.note.textContent = say(this.t, e.key, e.params);
        this.note.dataset.tone = e.tone;
      }
    }
  }
}
