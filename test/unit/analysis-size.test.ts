// The analyser's report on its own size and scores: each ending's best and lowest total, a
// search stopped by a budget giving a lower bound, what multiplies the states, and the pruning
// of facts nothing reachable reads any more (checked against a search that keeps them all).
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { analyzeCall } from '../../src/analysis/call-report.ts';
import { situation } from '../../src/analysis/analyze.ts';
import { oneWay } from '../../src/analysis/relevance.ts';
import { sourceLines } from '../../src/analysis/source-lines.ts';
import { compileCondition, type CompiledCondition, type Symbols } from '../../src/engine/condition.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { initialState } from '../../src/engine/step.ts';
import { manyQuestions, realisticCall } from '../support/big-call.ts';
import { compile, fixture, mini, playbook, repoCalls } from '../support/load.ts';

const library = repoCalls();
const call = (id: string): ScenarioModel => library.find((c) => c.id === id)!;

/** The mini call with an optional question at `lights` teaching a fact that a warm line at `close` needs. */
const lateReader = (): ScenarioModel =>
  mini((y) =>
    y
      .replace('facts:\n', 'facts:\n  patient: Le client a été patient\n')
      .replace(
        '        then: { learn: [sync_lost], goto: waiting }\n',
        '        then: { learn: [sync_lost], goto: waiting }\n' +
          '      - id: thank_patience\n        text: Merci de votre patience, vraiment.\n        tone: empathetic\n        then: { learn: [patient] }\n',
      )
      .replace(
        '        step: recap\n        then: { goto: ref }\n',
        '        step: recap\n        then: { goto: ref }\n' +
          '      - id: recap_warm\n        text: Merci encore de votre patience, je récapitule, un technicien passe demain.\n        if: knows(patient)\n        tone: [empathetic, reassuring]\n        step: recap\n        then: { goto: ref }\n',
      ),
  );

describe('each ending of a call', () => {
  it('has its best and lowest total, and a needless technician never passes box-no-sync', () => {
    const a = analyze(call('box-no-sync'), { randomPlays: 0 });
    const needless = a.endingScores.find((e) => e.ending === 'needless_tech:needless')!;
    expect(needless.passes).toBe(false);
    expect(needless.best).toBeLessThan(playbook().scoring.passScore);
    const resolved = a.endingScores.find((e) => e.ending === 'end_resolved:resolved')!;
    expect(resolved.passes).toBe(true);
    // The call's best score is its best ending's, and every ending reached is listed.
    expect(Math.max(...a.endingScores.map((e) => e.best))).toBe(a.bestScore);
    expect(a.endingScores.map((e) => e.ending).sort()).toEqual([...a.endings]);
    for (const e of a.endingScores) expect(e.worst).toBeLessThanOrEqual(e.best);
  });
});

describe('a search stopped by a budget', () => {
  it('gives its best score as a lower bound and says what multiplies the states', () => {
    const sc = mini((y) => manyQuestions(y, 40));
    const capped = analyze(sc, { randomPlays: 0, stateCap: 500 });
    expect(capped.bestIs).toBe('atLeast');
    expect(capped.size).toBeDefined();
    expect(analyze(mini(), { randomPlays: 0 }).bestIs).toBe('exact');
    // Forty questions each teaching a fact: the facts are what splits the situations.
    const named = capped.size!.facts.map((f) => f.ref.id);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) expect(id).toMatch(/^f\d+$/);
  });

  it('names the "go back" line that made a call too large, with its line in the file', () => {
    const looped = realisticCall('gen', { episodes: 10, backAt: 9, backTo: 0 });
    const r = analyzeCall(compile(looped, 'gen'), playbook(), { randomPlays: 0, stateCap: 3000, text: looped });
    expect(r.stoppedBy).toBe('states');
    expect(r.bestIs).toBe('atLeast');
    const back = r.size!.nodes[0]!.by.find((b) => b.id === 'back9');
    expect(back).toBeDefined();
    const written = looped.split('\n').findIndex((l) => l.includes('id: back9')) + 1;
    expect(back!.line).toBe(written);
    // Without the long loop the same call goes through, and no node is said to be kept by it.
    const short = realisticCall('gen', { episodes: 10 });
    const ok = analyzeCall(compile(short, 'gen'), playbook(), { randomPlays: 0, text: short });
    expect(ok.stoppedBy).toBeNull();
    expect(ok.bestIs).toBe('exact');
    expect(ok.size!.nodes.flatMap((n) => n.by.map((b) => b.id))).not.toContain('back9');
    // Plain data: what the Studio's worker posts survives a JSON round trip.
    expect(JSON.parse(JSON.stringify(ok))).toEqual(ok);
  });
});

const symbols: Symbols = {
  vars: new Set(['anger', 'patience']),
  facts: new Set(['a', 'b', 'modem-reset']),
  steps: new Set(['verify']),
  choices: new Set(['greet']),
  nodes: new Set(['intro']),
  diagnoses: new Set(['dsl']),
  tools: new Set(['crm']),
  causes: new Set(['outage']),
};
const cond = (source: string): CompiledCondition => {
  const r = compileCondition(source, symbols);
  if (!r.ok) throw new Error(source);
  return r.value;
};

describe('one-way conditions (once true, true for the rest of the call)', () => {
  it.each([
    ['knows(a) or knows(b)', true],
    ['knows(modem-reset) et (said(greet) ou visited(intro))', true],
    ['done(verify) and diagnosed(dsl) and cause(outage)', true],
    ['not knows(a)', false],
    ['non knows(a) ou knows(b)', false],
    ['knows(a) and anger > 3', false],
    ['knows(a) or (elapsed > 1m)', false],
    ['knows(a) and onHold', false],
    ['knows(a) or running(crm)', false],
    ['knows(a) == knows(b)', false],
  ])('%s → %s', (source, expected) => {
    expect(oneWay(cond(source))).toBe(expected);
  });
});

