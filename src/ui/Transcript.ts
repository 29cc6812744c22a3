// The conversation as it happens: customer, trainee, tools and coaching, announced to screen
// readers (role="log") as it is said, and kept scrolled to its newest line. The words of each
// line come from the same `lineOf` as the debrief's.
import { html, noChange, type TemplateResult } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';
import { repeat } from 'lit-html/directives/repeat.js';
import type { EngineEvent } from '../engine/types.ts';
import { lineOf, type Line, type LineContext } from './transcript-view.ts';
import type { Styled } from './Stage.ts';
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

/**
 * The phrases of a sentence, each with its closing punctuation and the space after it: what a
 * screen reader is given at a time, as each is said.
 */
export function phrasesOf(text: string): string[] {
  return text.split(/(?<=[.,;:!?…»)]\s+)(?=\S)/u);
}

/** The phrases said in full once `shown` characters are said (all of them once the line is said). */
export function heardPhrases(text: string, shown: number): string[] {
  const out: string[] = [];
  let end = 0;
  for (const p of phrasesOf(text)) {
    end += p.length;
    if (end > shown && shown < text.length) break;
    out.push(p);
  }
  return out;
}

function lineView(l: LiveLine, time: number, c: LineContext): TemplateResult {
  const who = l.kind === 'customer' ? c.customerName : c.t(`speaker.${l.kind}`);
  // A line spoken over time reaches screen readers phrase by phrase as it is said, in a visually
  // hidden copy (each phrase added to the log is announced once); the letters appearing on
  // screen are hidden from them.
  let words: TemplateResult;
  if (l.until > l.at) {
    const shown = shownPart(l, time);
    words = html`<span class="words sr-only"
        >${heardPhrases(l.text, shown.length).map((p) => html`<span>${p}</span>`)}</span
      ><span class="words" aria-hidden="true">${shown}</span>`;
  } else words = html`<span class="words">${l.text}</span>`;
  // The name isolated (<bdi>): a right-to-left override in it cannot reorder the time after it.
  const head = html`<span class="who"><bdi>${who}</bdi> · ${clock(l.at)}</span>`;
  return html`<li class="line ${l.kind}" data-at=${l.at}>${head}${words}</li>`;
}

/**
 * Keeps a scrolled list on its newest line: a new line always brings it into view; a line
 * growing (words being said) follows only if the reader has not scrolled back up to read.
 */
class FollowEnd extends Directive {
  private el: HTMLElement | null = null;
  private pinned = true;
  private count = -1;
  private size = -1;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('followEnd binds to an element: <ol ${followEnd(n, m)}>');
  }

  render(_count: number, _size: number): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [count, size]: [number, number]): typeof noChange {
    const el = part.element as HTMLElement;
    if (this.el !== el) {
      this.el = el;
      el.addEventListener('scroll', () => {
        this.pinned = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      });
    }
    const added = count !== this.count;
    if ((added || size !== this.size) && (added || this.pinned)) {
      this.pinned = true;
      // After this render has put the lines in the page.
      queueMicrotask(() => {
        el.scrollTop = el.scrollHeight;
      });
    }
    this.count = count;
    this.size = size;
    return noChange;
  }
}

const followEnd = directive(FollowEnd);

/** The live transcript at call time `time`. */
export function liveTranscriptView(
  lines: readonly LiveLine[],
  time: number,
  c: LineContext,
  label: string,
  style: Styled,
): TemplateResult {
  const last = lines.at(-1);
  return html`<ol
    class="transcript live panel"
    role="log"
    aria-live="polite"
    aria-label=${label}
    tabindex="0"
    ${style}
    ${followEnd(lines.length, last ? shownPart(last, time).length : 0)}
  >
    ${repeat(
      lines,
      (l) => l.id,
      (l) => lineView(l, time, c),
    )}
  </ol>`;
}
