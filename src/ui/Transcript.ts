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
      const speaking = e.type === 'customerSpoke' && this.reveal ? e.until - e.at : 0;
      this.append(line.kind, line.text, e.at, speaking);
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
   * Adds a line. With `revealMs`, the words appear as they are spoken (the full sentence is
   * there at once for screen readers, in a visually hidden copy).
   */
  append(kind: LineKind, text: string, at: number, revealMs = 0): void {
    const who = kind === 'customer' ? this.customerName : this.t(`speaker.${kind}`);
    const words = el('span', { class: 'words', text });
    const li = el('li', { class: `line ${kind}`, id: `line-${this.count++}`, 'data-at': at },
      el('span', { class: 'who', text: `${who} · ${clock(at)}` }), words);
    if (revealMs > 0) {
      words.classList.add('sr-only');
      const shown = el('span', { class: 'words', 'aria-hidden': 'true' });
      li.append(shown);
      const start = performance.now();
      const step = (now: number): void => {
        const n = Math.ceil((text.length * (now - start)) / revealMs);
        shown.textContent = text.slice(0, n);
        if (n < text.length && li.isConnected) requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    }
    this.node.append(li);
    li.scrollIntoView?.({ block: 'nearest' });
  }

  /** Whether customer lines appear word by word (off for reduced motion and for debriefs). */
  reveal = true;

  clear(): void {
    this.node.replaceChildren();
    this.count = 0;
  }
}
