// One rule, one voice: what the coach says live about a scorecard item never contradicts what
// the debrief scores for it, over careless random plays of every call.
import { describe, expect, it } from 'vitest';
import { carelessActions } from '../../src/analysis/random-play.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { nextFloat, seedRng } from '../../src/engine/rng.ts';
import { scoreCall, type Scorecard } from '../../src/engine/scoring.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { CallState, EngineEvent } from '../../src/engine/types.ts';
import { mini, repoCalls } from '../support/load.ts';

type Coached = Extract<EngineEvent, { type: 'coached' }>;

function play(sc: ScenarioModel, seed: number): { state: CallState; notes: Coached[] } {
  let s = initialState(sc, seed, 'training');
  let rng = seedRng(seed ^ 0x1ce);
  const notes: Coached[] = [];
  for (let i = 0; i < 400 && !s.ended; i++) {
    const actions = carelessActions(sc, s);
    const [f, next] = nextFloat(rng);
    rng = next;
    const r = step(sc, s, actions[Math.floor(f * actions.length)]!);
    s = r.state;
    for (const e of r.events) if (e.type === 'coached' && e.item) notes.push(e);
  }
  return { state: s, notes };
}

const credit = (card: Scorecard, id: string): number | undefined => card.lines.find((l) => l.id === id)?.credit;

/** Why a note contradicts the debrief, or null when they agree. */
function contradiction(sc: ScenarioModel, s: CallState, card: Scorecard, n: Coached): string | null {
  const item = n.item!;
  if (item.startsWith('step.')) {
    const c = credit(card, item);
    if (c === undefined) return null; // a step that does not count toward the score
    if (n.tone === 'good' && c < 1) return `praised, scored ${c}`;
    if (n.tone !== 'good' && c >= 1) return `warned, scored in full`;
    return null;
  }
  if (item === 'calm.transparency') {
    const now = (n.params.troubles ?? '')
      .split(',')
      .filter(Boolean)
      .map((i) => s.troubles[Number(i)]!);
    // The debrief's own verdict: its transparency line's evidence is the troubles it did not count.
    const missed = card.lines.find((l) => l.id === item)!.evidence;
    const inTime = (t: CallState['troubles'][number]): boolean => !missed.includes(t);
    if (n.key === 'coach.explainedInTime' && !now.every(inTime))
      return 'praised an explanation the debrief counts late';
    if (n.key !== 'coach.explainedInTime' && n.key !== 'coach.unexplainedWait' && now.every(inTime))
      return 'warned of an explanation the debrief counts in time';
    if (n.key === 'coach.unexplainedWait' && (credit(card, item) ?? 1) >= 1) return 'warned, transparency in full';
    return null;
  }
  if (n.tone === 'good') return null;
  // Every warning about an aggregate item costs that item something in the debrief.
  if (item === 'hold' || item === 'order' || item.startsWith('calm.'))
    return (credit(card, item) ?? 1) < 1 ? null : 'warned, scored in full';
  if (item.startsWith('fatal.'))
    return card.fatal.some((f) => `fatal.${f}` === item) ? null : 'fatal not in the debrief';
  return null;
}

describe.each([mini(), ...repoCalls()].map((sc) => [sc.id, sc] as const))(
  'the coach and the debrief on %s',
  (_id, sc) => {
    it('never contradict each other over random plays', () => {
      let checked = 0;
      for (let seed = 1; seed <= 25; seed++) {
        const { state, notes } = play(sc, seed);
        const card = scoreCall(sc, state);
        for (const n of notes) {
          const why = contradiction(sc, state, card, n);
          expect(why, `${sc.id} seed ${seed} @${n.at} ${n.key} (${n.item})`).toBeNull();
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(0);
    });
  },
);
