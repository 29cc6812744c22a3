// The conversation as it happens: customer, trainee, tools and coaching, announced to screen readers.
import type { i18n } from 'i18next';
import type { EngineEvent } from '../engine/types.ts';
import { el } from './dom.ts';
import { clock, say } from './words.ts';

export type LineKind = 'customer' | 'agent' | 'tool' | 'system' | 'coach';

export class Transcript {
  readonly node: HTMLOListElement;
  private count = 0;

  constructor(private readonly t: i18n['t'], label: string, private readonly customerName: string, private readonly ns: string) {
    this.node = el('ol', { class: 'transcript panel', role: 'log', 'aria-live': 'polite', 'aria-label': label, tabindex: 0 });
  }

  /** Adds the lines these events produce; returns the customer's words, for voice and babble. */
  add(events: readonly EngineEvent[]): string[] {
    const spoken: string[] = [];
    for (const e of events) {
      const line = this.lineOf(e);
      if (!line) continue;
      this.append(line.kind, line.text, e.at, e.type === 'customerSpoke' && this.reveal ? e.until : 0);
      if (line.kind === 'customer') spoken.push(line.text);
    }
    return spoken;
  }

  private lineOf(e: EngineEvent): { kind: LineKind; text: string } | null {
    const t = this.t;
    switch (e.type) {
      case 'customerSpoke': return { kind: 'customer', text: t(e.key) };
      case 'customerPrompted': return { kind: 'customer', text: t(e.key) };
      case 'lineSaid': return { kind: 'agent', text: t(e.key) };
      case 'toolFinished': return e.key ? { kind: 'tool', text: `${t(`tools.${e.tool}`)} — ${t(e.key)}` } : null;
      case 'toolCrashed': return { kind: 'tool', text: t('call.toolCrashed', { tool: t(`tools.${e.tool}`) }) };
      case 'toolFroze': return { kind: 'tool', text: t('call.toolFroze', { tool: t(`tools.${e.tool}`) }) };
      case 'heldCall': return { kind: 'system', text: t(e.asked ? 'call.heldAsked' : 'call.heldSilent') };
      case 'resumedCall': return { kind: 'system', text: t(e.thanked ? 'call.resumedThanked' : 'call.resumed') };
      case 'checkedIn': return { kind: 'system', text: t('call.checkedIn') };
      case 'diagnosed': return { kind: 'system', text: t('call.diagnosed', { diagnosis: t(`${this.ns}:diagnoses.${e.diagnosis}`) }) };
      case 'customerHungUp': return { kind: 'system', text: t('call.customerHungUp', { name: this.customerName }) };
      case 'callEnded': return { kind: 'system', text: t(`outcome.${e.outcome}`) };
      case 'coached': return { kind: 'coach', text: say(t, e.key, e.params) };
      default: return null;
    }
  }

  /**
   * Adds a line. With `until` (call time), the words appear as they are spoken, following the
   * call's clock: at the speed of speech in real time, at once when the trainee skips ahead in
   * step-by-step pace. The full sentence is there from the start for screen readers, in a
   * visually hidden copy.
   */
  append(kind: LineKind, text: string, at: number, until = 0): void {
    const who = kind === 'customer' ? this.customerName : this.t(`speaker.${kind}`);
    const words = el('span', { class: 'words', text });
    const li = el('li', { class: `line ${kind}`, id: `line-${this.count++}`, 'data-at': at },
      el('span', { class: 'who', text: `${who} · ${clock(at)}` }), words);
    if (until > at) {
      words.classList.add('sr-only');
      const shown = el('span', { class: 'words', 'aria-hidden': 'true' });
      li.append(shown);
      this.revealing.push({ shown, text, at, until });
    }
    this.node.append(li);
    li.scrollIntoView?.({ block: 'nearest' });
  }

  /** Shows as much of each line being spoken as has been said by call time `time`. */
  update(time: number): void {
    if (!this.revealing.length) return;
    this.revealing = this.revealing.filter((r) => {
      const n = time >= r.until ? r.text.length : Math.max(0, Math.ceil((r.text.length * (time - r.at)) / (r.until - r.at)));
      if (r.shown.textContent?.length !== n) r.shown.textContent = r.text.slice(0, n);
      return n < r.text.length;
    });
  }

  private revealing: { readonly shown: HTMLElement; readonly text: string; readonly at: number; readonly until: number }[] = [];

  /** Whether customer lines appear word by word (off for reduced motion and for debriefs). */
  reveal = true;

  clear(): void {
    this.node.replaceChildren();
    this.revealing = [];
    this.count = 0;
  }
}
