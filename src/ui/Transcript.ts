// The conversation as it happens: customer, trainee, tools and coaching, announced to screen
// readers (role="log"). The words of each line come from the same `lineOf` as the debrief's.
import { html, type TemplateResult } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { EngineEvent } from '../engine/types.ts';
import { lineOf, type Line, type LineContext } from './transcript-view.ts';
import { clock } from './words.ts';

/** A line of the live transcript. `until` > `at`: its words appear as they are spoken, until then. */
export type LiveLine = Line & { readonly id: number; readonly until: number };

/**
 * The lines these events add, numbered from `firstId`. With `reveal`, a customer's words are
 * spoken over time (off for a resumed call's past and for reduced motion).
 */
export function liveLines(
  events: readonly EngineEvent[],
  c: LineContext,
  firstId: number,
  reveal: boolean,
): LiveLine[] {
  const out: LiveLine[] = [];
  for (const e of events) {
    const line = lineOf(e, c);
    if (line)
      out.push({ ...line, id: firstId + out.length, until: reveal && e.type === 'customerSpoke' ? e.until : 0 });
  }
  return out;
}

/** How much of a line being spoken is said by call time `time`: a share of its characters. */
export function shownPart(l: LiveLine, time: number): string {
  if (time >= l.until) return l.text;
  const n = Math.max(0, Math.ceil((l.text.length * (time - l.at)) / (l.until - l.at)));
  return l.text.slice(0, n);
}

// A new line is brought into view once it is on the page (a stable callback: called once per line).
const follow = (el: Element | undefined): void => {
  if (el) queueMicrotask(() => el.isConnected && el.scrollIntoView?.({ block: 'nearest' }));
};

function lineView(l: LiveLine, time: number, c: LineContext): TemplateResult {
  const who = l.kind === 'customer' ? c.customerName : c.t(`speaker.${l.kind}`);
  // A line spoken over time keeps the whole sentence for screen readers from the start, in a
  // visually hidden copy; the copy on screen is hidden from them. The shape never changes, so
  // the log announces each line once.
  const words =
    l.until > l.at
      ? html`<span class="words sr-only">${l.text}</span
          ><span class="words" aria-hidden="true">${shownPart(l, time)}</span>`
      : html`<span class="words">${l.text}</span>`;
  return html`<li class="line ${l.kind}" data-at=${l.at} ${ref(follow)}>
    <span class="who">${who} · ${clock(l.at)}</span>${words}
  </li>`;
}

/** The live transcript at call time `time`. */
export function liveTranscriptView(
  lines: readonly LiveLine[],
  time: number,
  c: LineContext,
  label: string,
  style: string,
): TemplateResult {
  return html`<ol
    class="transcript panel"
    role="log"
    aria-live="polite"
    aria-label=${label}
    tabindex="0"
    style=${style}
  >
    ${repeat(
      lines,
      (l) => l.id,
      (l) => lineView(l, time, c),
    )}
  </ol>`;
}
