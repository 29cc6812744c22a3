// A finished call's conversation as a template: the same lines the live transcript shows,
// built from the replayed events, with one moment picked from the scorecard or the timeline.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { EngineEvent } from '../engine/types.ts';
import { revealOn } from './focus.ts';
import { clock, say } from './words.ts';

export type LineKind = 'customer' | 'agent' | 'tool' | 'system' | 'coach';
export type Line = { readonly kind: LineKind; readonly text: string; readonly at: number };

/** What a line needs besides its event: the words, and whose call it is. */
export type LineContext = { readonly t: TFunction; readonly ns: string; readonly customerName: string };

/** The transcript line an event produces, or null for events the conversation does not show. */
export function lineOf(e: EngineEvent, c: LineContext): Line | null {
  const t = c.t;
  const line = (kind: LineKind, text: string): Line => ({ kind, text, at: e.at });
  switch (e.type) {
    case 'customerSpoke':
      return line('customer', t(e.key));
    case 'customerPrompted':
      return line('customer', t(e.key));
    case 'lineSaid':
      return line('agent', t(e.key));
    case 'toolFinished':
      return e.key ? line('tool', `${t(`tools.${e.tool}`)} — ${t(e.key)}`) : null;
    case 'toolCrashed':
      return line('tool', t('call.toolCrashed', { tool: t(`tools.${e.tool}`) }));
    case 'toolFroze':
      return line('tool', t('call.toolFroze', { tool: t(`tools.${e.tool}`) }));
    case 'heldCall':
      return line(
        'system',
        !e.asked
          ? t('call.heldSilent')
          : e.tool && e.until !== null
            ? t('call.heldFor', {
                tool: t(`tools.${e.tool}`),
                minutes: Math.max(1, Math.round((e.until - e.at) / 60_000)),
              })
            : t('call.heldAsked'),
      );
    case 'resumedCall':
      return line('system', t(e.thanked ? 'call.resumedThanked' : 'call.resumed'));
    case 'checkedIn':
      return line('system', t('call.checkedIn'));
    case 'diagnosed':
      return line('system', t('call.diagnosed', { diagnosis: t(`${c.ns}:diagnoses.${e.diagnosis}`) }));
    case 'customerHungUp':
      return line('system', t('call.customerHungUp', { name: c.customerName }));
    case 'callEnded':
      return line('system', t(`outcome.${e.outcome}`));
    case 'coached':
      return line('coach', say(t, e.key, e.params));
    default:
      return null;
  }
}

/** The line a picked moment lands on: the first at or after it, else the last one; -1 if none. */
export function pickedIndex(lines: readonly Pick<Line, 'at'>[], at: number | null): number {
  if (at === null || !lines.length) return -1;
  const i = lines.findIndex((l) => l.at >= at);
  return i >= 0 ? i : lines.length - 1;
}

/**
 * A static transcript (not a live region: it is read, not announced). The picked line is
 * highlighted, scrolled into view and focused each time `pickedAt` changes.
 */
export function transcriptView(
  events: readonly EngineEvent[],
  c: LineContext,
  label: string,
  pickedAt: number | null,
): TemplateResult {
  const lines = events.flatMap((e) => lineOf(e, c) ?? []);
  const picked = pickedIndex(lines, pickedAt);
  return html`<ol class="transcript panel" role="log" aria-live="off" aria-label=${label} tabindex="0">
    ${lines.map((l, i) => {
      const who = l.kind === 'customer' ? c.customerName : c.t(`speaker.${l.kind}`);
      const on = i === picked;
      return html`<li
        class="line ${l.kind} ${on ? 'picked' : ''}"
        data-at=${l.at}
        tabindex=${on ? '-1' : nothing}
        ${on ? revealOn(pickedAt) : nothing}
      >
        <span class="who"><bdi>${who}</bdi> · ${clock(l.at)}</span><span class="words">${l.text}</span>
      </li>`;
    })}
  </ol>`;
}
