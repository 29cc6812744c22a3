// The call library as the menu shows it: in training order (difficulty, then persona; guided calls
// first), narrowed by the trainee's filter, with their standing on each call. Pure: no DOM, testable in node.
import { PERSONAS, type Persona, type ScenarioModel } from '../engine/model.ts';
import type { ResultRecord } from '../ports/storage.ts';

/** The levels a call can have: 0 is a guided call (the coach shows the way), then 1 to 3. */
export const LEVELS = [0, 1, 2, 3] as const;
export type Level = (typeof LEVELS)[number];
export type LibraryFilter = { readonly persona: Persona | 'all'; readonly difficulty: Level | 'all' };
export const ALL_CALLS: LibraryFilter = { persona: 'all', difficulty: 'all' };

/** A guided call (difficulty 0): a newcomer's first call, offered before the others. */
export function isGuided(sc: Pick<ScenarioModel, 'difficulty'>): boolean {
  return sc.difficulty === 0;
}

/** Easiest first (guided calls at the top); within a level, angry → confused → technical; then by id. */
export function trainingOrder(calls: readonly ScenarioModel[]): ScenarioModel[] {
  return [...calls].sort(
    (a, b) =>
      a.difficulty - b.difficulty ||
      PERSONAS.indexOf(a.persona) - PERSONAS.indexOf(b.persona) ||
      a.id.localeCompare(b.id),
  );
}

export function matches(sc: ScenarioModel, f: LibraryFilter): boolean {
  return (
    (f.persona === 'all' || sc.persona === f.persona) && (f.difficulty === 'all' || sc.difficulty === f.difficulty)
  );
}

export type Standing = { readonly best: number | null; readonly won: boolean; readonly plays: number };

/** Per call: best total, whether it was ever won, how many times it was played. */
export function standings(results: readonly ResultRecord[]): Map<string, Standing> {
  const out = new Map<string, Standing>();
  for (const r of results) {
    const s = out.get(r.scenario) ?? { best: null, won: false, plays: 0 };
    out.set(r.scenario, {
      best: Math.max(s.best ?? -1, r.summary.total),
      won: s.won || r.summary.won,
      plays: s.plays + 1,
    });
  }
  return out;
}

/** How far through the library the trainee is: calls played and calls won, out of those offered. */
export function progress(
  calls: readonly ScenarioModel[],
  results: readonly ResultRecord[],
): { played: number; won: number; total: number } {
  const s = standings(results);
  let played = 0;
  let won = 0;
  for (const c of calls) {
    const x = s.get(c.id);
    if (x) played++;
    if (x?.won) won++;
  }
  return { played, won, total: calls.length };
}
