// The debrief's template asks for the explanations: the cause first, a hint under each line not
// earned, the explainer, and the model answer only after a failure.
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import { parseBestPath } from '../../src/analysis/model-answer.ts';
import { makeLog } from '../../src/engine/replay.ts';
import { debriefModel, debriefView } from '../../src/ui/DebriefScreen.ts';
import { quote } from '../../src/ui/debrief-words.ts';
import { boundValues } from '../support/templates.ts';
import { golden, repoCall } from '../support/golden.ts';

// Words are the key and its parameters: enough to see what a view asks for, without i18next.
const t = ((key: string, p?: object) => (p ? `${key}${JSON.stringify(p)}` : key)) as unknown as TFunction;
const none = { onAgain: () => {}, onMenu: () => {}, onPick: () => {} };
const id = 'box-no-sync';
const g = golden(id);
const best = parseBestPath(id, { seed: g.seed, mode: g.mode, log: g.log });

function texts(entries: typeof g.log, seed: number, withBest = true): string[] {
  const m = debriefModel(repoCall(id), makeLog(id, seed, 'training', entries, 0), undefined, withBest ? best : null);
  return boundValues(debriefView(m, none, t, null)).filter((v): v is string => typeof v === 'string');
}

describe('the debrief view', () => {
  it('of a call lost to silence: the cause, hints, the explainer and the model answer', () => {
    const x = texts([], 1);
    const cause = x.findIndex((s) => s.startsWith('debrief.cause.silence'));
    expect(cause).toBeGreaterThanOrEqual(0);
    // The cause comes before any scorecard line.
    expect(cause).toBeLessThan(x.findIndex((s) => s.startsWith('playbook:steps.greet')));
    expect(x.some((s) => s.startsWith('debrief.hint.sayOffered'))).toBe(true);
    expect(x).toContain('debrief.explain.title');
    expect(x).toContain('debrief.model.title');
    expect(x.some((s) => s.startsWith('debrief.model.silent'))).toBe(true);
  });

  it('of a call lost the same way, for a call without a best path: no model answer', () => {
    const x = texts([], 1, false);
    expect(x.some((s) => s.startsWith('debrief.cause.silence'))).toBe(true);
    expect(x).not.toContain('debrief.model.title');
  });

  it('of a passed call: why it passed, no model answer, no hint on a line earned', () => {
    const x = texts(g.log, g.seed);
    expect(x.some((s) => s.startsWith('debrief.cause.passed.resolved'))).toBe(true);
    expect(x).not.toContain('debrief.model.title');
    expect(x.some((s) => s.startsWith('debrief.hint.sayOffered'))).toBe(false);
  });
});

describe('a best path as the content file carries it', () => {
  it.each([
    ['the golden', { seed: g.seed, mode: g.mode, log: g.log }, true],
    ['no seed', { mode: g.mode, log: g.log }, false],
    ['an action of no known kind', { seed: 1, mode: 'exam', log: [{ at: 0, action: { type: 'dance' } }] }, false],
    ['no log', { seed: 1, mode: 'exam' }, false],
    ['nothing', null, false],
  ])('%s: usable %s', (_, data, ok) => {
    const log = parseBestPath(id, data);
    expect(log !== null).toBe(ok);
    if (log) expect(log).toMatchObject({ scenario: id, seed: g.seed, entries: g.log });
  });
});

describe('a line quoted in a sentence', () => {
  const words = ((key: string) => key) as unknown as TFunction;
  it.each([
    ['I understand.', 'I understand'],
    ['Are you there?', 'Are you there?'],
    ['Hello?!', 'Hello?!'],
    ['Wait...', 'Wait...'],
    ['one two three four five six', 'one two three…'],
  ])('%j reads %j', (text, quoted) => {
    expect(quote(words, text, 16)).toBe(quoted);
  });
});
