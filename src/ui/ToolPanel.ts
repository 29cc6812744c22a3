// The seven tool windows' words and buttons, laid over the windows the desk draws: the tool's
// name in the title bar, its status, its last words, and a button that says what a press does
// now and sends what the engine says it sends.
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import type { TFunction } from 'i18next';
import type { ToolAffordance, ToolPress } from '../engine/affordances.ts';
import type { ToolId } from '../engine/model.ts';
import type { LoggedAction } from '../engine/types.ts';
import { toolWindowRect } from '../layout.ts';
import { shortcutOf } from './keymap.ts';
import { place } from './Stage.ts';

/** A tool's last words: its answer (or the notes kept, for the ticket), or its crash message. */
export type ToolNote = { readonly kind: 'answer' | 'crash'; readonly text: string };

/** What each tool last said, kept until the next run or restart. */
export type ToolNotes = Readonly<Partial<Record<ToolId, ToolNote>>>;

/**
 * The words a window shows beside its status: a crash message only while crashed, an answer
 * only while ready, so that the window never says two things at once.
 */
export function shownNote(status: ToolAffordance['status'], note: ToolNote | undefined): string | null {
  if (!note) return null;
  return (note.kind === 'crash' ? status === 'crashed' : status === 'idle') ? note.text : null;
}

/** The tool's button, worded after what a press does now. Once the call is over there is none. */
function pressButton(
  press: ToolPress,
  action: LoggedAction,
  i: number,
  name: string,
  status: string,
  ringing: boolean,
  onPress: (action: LoggedAction) => void,
  t: TFunction,
): TemplateResult {
  const label = t(`call.press.${press}`);
  // The spoken name adds the tool and its state; for a poke, why it will not help.
  const aria = t(`call.pressLabel.${press}`, { press: label, tool: name, status });
  return html`<button
    type="button"
    class="tool-button"
    data-press=${press}
    aria-keyshortcuts=${shortcutOf('tool', i + 1)}
    aria-label=${aria}
    ?disabled=${ringing}
    @click=${() => onPress(action)}
  >
    ${label}
  </button>`;
}

function windowView(
  a: ToolAffordance,
  i: number,
  note: ToolNote | undefined,
  onPress: (action: LoggedAction) => void,
  t: TFunction,
  ringing: boolean,
): TemplateResult {
  const name = t(`tools.${a.id}`);
  const status = t(`toolStatus.${a.status}`);
  const words = shownNote(a.status, note);
  return html`<div
    class="tool-window"
    data-status=${a.status}
    role="group"
    aria-label=${name}
    ${place(toolWindowRect(i))}
  >
    <span class="tool-name">${name}</span><span class="tool-status">${status}</span
    ><span class="tool-result" title=${words ?? nothing}>${words ?? nothing}</span>
    ${a.press && a.action ? pressButton(a.press, a.action, i, name, status, ringing, onPress, t) : nothing}
  </div>`;
}

/** The desk's tool windows, in catalogue order (the affordances' order); nothing to press while the phone rings. */
export function toolsView(
  tools: readonly ToolAffordance[],
  notes: ToolNotes,
  onPress: (action: LoggedAction) => void,
  t: TFunction,
  ringing: boolean,
): TemplateResult {
  return html`<section class="tools" aria-label=${t('call.desk')}>
    ${repeat(
      tools,
      (a) => a.id,
      (a, i) => windowView(a, i, notes[a.id], onPress, t, ringing),
    )}
  </section>`;
}
