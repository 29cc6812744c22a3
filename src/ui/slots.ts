// Line numbers that stay put: while the list of lines is on screen, each line keeps the number it
// was shown with, so a tool's answer or a fact learned never moves a number under the trainee's
// finger. Pure.

/** The lines as numbered on screen: index i is number i + 1; null is a gap left by a line gone. */
export type Slots = readonly (string | null)[];

/** Only these numbers have a key (1 to 9); a line numbered beyond is clicked, not typed. */
export const KEYED_SLOTS = 9;

/**
 * The numbering of `offered` given the numbering on screen before: lines still offered keep their
 * number, lines gone leave a gap, new lines are numbered after the last one (in the order given).
 * When nothing is offered the list is gone, and the next list is numbered afresh from 1.
 */
export function assignSlots(before: Slots, offered: readonly string[]): Slots {
  if (offered.length === 0) return [];
  const kept = before.map((id) => (id !== null && offered.includes(id) ? id : null));
  const added = offered.filter((id) => !kept.includes(id));
  if (added.length === 0 && kept.length === before.length && kept.every((id, i) => id === before[i])) return before;
  return [...kept, ...added];
}

/** The line with this number on screen (1-based), or null for a gap or a number not shown. */
export function lineAt(slots: Slots, n: number): string | null {
  return Number.isInteger(n) && n >= 1 ? (slots[n - 1] ?? null) : null;
}
