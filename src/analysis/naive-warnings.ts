// The checker's warning when a naive strategy (always the longest line, the first…) passes a
// call: a handful of deterministic plays per call (see src/analysis/strategies.ts).
import { lineLengths, naiveResults, NAIVE } from './strategies.ts';
import { checkerText } from '../content/messages.ts';
import { seedFor } from '../engine/step.ts';
import type { LoadedScenario } from '../content/load.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import type { Diagnostic } from '../content/source.ts';

/** Where a call-level warning stands: the call's `id:` value (1:1 if it cannot be found). */
function idPosition(text: string): { line: number; col: number } {
  const m = /^id:[ \t]*/m.exec(text);
  if (!m) return { line: 1, col: 1 };
  return { line: text.slice(0, m.index).split('\n').length, col: m[0].length + 1 };
}

/**
 * One warning per naive strategy that passes the call, in `lang` (the strategy's description is
 * put into the message here). Any call the engine can play is played, whatever else is wrong with
 * it (a missing translation does not change how it plays).
 */
export function naiveWarnings(
  loaded: LoadedScenario,
  text: string,
  playbook: PlaybookModel,
  lang: string,
): Diagnostic[] {
  if (!loaded.model || !loaded.doc) return [];
  const sc = loaded.model;
  const lengths = lineLengths(loaded.doc, playbook.doc);
  // A symptom family: every cause, from a seed that draws it; a strategy warned of once.
  const seeds = sc.causes.length ? sc.causes.map((_, c) => seedFor(sc, c)) : [undefined];
  const results = seeds.map((seed) => naiveResults(sc, { lineLengths: lengths, ...(seed && { seed }) }));
  const at = idPosition(text);
  return NAIVE.flatMap((name) => {
    const passed = results.find((r) => r[name].passed);
    return passed ? [[name, passed] as const] : [];
  }).map(([name, r]) => ({
    file: loaded.file,
    ...at,
    severity: 'warning',
    code: 'naivePasses',
    params: {
      strategy: name,
      how: checkerText(lang, `strategies.${name}`),
      score: String(r[name].score),
      outcome: String(r[name].outcome),
    },
  }));
}
