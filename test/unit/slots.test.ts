import { describe, expect, it } from 'vitest';
import { assignSlots, lineAt, type Slots } from '../../src/ui/slots.ts';

/** Folds a sequence of offered lists, as the call screen renders them one after the other. */
function fold(lists: readonly (readonly string[])[]): Slots {
  return lists.reduce<Slots>((slots, offered) => assignSlots(slots, offered), []);
}

describe('line numbers on screen', () => {
  it.each([
    { name: 'a first list is numbered in the order given', lists: [['a', 'b', 'c']], slots: ['a', 'b', 'c'] },
    {
      name: 'a line that appears is numbered after the others',
      lists: [
        ['a', 'c'],
        ['a', 'b', 'c'],
      ],
      slots: ['a', 'c', 'b'],
    },
    {
      name: 'a line that goes leaves a gap; the others keep their numbers',
      lists: [
        ['a', 'b', 'c'],
        ['a', 'c'],
      ],
      slots: ['a', null, 'c'],
    },
    {
      name: 'a new line does not take the number of one just gone',
      lists: [
        ['a', 'b'],
        ['a', 'x'],
      ],
      slots: ['a', null, 'x'],
    },
    {
      name: 'a line that comes back is numbered at the end',
      lists: [['a', 'b'], ['a'], ['b', 'a']],
      slots: ['a', null, 'b'],
    },
    {
      name: 'when the list is gone, the next one is numbered afresh',
      lists: [['a', 'b', 'c'], ['a', 'c'], [], ['c', 'd']],
      slots: ['c', 'd'],
    },
    { name: 'an empty list has no numbers', lists: [['a'], []], slots: [] },
  ])('$name', ({ lists, slots }) => {
    expect(fold(lists)).toEqual(slots);
  });

  it('keeps the very same numbering when nothing changed (the view re-renders every frame)', () => {
    const before = assignSlots([], ['a', 'b']);
    expect(assignSlots(before, ['a', 'b'])).toBe(before);
    expect(assignSlots(before, ['b', 'a'])).toBe(before);
  });

  it('finds the line of a number, and nothing for a gap or a number not shown', () => {
    const slots = fold([
      ['a', 'b', 'c'],
      ['a', 'c'],
    ]);
    expect(lineAt(slots, 1)).toBe('a');
    expect(lineAt(slots, 2)).toBeNull();
    expect(lineAt(slots, 3)).toBe('c');
    expect(lineAt(slots, 4)).toBeNull();
    expect(lineAt(slots, 0)).toBeNull();
  });
});
