// What set off a change of the customer's mood at an instant of the call: the trainee's line, a
// silence the customer broke, a wait nobody explained, a hold with no news, or the script moving
// on. Read from the replayed events; pure.
import { ANGER, type ScenarioModel, type Tone } from '../engine/model.ts';
import type { CallState, EngineEvent } from '../engine/types.ts';

/** A line the trainee said: its id, its i18n key, its tones, and whether it was said before. */
export type LineRef = {
  readonly choice: string;
  readonly key: string;
  readonly tones: readonly Tone[];
  readonly again: boolean;
};

/** What happened at the moment something changed the customer's mood. */
export type Trigger =
  | { readonly kind: 'line'; readonly at: number; readonly line: LineRef }
  /** The customer broke a silence ("hello?"), or complained about a wait nobody explained. */
  | { readonly kind: 'silence' | 'wait'; readonly at: number }
  /** On hold too long without a word. */
  | { readonly kind: 'hold'; readonly at: number }
  /** The script moved on (the customer's words and their effects), after the trainee's `line`. */
  | { readonly kind: 'customer'; readonly at: number; readonly key: string; readonly line: LineRef | null }
  | { readonly kind: 'other'; readonly at: number };

export type AngerRise = { readonly at: number; readonly delta: number; readonly value: number; readonly by: Trigger };

/** The line said with id `choice`, as a reference (null if the call has no such line). */
export function lineRef(sc: ScenarioModel, choice: string, again: boolean): LineRef | null {
  const c = sc.choices[sc.index.choices.get(choice) ?? -1];
  return c ? { choice, key: c.key, tones: c.tones, again } : null;
}

/** The last element that passes, or undefined (lib ES2022 has no findLast). */
export function lastOf<T>(items: readonly T[], test: (x: T) => boolean): T | undefined {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return items[i];
  return undefined;
}

/** Whether `choice` was said before event `index`. */
export function saidBefore(events: readonly EngineEvent[], index: number, choice: string): boolean {
  return events.slice(0, index).some((e) => e.type === 'lineSaid' && e.choice === choice);
}

/** What set off the changes just before event `i`: the line, prompt or words of that same instant. */
export function triggerAt(sc: ScenarioModel, events: readonly EngineEvent[], i: number): Trigger {
  const at = events[i]!.at;
  for (let j = i - 1; j >= 0 && events[j]!.at === at; j--) {
    const e = events[j]!;
    if (e.type === 'lineSaid') {
      const line = lineRef(sc, e.choice, saidBefore(events, j, e.choice));
      if (line) return { kind: 'line', at, line };
    }
    if (e.type === 'customerPrompted') return { kind: e.reason === 'deadAir' ? 'silence' : e.reason, at };
    if (e.type === 'customerSpoke') {
      const said = lastOf(events.slice(0, j), (x) => x.type === 'lineSaid');
      const line = said?.type === 'lineSaid' ? lineRef(sc, said.choice, false) : null;
      return { kind: 'customer', at, key: e.key, line };
    }
  }
  return { kind: 'other', at };
}

/** Every rise of the customer's anger up to the end of the call, each with what caused it. */
export function allRises(sc: ScenarioModel, s: CallState, events: readonly EngineEvent[]): AngerRise[] {
  const name = sc.varNames[ANGER];
  const end = s.ended?.at ?? s.time;
  const out: AngerRise[] = [];
  events.forEach((e, i) => {
    if (e.type === 'varChanged' && e.name === name && e.delta > 0 && e.at <= end)
      out.push({ at: e.at, delta: e.delta, value: e.value, by: triggerAt(sc, events, i) });
  });
  return out;
}