/**
 * The mini call with an optional question teaching a fact, and a line further on offered only
 * while that fact is NOT known (a two-way condition): the fact must stay in the situation.
 */
const notYet = (): ScenarioModel =>
  mini((y) =>
    y
      .replace('facts:\n', 'facts:\n  told_lights: Le client a décrit les voyants\n')
      .replace(
        '        then: { learn: [sync_lost], goto: waiting }\n',
        '        then: { learn: [sync_lost], goto: waiting }\n' +
          '      - id: ask_more\n        text: Et les autres voyants ?\n        then: { learn: [told_lights] }\n',
      )
      .replace(
        '        then: { diagnose: box_fault, goto: gone }\n',
        '        then: { diagnose: box_fault, goto: gone }\n' +
          '      - id: ask_again\n        text: Vous pouvez me redire les voyants ?\n        if: not knows(told_lights)\n        tone: empathetic\n        then: { learn: [told_lights] }\n',
      ),
  );

describe('facts nothing reachable reads any more', () => {
  const sc = lateReader();
  const at = (node: string, known: boolean) => {
    const s = initialState(sc, 1, 'exam');
    const facts = s.facts.slice();
    facts[sc.index.facts.get('patient')!] = known;
    return situation(sc, { ...s, node: sc.index.nodes.get(node)!, facts });
  };

  it('stay in the situation while a node that reads them can be reached, and leave it after', () => {
    expect(at('waiting', true)).not.toBe(at('waiting', false));
    expect(at('close', true)).not.toBe(at('close', false));
    expect(at('ref', true)).toBe(at('ref', false));
  });

  it('matter to a one-way condition only while it is false, to a two-way one always', () => {
    const either = mini((y) =>
      y
        .replace('facts:\n', 'facts:\n  a: Un indice\n  b: Un autre indice\n')
        .replace(
          '        then: { learn: [sync_lost], goto: waiting }\n',
          '        then: { learn: [sync_lost], goto: waiting }\n' +
            '      - { id: ask_a, text: Question A ?, then: { learn: [a] } }\n' +
            '      - { id: ask_b, text: Question B ?, then: { learn: [b] } }\n',
        )
        .replace(
          '        then: { diagnose: box_fault, goto: gone }\n',
          '        then: { diagnose: box_fault, goto: gone }\n' +
            '      - { id: hint, text: Vous avez bien fait, if: knows(a) or knows(b), then: { goto: gone } }\n',
        ),
    );
    const key = (c: ScenarioModel, node: string, known: readonly string[]): string => {
      const s = initialState(c, 1, 'exam');
      const facts = s.facts.map((_, f) => known.includes(c.facts[f]!));
      return situation(c, { ...s, node: c.index.nodes.get(node)!, facts });
    };
    expect(key(either, 'waiting', ['a'])).toBe(key(either, 'waiting', ['a', 'b']));
    expect(key(either, 'waiting', ['a'])).toBe(key(either, 'waiting', ['b']));
    expect(key(either, 'waiting', [])).not.toBe(key(either, 'waiting', ['a']));
    const two = notYet();
    expect(key(two, 'waiting', ['told_lights'])).not.toBe(key(two, 'waiting', []));
  });

  it('are dropped without changing any best score, winnable verdict or ending', () => {
    const calls = [
      sc,
      notYet(),
      mini(),
      call('first-call'),
      call('billing-fault'),
      compile(realisticCall('gen', { episodes: 3 }), 'gen'),
      compile(realisticCall('gen', { episodes: 3, evidence: [0, 2] }), 'gen'),
    ];
    for (const c of calls) {
      const pruned = analyze(c, { randomPlays: 0, oneCause: true });
      const full = analyze(c, { randomPlays: 0, oneCause: true, keepAll: true });
      expect(full.stoppedBy).toBeNull();
      expect([c.id, pruned.bestScore, pruned.winnable, pruned.endingScores.map((e) => [e.ending, e.best])]).toEqual([
        c.id,
        full.bestScore,
        full.winnable,
        full.endingScores.map((e) => [e.ending, e.best]),
      ]);
    }
  });

  it('a fact learned early and read late is kept all the way: the best play uses it', () => {
    const a = analyze(sc, { randomPlays: 0 });
    const b = analyze(mini(), { randomPlays: 0 });
    if (a.bestPath.includes('say:recap_warm')) expect(a.bestPath).toContain('say:thank_patience');
    expect(a.bestScore).toBeGreaterThanOrEqual(b.bestScore);
  });
});

describe("the places a report names, found in the call's text", () => {
  it('give each node, line, fact, diagnosis, tool and the ticket the line where it is written', () => {
    const text = fixture('mini-call.yaml');
    const lines = text.split('\n');
    const src = sourceLines(text);
    const cases = [
      ['node', 'waiting', /^ {2}waiting:/],
      ['line', 'tell_fault', /- id: tell_fault$/],
      ['fact', 'line_fault', /^ {2}line_fault: Défaut/],
      ['diagnosis', 'box_fault', /^ {2}box_fault:/],
      ['tool', 'line_test', /^ {2}line_test:/],
      ['ticket', 'notes', /^ticket:/],
    ] as const;
    for (const [kind, id, written] of cases) expect(lines[src.lineOf(kind, id)! - 1]).toMatch(written);
    expect(src.lineOf('node', 'nowhere')).toBeUndefined();
  });
});
