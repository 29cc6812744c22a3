import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { capOf, commandOf, keyLabels, shortcutOf, type KeyPress } from '../../src/ui/keymap.ts';

const press = (key: string, code = '', shiftKey = false, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  shiftKey,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  ...mods,
});

/** The first column of the README's `| key | does |` table (section "Playing"), one key a cell part. */
function readmeKeys(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const playing = readme.slice(readme.indexOf('## Playing'));
  const table = playing.slice(playing.indexOf('| key | does |'));
  const lines = table.split('\n');
  const end = lines.findIndex((l) => !l.startsWith('|'));
  const rows = lines.slice(2, end < 0 ? undefined : end);
  return rows.flatMap((r) =>
    r
      .split('|')[1]!
      .split(' / ')
      .map((k) => k.trim()),
  );
}

describe('the key map', () => {
  it("is the README's key table, key for key", () => {
    expect(readmeKeys().sort()).toEqual(keyLabels().sort());
  });

  it.each([
    { name: 'a digit says a line', e: press('3', 'Digit3'), is: { command: 'say', n: 3 } },
    { name: 'the numeric keypad too', e: press('9', 'Numpad9'), is: { command: 'say', n: 9 } },
    { name: 'the digit key of an AZERTY keyboard, unshifted', e: press('"', 'Digit3'), is: { command: 'say', n: 3 } },
    { name: 'Shift and a digit runs a tool', e: press('!', 'Digit1', true), is: { command: 'tool', n: 1 } },
    { name: 'there are seven tools', e: press('*', 'Digit8', true), is: null },
    { name: 'letters, either case', e: press('H', 'KeyH', true), is: { command: 'hold', n: 0 } },
    { name: 'a period lets a second pass', e: press('.', 'Period'), is: { command: 'second', n: 0 } },
    {
      name: '> (shifted on most keyboards) lets ten seconds pass',
      e: press('>', 'Period', true),
      is: { command: 'tenSeconds', n: 0 },
    },
    { name: '? shows the shortcuts', e: press('?', 'Slash', true), is: { command: 'help', n: 0 } },
    { name: 'P pauses', e: press('p', 'KeyP'), is: { command: 'pause', n: 0 } },
    { name: 'so does Escape', e: press('Escape', 'Escape'), is: { command: 'pause', n: 0 } },
    { name: 'Enter picks up', e: press('Enter', 'Enter'), is: { command: 'pickUp', n: 0 } },
    { name: 'a browser shortcut is left alone', e: press('r', 'KeyR', false, { ctrlKey: true }), is: null },
    { name: 'a key without a command', e: press('q', 'KeyQ'), is: null },
  ])('$name', ({ e, is }) => {
    expect(commandOf(e)).toEqual(is);
  });

  it('gives the shortcuts announced on buttons and the caps printed on them', () => {
    expect(shortcutOf('say', 4)).toBe('4');
    expect(shortcutOf('tool', 2)).toBe('Shift+2');
    expect(shortcutOf('hangUp')).toBe('X');
    expect(shortcutOf('pickUp')).toBe('Enter');
    expect(capOf('pickUp')).toBe('↵');
    expect(capOf('help')).toBe('?');
    expect(shortcutOf('pause')).toBe('P Escape');
    expect(capOf('pause')).toBe('P');
  });
});
