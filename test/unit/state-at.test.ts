// "Play from this node": stateAt builds a call picked up in a chosen node with the facts, mood
// and tools chosen, through the engine's own node entry; bad picks are values. And the Studio's
// playtest replays the author's actions on an edited call, stopping where an edit made one impossible.
import { describe, expect, it } from 'vitest';
import { ANGER, PATIENCE } from '../../src/engine/model.ts';
import { stateAt } from '../../src/engine/state-at.ts';
import { initialState, step } from '../../src/engine/step.ts';
import { affordances } from '../../src/engine/affordances.ts';
import { runPlay } from '../../src/studio/playtest.ts';
import { fixture, mini } from '../support/load.ts';
import { compile } from '../support/load.ts';

describe('stateAt', () => {
  const sc = mini();
  const node = (id: string) => sc.index.nodes.get(id)!;

  it('at the start node with nothing chosen is the call just picked up', () => {
    const r = stateAt(sc, { node: 'open', seed: 7 });
    expect(r.ok && r.state).toEqual(initialState(sc, 7));
  });

  it("enters the node: it is visited and the customer says the node's words", () => {
    const r = stateAt(sc, { node: 'waiting' });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.state.node).toBe(node('waiting'));
    expect(r.state.visited[node('waiting')]).toBe(true);
    expect(r.state.visited[sc.start]).toBe(false);
    expect(r.state.speech?.who).toBe('customer');
    expect(r.events).toContainEqual(expect.objectContaining({ type: 'customerSpoke', node: 'waiting' }));
  });

  it('with chosen facts, mood and a tool down', () => {
    const r = stateAt(sc, { node: 'waiting', facts: ['line_fault'], anger: 4, patience: 3, tools: { crm: 'crashed' } });
    if (!r.ok) throw new Error(r.error.code);
    const s = r.state;
    expect(s.facts[sc.index.facts.get('line_fault')!]).toBe(true);
    expect(s.facts[sc.index.facts.get('sync_lost')!]).toBe(false);
    expect(s.vars[ANGER]).toBe(4);
    expect(s.vars[PATIENCE]).toBe(3);
    expect(s.tools[sc.index.tools.get('crm')!]!.status).toBe('crashed');
    // The line that needs the fact is on offer once the customer has spoken.
    const spoken = step(sc, s, { type: 'tick', ms: s.speech!.until - s.time }).state;
    expect(affordances(sc, spoken).lines).toContain('tell_fault');
    expect(affordances(sc, spoken).tools.find((t) => t.id === 'crm')?.press).toBe('restart');
  });

  it('without the fact, the line that needs it is not offered', () => {
    const r = stateAt(sc, { node: 'waiting' });
    if (!r.ok) throw new Error(r.error.code);
    const spoken = step(sc, r.state, { type: 'tick', ms: r.state.speech!.until - r.state.time }).state;
    expect(affordances(sc, spoken).lines).not.toContain('tell_fault');
  });

  it.each([
    [{ node: 'nowhere' }, { code: 'unknownNode', name: 'nowhere' }],
    [
      { node: 'open', facts: ['nofact'] },
      { code: 'unknownFact', name: 'nofact' },
    ],
    [
      { node: 'open', steps: ['nostep'] },
      { code: 'unknownStep', name: 'nostep' },
    ],
    [
      { node: 'open', tools: { remote: 'crashed' as const } },
      { code: 'unknownTool', name: 'remote' },
    ],
    [
      { node: 'open', tools: { printer: 'crashed' } as never },
      { code: 'unknownTool', name: 'printer' },
    ],
    [
      { node: 'open', anger: 99 },
      { code: 'outOfRange', name: 'anger' },
    ],
    [
      { node: 'open', patience: 1.5 },
      { code: 'outOfRange', name: 'patience' },
    ],
  ])('refuses %j', (at, error) => {
    const r = stateAt(sc, at);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject(error);
  });

  it('steps chosen as done count as done in order', () => {
    const r = stateAt(sc, { node: 'problem', steps: ['greet'] });
    if (!r.ok) throw new Error(r.error.code);
    expect(r.state.steps[sc.index.steps.get('greet')!]).toMatchObject({ inOrder: true });
  });
});

describe('the playtest replays the author to where they were', () => {
  const yaml = fixture('mini-call.yaml');
  const actions = [
    { type: 'say', choice: 'hello' },
    { type: 'say', choice: 'sorry' },
    { type: 'say', choice: 'check_id' },
  ] as const;

  it('plays each action after the words it sets off', () => {
    const sc = compile(yaml, 'mini-call');
    const r = runPlay(sc, { kind: 'start' }, actions);
    expect(r.stopped).toBeNull();
    expect(r.done).toBe(3);
    expect(r.state!.node).toBe(sc.index.nodes.get('problem'));
    expect(r.events.filter((e) => e.type === 'customerSpoke').map((e) => e.type === 'customerSpoke' && e.node)).toEqual(
      ['who', 'verify', 'problem'],
    );
  });

  it('after an edit that removes a line, stops at that action and says why', () => {
    const edited = compile(yaml.replace('id: sorry', 'id: sorry_now'), 'mini-call');
    const r = runPlay(edited, { kind: 'start' }, actions);
    expect(r.done).toBe(1);
    expect(r.stopped).toMatchObject({ index: 1, reason: 'unknownChoice' });
    expect(r.state!.node).toBe(edited.index.nodes.get('who'));
  });

  it('"let time pass" moves the call on to the next thing that happens', () => {
    const sc = compile(yaml, 'mini-call');
    const r = runPlay(sc, { kind: 'start' }, [...actions, { type: 'runTool', tool: 'line_test' }, { type: 'wait' }]);
    expect(r.stopped).toBeNull();
    expect(r.state!.time).toBeGreaterThan(runPlay(sc, { kind: 'start' }, actions).state!.time);
  });

  it('from a node, with what the trainer chose', () => {
    const sc = compile(yaml, 'mini-call');
    const r = runPlay(sc, { kind: 'node', at: { node: 'waiting', facts: ['line_fault'] } }, [
      { type: 'say', choice: 'tell_fault' },
    ]);
    expect(r.stopped).toBeNull();
    expect(r.state!.node).toBe(sc.index.nodes.get('close'));
    expect(runPlay(sc, { kind: 'node', at: { node: 'gone_away' } }, []).startError).toEqual({
      code: 'unknownNode',
      name: 'gone_away',
    });
  });
});
