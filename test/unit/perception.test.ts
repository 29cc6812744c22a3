// The customer reacts to what they can perceive: complaints about a wait only while they are
// waiting on a tool in trouble, in a silence, once per threshold.
import { describe, expect, it } from 'vitest';
import { Driver } from '../support/drive.ts';
import { mini, withTools } from '../support/load.ts';

const prompts = (d: Driver): string[] => d.of('customerPrompted').map((e) => e.reason);

/** Runs the opening of mini-call so the account may be touched. */
function opened(d: Driver): Driver {
  d.settle();
  for (const c of ['hello', 'sorry', 'check_id']) d.talk(c);
  return d;
}

describe('what the customer perceives', () => {
  it('a tool that crashes before the greeting troubles nobody: no wait complaint, only "hello?"', () => {
    const d = new Driver(mini(withTools('  crm:\n    crash: { at: 0s, restart: 1m }')));
    expect(d.state.tools[0]!.status).toBe('crashed');
    expect(d.state.troubles).toEqual([]);
    d.tick(30_000);
    expect(prompts(d).length).toBeGreaterThan(0);
    expect(prompts(d).every((r) => r === 'deadAir')).toBe(true);
  });

  it('restarting that tool is a wait the customer now lives through', () => {
    const d = opened(new Driver(mini(withTools('  crm:\n    crash: { at: 0s, restart: 1m }'))));
    d.do({ type: 'restartTool', tool: 'crm' });
    expect(d.state.troubles.map((t) => t.kind)).toEqual(['crash']);
    d.tick(20_000);
    expect(prompts(d)[0]).toBe('wait');
  });

  it('no wait complaint once the tool has answered: the silence after it is plain dead air', () => {
    const d = opened(
      new Driver(mini(withTools('  kb:\n    latency: 10s\n    outcomes:\n      - id: a\n        text: A'))),
    );
    d.do({ type: 'runTool', tool: 'kb' });
    expect(d.state.troubles.map((t) => t.kind)).toEqual(['wait']);
    // Talking while the tool works: by the time the silence has lasted, the tool has answered.
    d.talk('restate');
    d.tick(60_000);
    const first = d.of('customerPrompted')[0]!;
    expect(first.at).toBeGreaterThan(d.of('toolFinished')[0]!.at);
    expect(first.reason).toBe('deadAir');
  });

  it('never while the customer is speaking, however long the tool takes', () => {
    const d = opened(
      new Driver(mini(withTools('  kb:\n    latency: 2m\n    outcomes:\n      - id: a\n        text: A'))),
    );
    d.do({ type: 'runTool', tool: 'kb' });
    d.say('restate');
    const talkEnds = (): number => d.state.speech?.until ?? d.state.time;
    while (d.state.speech) d.tick(talkEnds() - d.state.time);
    expect(d.of('customerPrompted').filter((e) => e.at < d.state.time)).toEqual([]);
  });

  it('one interjection per threshold: a wait complaint replaces "hello?", never both at once', () => {
    const d = opened(
      new Driver(mini(withTools('  kb:\n    latency: 2m\n    outcomes:\n      - id: a\n        text: A'))),
    );
    d.do({ type: 'runTool', tool: 'kb' });
    d.tick(60_000);
    const ps = d.of('customerPrompted');
    expect(ps[0]!.reason).toBe('wait');
    expect(ps.slice(1).every((p) => p.reason === 'deadAir')).toBe(true);
    const times = ps.map((p) => p.at);
    expect(new Set(times).size).toBe(times.length);
    for (let i = 1; i < times.length; i++)
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(mini().persona_.deadAirEvery);
  });

  it('explained before they notice: no complaint about the wait, and the debrief counts it in time', () => {
    const d = opened(
      new Driver(mini(withTools('  kb:\n    latency: 2m\n    outcomes:\n      - id: a\n        text: A'))),
    );
    d.do({ type: 'runTool', tool: 'kb' });
    d.say('still_here');
    d.tick(60_000);
    expect(prompts(d)).not.toContain('wait');
    expect(d.state.troubles[0]!.explainedAt).toBeGreaterThanOrEqual(0);
    expect(d.of('coached').map((c) => c.key)).toContain('coach.explainedInTime');
  });
});
