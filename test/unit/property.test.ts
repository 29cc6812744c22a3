import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TOOL_IDS, type ScenarioModel } from '../../src/engine/model.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { ActionKind } from '../../src/engine/actions.ts';
import type { Action } from '../../src/engine/types.ts';
import { mini, repoCalls } from '../support/load.ts';

/** Any action at all, sensible or not, with ids drawn from the call and some that do not exist. */
function actionArb(sc: ScenarioModel): fc.Arbitrary<Action> {
  const choice = fc.constantFrom(...sc.choices.map((c) => c.id), 'no_such_line');
  const tool = fc.constantFrom(...TOOL_IDS);
  const fact = fc.constantFrom(...sc.facts, 'no_such_fact');
  // Keyed by kind: a kind added to the engine and left out here does not compile.
  const byKind: { readonly [K in ActionKind]: { weight: number; arbitrary: fc.Arbitrary<Action> } } = {
    say: { weight: 6, arbitrary: choice.map((c): Action => ({ type: 'say', choice: c })) },
    runTool: { weight: 3, arbitrary: tool.map((t): Action => ({ type: 'runTool', tool: t })) },
    pokeTool: { weight: 1, arbitrary: tool.map((t): Action => ({ type: 'pokeTool', tool: t })) },
    restartTool: { weight: 1, arbitrary: tool.map((t): Action => ({ type: 'restartTool', tool: t })) },
    hold: { weight: 1, arbitrary: fc.boolean().map((ask): Action => ({ type: 'hold', ask })) },
    resume: { weight: 1, arbitrary: fc.boolean().map((thank): Action => ({ type: 'resume', thank })) },
    checkIn: { weight: 1, arbitrary: fc.constant<Action>({ type: 'checkIn' }) },
    diagnose: {
      weight: 1,
      arbitrary: fc
        .constantFrom(...sc.diagnoses.map((d) => d.id), 'nope')
        .map((d): Action => ({ type: 'diagnose', diagnosis: d })),
    },
    writeTicket: {
      weight: 1,
      arbitrary: fc.array(fact, { maxLength: 3 }).map((notes): Action => ({ type: 'writeTicket', notes })),
    },
    classifyTicket: {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.constantFrom(...sc.scoring.ticket.categories, 'no_such_category'),
          fc.constantFrom(...sc.scoring.ticket.priorities, 'no_such_priority'),
        )
        .map(([category, priority]): Action => ({ type: 'classifyTicket', category, priority })),
    },
    saveTicket: { weight: 1, arbitrary: fc.constant<Action>({ type: 'saveTicket' }) },
    hangUp: { weight: 1, arbitrary: fc.constant<Action>({ type: 'hangUp' }) },
  };
  const tick = fc.integer({ min: -10, max: 400_000 }).map((ms): Action => ({ type: 'tick', ms }));
  return fc.oneof({ weight: 5, arbitrary: tick }, ...Object.values(byKind));
}

const calls = [mini(), ...repoCalls()];

describe.each(calls.map((sc) => [sc.id, sc] as const))('random action sequences on %s', (_id, sc) => {
  it('never throw and keep the invariants', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(actionArb(sc), { maxLength: 80 }), (seed, actions) => {
        let s = initialState(sc, seed, 'training');
        for (const a of actions) {
          const before = s;
          const r = step(sc, s, a);
          s = r.state;
          expect(s.time).toBeGreaterThanOrEqual(before.time);
          for (const e of r.events) expect(e.at).toBeGreaterThanOrEqual(before.time);
          s.vars.forEach((v, i) => {
            expect(v).toBeGreaterThanOrEqual(sc.varMin[i]!);
            expect(v).toBeLessThanOrEqual(sc.varMax[i]!);
          });
          if (before.ended) expect(s).toBe(before);
          if (r.events.some((e) => e.type === 'rejected')) expect(s).toBe(before);
        }
        const card = scoreCall(sc, s);
        for (const v of [card.total, card.process, card.calmness, card.diagnosis.score]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(100);
        }
        for (const l of card.lines)
          (expect(l.credit).toBeGreaterThanOrEqual(0), expect(l.credit).toBeLessThanOrEqual(1));
      }),
      { numRuns: 150, seed: 20261122 },
    );
  });
});
