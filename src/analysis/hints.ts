// What would have earned each scorecard line the call did not fully earn: a line of this call
// and the first moment it was on offer, what should have come first, the missing part of a hold,
// the facts missing from the notes… Plain data with ids, keys and times; the view words it. Pure.
import type { Scorecard } from '../engine/scoring.ts';
import type { Hint, HintContext } from './hint-context.ts';
import { calmHints } from './hint-calm.ts';
import { processHints } from './hint-process.ts';

export { hintContext, type Hint, type HintContext, type HoldPart, type LineHint } from './hint-context.ts';

/** The hints for every scorecard line that is not done, by line id. */
export function hintsOf(cx: HintContext, card: Scorecard): ReadonlyMap<string, readonly Hint[]> {
  const out = new Map<string, readonly Hint[]>();
  for (const l of card.lines) {
    const hints = [...processHints(cx, l), ...calmHints(cx, l)];
    if (hints.length) out.set(l.id, hints);
  }
  return out;
}
