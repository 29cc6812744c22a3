// The call's keyboard: a key press becomes a command of the key map, acted on against what the
// screen last showed (the numbers of the lines, the tools' buttons, the live controls).
import type { Affordances } from '../engine/affordances.ts';
import type { LoggedAction } from '../engine/types.ts';
import { controlOf, type CallDialog } from './Controls.ts';
import { commandOf, type Command } from './keymap.ts';
import { lineAt, type Slots } from './slots.ts';

const SECOND = 1000;
const TEN_SECONDS = 10_000;
/** Keys that let time pass: they still work while a form is open (step by step, the form must not stop the call). */
const TIME_KEYS: ReadonlySet<Command> = new Set(['wait', 'second', 'tenSeconds']);

/** What the keys need of the call screen. */
export interface KeyTarget {
  readonly ringing: boolean;
  readonly dialog: CallDialog | null;
  /** The clock is paused: the pause overlay has the keyboard. */
  readonly paused: boolean;
  /** As last rendered. */
  readonly shown: { readonly slots: Slots; readonly affordances: Affordances };
  helpOpen(): boolean;
  pickUp(): void;
  act(a: LoggedAction): void;
  open(dialog: CallDialog): void;
  /** A key that does nothing now: the error beep. */
  refuse(): void;
  skipWait(): void;
  wait(ms: number): void;
  help(): void;
  /** Pauses, or resumes a paused call (training only: an exam says it cannot). */
  togglePause(): void;
}

// A ticked box or a pressed button does not take letters: only fields where one types do.
function typing(target: EventTarget | null): boolean {
  const el = target as HTMLInputElement | null;
  if (el?.tagName === 'INPUT') return !['checkbox', 'radio', 'button', 'range'].includes(el.type);
  return el?.tagName === 'SELECT' || el?.tagName === 'TEXTAREA';
}

/** The keydown listener of a call screen. */
export function keyHandler(c: KeyTarget): (e: KeyboardEvent) => void {
  return (e) => {
    if (c.helpOpen() || typing(e.target)) return;
    const pressed = commandOf(e);
    if (!pressed) return;
    const { command, n } = pressed;
    // Paused, P resumes; Escape is the pause dialog's own (it closes it, which resumes).
    if (c.paused) {
      if (command === 'pause' && e.key !== 'Escape') (e.preventDefault(), c.togglePause());
      return;
    }
    // An open form has the keyboard (its own keys, Escape to close it), but time can still pass.
    if (c.dialog && !(c.dialog !== 'leave' && TIME_KEYS.has(command))) return;
    if (command === 'pickUp') {
      // Once picked up, Enter is the focused button's own (it says the focused line).
      if (c.ringing) (e.preventDefault(), c.pickUp());
      return;
    }
    e.preventDefault();
    if (command === 'help') return c.help();
    if (c.ringing) return;
    const aff = c.shown.affordances;
    switch (command) {
      case 'say': {
        // The number as drawn: a line gone in the same instant leaves a gap, and nothing is said.
        const line = lineAt(c.shown.slots, n);
        if (line) c.act({ type: 'say', choice: line });
        else if (c.shown.slots.length) c.refuse();
        return;
      }
      case 'tool': {
        const action = aff.tools[n - 1]?.action;
        return action ? c.act(action) : c.refuse();
      }
      case 'wait':
        return c.skipWait();
      case 'second':
        return c.wait(SECOND);
      case 'tenSeconds':
        return c.wait(TEN_SECONDS);
      case 'pause':
        return c.togglePause();
      default: {
        const control = controlOf(command);
        if (!control) return;
        if (!aff.controls[control.id]) return c.refuse();
        return control.press(c);
      }
    }
  };
}
