// Anger and patience: a number, a word and a bar, so they never rely on colour alone.
import type { i18n } from 'i18next';
import { ANGER, PATIENCE } from '../engine/model.ts';
import type { CallState } from '../engine/types.ts';
import { el, setAttr, setText } from './dom.ts';

type Meter = { root: HTMLElement; fill: HTMLElement; value: HTMLElement };

export class Gauges {
  readonly node: HTMLElement;
  private readonly anger: Meter;
  private readonly patience: Meter;

  constructor(private readonly t: i18n['t']) {
    this.anger = this.meter('anger');
    this.patience = this.meter('patience');
    this.node = el('section', { class: 'gauges panel', 'aria-label': t('call.gauges') }, this.anger.root, this.patience.root);
  }

  private meter(kind: 'anger' | 'patience'): Meter {
    const fill = el('span', { class: 'fill' });
    const value = el('span', { class: 'value' });
    const root = el('div', { class: `gauge ${kind}`, role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': 10, 'aria-label': this.t(`call.${kind}`) },
      el('span', { class: 'label', text: this.t(`call.${kind}`) }), el('span', { class: 'bar' }, fill), value);
    return { root, fill, value };
  }

  render(s: CallState): void {
    this.set(this.anger, s.vars[ANGER]!, 'anger');
    this.set(this.patience, s.vars[PATIENCE]!, 'patience');
  }

  private set(m: Meter, v: number, kind: 'anger' | 'patience'): void {
    const level = kind === 'anger' ? (v >= 8 ? 'high' : v >= 5 ? 'mid' : 'low') : (v <= 2 ? 'low' : v <= 5 ? 'mid' : 'high');
    const word = this.t(`gauge.${kind}.${level}`);
    setAttr(m.root, 'aria-valuenow', String(v));
    setAttr(m.root, 'aria-valuetext', `${v}/10, ${word}`);
    setAttr(m.root, 'data-level', level);
    if (m.fill.style.width !== `${v * 10}%`) m.fill.style.width = `${v * 10}%`;
    setText(m.value, `${v}/10 · ${word}`);
  }
}
