// Symptom families: a call declares alternative causes; the seed draws one; each cause has its own
// tool results, right diagnosis and expected notes; another seed is another case.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { drawCause, seedFor } from '../../src/engine/step.ts';
import { Driver } from '../support/drive.ts';
import { mini } from '../support/load.ts';

/** mini-call as a family: the box lost its line (line) or its cable is out (unplugged). */
const family = (y: string): string =>
  y
    // A customer patient enough to wait for the line test in silence.
    .replace(
      '  name: M. Test',
      '  name: M. Test\n  vars: { anger: { init: 0, max: 100 }, patience: { init: 100, max: 100 } }',
    )
    .replace(
      'diagnoses:\n',
      'causes:\n  line: {}\n  unplugged: { note: le câble box-prise est débranché }\ndiagnoses:\n',
    )
    .replace(
      '  line_fault: { label: Défaut de ligne, correct: true, evidence: knows(line_fault) }',
      '  line_fault: { label: Défaut de ligne, correct: true, cause: line, evidence: knows(line_fault) }\n' +
        '  cable_out: { label: Câble débranché, correct: true, cause: unplugged, evidence: knows(line_ok) }',
    )
    .replace('  line_fault: Défaut sur la ligne', '  line_fault: Défaut sur la ligne\n  line_ok: Ligne en bon état')
    .replace(
      '      - id: fault\n        text: Coupure détectée\n        learn: [line_fault]',
      '      - id: fault\n        if: cause(line)\n        text: Coupure détectée\n        learn: [line_fault]\n' +
        '      - id: clean\n        text: Ligne en bon état jusqu’à la prise\n        learn: [line_ok]',
    );

const sc = mini(family);

describe('a symptom family', () => {
  it('compiles its causes, and each cause its own right diagnosis', () => {
    expect(sc.causes).toEqual(['line', 'unplugged']);
    expect(sc.diagnoses.map((d) => [d.id, d.cause])).toEqual([
      ['line_fault', 0],
      ['cable_out', 1],
      ['box_fault', -1],
    ]);
  });

  it('draws both causes over the seeds, each about half the time, and the same cause for the same seed', () => {
    const drawn = Array.from({ length: 400 }, (_, i) => drawCause(sc, i + 1));
    const line = drawn.filter((c) => c === 0).length;
    expect(line).toBeGreaterThan(150);
    expect(line).toBeLessThan(250);
    expect(drawn.every((c) => c === 0 || c === 1)).toBe(true);
    expect(drawCause(sc, 7)).toBe(drawCause(sc, 7));
    expect(drawCause(mini(), 7)).toBe(-1);
  });

  it('gives each cause its own line test result and its own right diagnosis', () => {
    const results: Record<string, { learned: string; right: string[] }> = {};
    for (const [c, cause] of sc.causes.entries()) {
      const seed = seedFor(sc, c);
      expect(seed).toBeGreaterThan(0);
      const d = new Driver(sc, seed);
      expect(d.state.cause).toBe(c);
      d.do({ type: 'runTool', tool: 'line_test' });
      d.tick(200_000);
      const learned = sc.facts.filter((_, f) => d.state.facts[f]);
      const right: string[] = [];
      for (const dg of ['line_fault', 'cable_out']) {
        const probe = new Driver(sc, seed);
        probe.state = d.state;
        probe.do({ type: 'diagnose', diagnosis: dg });
        if (probe.of('diagnosed').some((e) => e.correct)) right.push(dg);
      }
      results[cause] = { learned: learned.join(','), right };
    }
    expect(results).toEqual({
      line: { learned: 'line_fault', right: ['line_fault'] },
      unplugged: { learned: 'line_ok', right: ['cable_out'] },
    });
  });

  it('is analysed cause by cause: each one winnable from a seed that draws it', () => {
    const family = analyze(sc, { randomPlays: 0 });
    expect(family.causes?.map((c) => [c.cause, c.seed, c.winnable])).toEqual([
      ['line', seedFor(sc, 0), true],
      ['unplugged', seedFor(sc, 1), false],
    ]);
    // The family is winnable only if every cause is; its best score is its weakest cause's.
    expect(family.winnable).toBe(false);
    expect(family.bestScore).toBe(Math.min(...family.causes!.map((c) => c.bestScore)));
  });
});
