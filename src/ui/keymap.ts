// The call's keyboard shortcuts, written once: the key handler, the buttons' aria-keyshortcuts and
// key caps, the shortcuts dialog and (checked by a test) the README's key table all read this map.

export const COMMANDS = [
  'pickUp',
  'say',
  'tool',
  'hold',
  'checkIn',
  'resume',
  'diagnose',
  'ticket',
  'hangUp',
  'wait',
  'second',
  'tenSeconds',
  'pause',
  'help',
] as const;
export type Command = (typeof COMMANDS)[number];

export type Binding = {
  readonly command: Command;
  /** The key as the README writes it: `H`, `1 – 9`, `Shift + 1 – 7`. */
  readonly label: string;
  /** A single key (`KeyboardEvent.key`, case-insensitive), or null for a range of digits. */
  readonly key: string | null;
  /** The digits of a range (`1 – 9`): the n-th line, the n-th tool. */
  readonly digits: number;
  /** Shift is part of the shortcut (it tells tools from lines). */
  readonly shift: boolean;
  /** The cap shown on the button, when it differs from the key. */
  readonly cap?: string;
  /** A second key for the same command (`Escape` for pause), as the README writes it and as `KeyboardEvent.key`. */
  readonly alias?: { readonly label: string; readonly key: string };
};

/** In the order of the shortcuts dialog; the i18n keys are `help.keys.<command>` and `help.does.<command>`. */
export const KEYMAP: readonly Binding[] = [
  { command: 'pickUp', label: 'Enter', key: 'Enter', digits: 0, shift: false, cap: '↵' },
  { command: 'say', label: '1 – 9', key: null, digits: 9, shift: false },
  { command: 'tool', label: 'Shift + 1 – 7', key: null, digits: 7, shift: true },
  { command: 'hold', label: 'H', key: 'h', digits: 0, shift: false },
  { command: 'checkIn', label: 'C', key: 'c', digits: 0, shift: false },
  { command: 'resume', label: 'R', key: 'r', digits: 0, shift: false },
  { command: 'diagnose', label: 'D', key: 'd', digits: 0, shift: false },
  { command: 'ticket', label: 'T', key: 't', digits: 0, shift: false },
  { command: 'hangUp', label: 'X', key: 'x', digits: 0, shift: false },
  { command: 'wait', label: 'W', key: 'w', digits: 0, shift: false },
  { command: 'second', label: '.', key: '.', digits: 0, shift: false },
  { command: 'tenSeconds', label: '>', key: '>', digits: 0, shift: false },
  { command: 'pause', label: 'P', key: 'p', digits: 0, shift: false, alias: { label: 'Esc', key: 'Escape' } },
  { command: 'help', label: '?', key: '?', digits: 0, shift: false },
];

export type KeyPress = Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey'>;
export type Pressed = { readonly command: Command; /** 1-based digit of a range, 0 otherwise. */ readonly n: number };

function binding(command: Command): Binding {
  return KEYMAP.find((b) => b.command === command)!;
}

/**
 * The digit of a key: the physical key (so that an AZERTY keyboard's unshifted `&` key is 1, as
 * printed on it) or the numeric keypad, else the character typed.
 */
function digitOf(e: KeyPress): number {
  const m = /^(?:Digit|Numpad)([1-9])$/.exec(e.code) ?? /^([1-9])$/.exec(e.key);
  return m ? Number(m[1]) : 0;
}

/** The command a key press stands for, or null. Keys with Ctrl, Alt or Meta belong to the browser. */
export function commandOf(e: KeyPress): Pressed | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  const digit = digitOf(e);
  for (const b of KEYMAP) {
    if (b.digits > 0) {
      if (digit >= 1 && digit <= b.digits && e.shiftKey === b.shift && (!b.shift || /^Digit/.test(e.code)))
        return { command: b.command, n: digit };
    } else if (b.key !== null && [b.key, b.alias?.key].some((k) => k?.toLowerCase() === e.key.toLowerCase())) {
      return { command: b.command, n: 0 };
    }
  }
  return null;
}

/** The `aria-keyshortcuts` value of a command (of its n-th key for a range): `H`, `3`, `Shift+3`, `P Escape`. */
export function shortcutOf(command: Command, n = 0): string {
  const b = binding(command);
  if (b.digits > 0) return `${b.shift ? 'Shift+' : ''}${n}`;
  const name = (k: string): string => (k.length === 1 ? k.toUpperCase() : k);
  return [b.key!, ...(b.alias ? [b.alias.key] : [])].map(name).join(' ');
}

/** Every key label of the map, as the README's key table writes them (a command's second key included). */
export function keyLabels(): string[] {
  return KEYMAP.flatMap((b) => [b.label, ...(b.alias ? [b.alias.label] : [])]);
}

/** The key cap shown on a button: `H`, `3`, `↵`. */
export function capOf(command: Command, n = 0): string {
  const b = binding(command);
  if (b.digits > 0) return String(n);
  return b.cap ?? b.key!.toUpperCase();
}
