// The guided first call (difficulty 0): it compiles, it can be won, a person at a reading pace
// wins it, and its coaching walks a newcomer through the game's mechanics in the order they meet them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { CAREFUL, playAsRecruit } from '../../src/analysis/recruit.ts';
import { readScenario, ROOT, SCENARIO_DIR } from '../../src/cli/repo.ts';
import { replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { EngineEvent } from '../../src/engine/types.ts';
import { isGuided } from '../../src/ui/library.ts';
import { golden, repoCall } from '../support/golden.ts';
import { playbook, repoCalls } from '../support/load.ts';

const ID = 'first-call';
const sc = repoCall(ID);

/** What the coach must show, in this order; each topic is found by the words of its note. */
const TOPICS = [
  ['pick up (Enter)', /picked up with Enter/],
  ['choose a line by its number', /its number/],
  ['lines wait while the customer talks, silence is timed', /your lines waited[\s\S]*silence is timed/],
  ['a slow tool: run it, keep the customer company', /slow today, so talk to her while it searches/],
  ['a crash and its restart', /After a crash the tool's button says “Restart”/],
  ['a frozen tool: its button is a rage click', /frozen tool[\s\S]*rage click/],
  ['hold, check back, resume with thanks', /on hold with H[\s\S]*check back with C[\s\S]*resume with R/],
  ['the diagnosis (D)', /state the diagnosis: D/],
  ['the ticket notes and saving (T)', /fill in the ticket: T, tick[\s\S]*save it/],
  [
    'the closing: recap, reference, anything else, farewell',
    /sum up[\s\S]*reference[\s\S]*anything else[\s\S]*goodbye/,
  ],
] as const;

/** The sentences of a text: a stop, then a capital letter or the end (a quoted « Allô ? » is no stop). */
const sentences = (text: string): string[] => text.split(/[.!?]+(?:\s+(?=[A-ZÀ-ÖØ-Þ«“(])|\s*$)/);

type Json = { [k: string]: string | Json };
const readJson = (...p: string[]): Json => JSON.parse(readFileSync(join(ROOT, ...p), 'utf8')) as Json;
const en = { [ID]: readJson('locales', 'en', `${ID}.json`), ui: readJson('locales', 'en', 'ui.json') };

/** The English words of a coaching key (`first-call:choices.x.coach` or the engine's `coach.x`). */
function english(key: string): string {
  const [ns, path] = key.includes(':') ? (key.split(':') as [string, string]) : ['ui', key];
  let v: string | Json | undefined = en[ns as keyof typeof en];
  for (const part of path.split('.')) v = typeof v === 'object' ? v[part] : undefined;
  return typeof v === 'string' ? v : '';
}

/** The coaching notes of a play in training mode, in the order they were shown. */
function coaching(log: ReturnType<typeof golden>['log']): { key: string; text: string }[] {
  let s = initialState(sc, golden(ID).seed, 'training');
  const out: { key: string; text: string }[] = [];
  const take = (events: readonly EngineEvent[]): void => {
    for (const e of events) if (e.type === 'coached') out.push({ key: e.key, text: english(e.key) });
  };
  for (const e of log) {
    const t = step(sc, s, { type: 'tick', ms: e.at - s.time });
    take(t.events);
    const r = step(sc, t.state, e.action);
    expect(r.events.filter((x) => x.type === 'rejected')).toEqual([]);
    take(r.events);
    s = r.state;
  }
  take(step(sc, s, { type: 'tick', ms: 60_000 }).events);
  return out;
}

describe('the guided first call', () => {
  it('compiles as the one guided call (difficulty 0) of the library', () => {
    expect(sc.difficulty).toBe(0);
    expect(
      repoCalls()
        .filter(isGuided)
        .map((c) => c.id),
    ).toEqual([ID]);
  });

  it('is winnable by the analyser, with its golden best path', () => {
    const a = analyze(sc, { seed: golden(ID).seed, randomPlays: 0 });
    expect(a.winnable).toBe(true);
    expect(a.bestScore).toBe(golden(ID).expected.total);
    const r = replayToEnd(sc, golden(ID).seed, golden(ID).log, 'training');
    expect(scoreCall(sc, r.state).won).toBe(true);
  });

  it('is won by a careful recruit who reads 7 s before each answer, at real-time pace', () => {
    for (const seed of [1, 2, 3]) {
      const card = scoreCall(sc, playAsRecruit(sc, golden(ID).log, seed, 'training', CAREFUL).state);
      expect(card.outcome).toBe('resolved');
      expect(card.won).toBe(true);
    }
  });

  it('coaches each mechanic in the order a newcomer meets it, along its golden path', () => {
    const notes = coaching(golden(ID).log);
    const positions = TOPICS.map(([topic, words]) => {
      const i = notes.findIndex((n) => words.test(n.text));
      expect(i, `the coach never mentions: ${topic}`).toBeGreaterThanOrEqual(0);
      return i;
    });
    // Pick up and choosing a line share the first note; every other topic comes after the one before.
    for (let i = 1; i < positions.length; i++) expect(positions[i]!).toBeGreaterThanOrEqual(positions[i - 1]!);
    expect(new Set(positions).size).toBe(TOPICS.length - 1);
    // The engine's own words agree at the moments that matter: the hold thanked, the diagnosis right.
    const keys = notes.map((n) => n.key);
    expect(keys.indexOf('coach.holdThanked')).toBeGreaterThan(positions[6]!);
    expect(keys.indexOf('coach.diagnosisRight')).toBeGreaterThan(positions[7]!);
    // Every note shown has its English words.
    expect(notes.filter((n) => n.text === '').map((n) => n.key)).toEqual([]);
  });

  it('keeps each of its own coaching notes to one or two sentences, in French and in English', () => {
    const french = readScenario(join(SCENARIO_DIR, `${ID}.yaml`), playbook())
      .texts.filter((t) => t.key.endsWith('.coach'))
      .map((t) => t.text);
    const english = Object.values(en[ID].choices as Record<string, Record<string, string>>).flatMap(
      (c) => c.coach ?? [],
    );
    expect(french.length).toBeGreaterThanOrEqual(TOPICS.length);
    expect(english).toHaveLength(french.length);
    for (const note of [...french, ...english])
      expect(sentences(note).filter((x) => x.trim()).length, note).toBeLessThanOrEqual(2);
  });
});
