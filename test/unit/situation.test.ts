// What the analyser's search keeps apart: a line's "already said" mark only while it can still
// change what happens, the playbook's fillers by dominance rather than in the key.
import { describe, expect, it } from 'vitest';
import { measure, situation } from '../../src/analysis/analyze.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { initialState } from '../../src/engine/step.ts';
import type { CallState } from '../../src/engine/types.ts';
import { repoCalls } from '../support/load.ts';

const sc: ScenarioModel = repoCalls().find((c) => c.id === 'tv-no-picture')!;

/** The call's first state, moved to `node` with these lines said (everything else equal). */
function at(node: string, said: readonly string[]): CallState {
  const s = initialState(sc, 1, 'exam');
  const marks = s.said.slice();
  for (const id of said) marks[sc.index.choices.get(id)!] = true;
  return { ...s, node: sc.index.nodes.get(node)!, said: marks };
}

const same = (node: string, a: readonly string[], b: readonly string[]): boolean =>
  situation(sc, at(node, a)) === situation(sc, at(node, b));

describe("the search's situations", () => {
  it('tell a line said from not said while a node whose condition reads it can still be reached', () => {
    // `verified` answers "said(skip_verify)" with another customer line.
    expect(same('identity', ['skip_verify'], [])).toBe(false);
  });

  it('stop telling them apart once no such node can be reached', () => {
    expect(same('picture_back', ['skip_verify'], [])).toBe(true);
  });

  it('keep only whether some ranked question was asked once its node is left for good', () => {
    const ranked = sc.choices.filter((c) => c.rank > 0).map((c) => c.id);
    expect(ranked.length).toBeGreaterThan(1);
    const [first, second] = ranked as [string, string];
    // The order line is scored once any ranked question was asked: that much is remembered.
    expect(same('picture_back', [first], [])).toBe(false);
    expect(same('picture_back', [first], [first, second])).toBe(true);
  });

  it('measure a playbook filler rather than key it: a filler left unsaid is an option kept', () => {
    const fresh = at('screen', []);
    const used = at('screen', ['thanks_patience']);
    expect(situation(sc, fresh)).toBe(situation(sc, used));
    const [a, b] = [measure(sc, fresh), measure(sc, used)];
    expect(a.every((x, i) => x <= b[i]!)).toBe(true);
    expect(b.every((x, i) => x <= a[i]!)).toBe(false);
  });
});
