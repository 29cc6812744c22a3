import { describe, expect, it } from 'vitest';
import { affordances } from '../../src/engine/affordances.ts';
import { replay } from '../../src/engine/replay.ts';
import { CallSession } from '../../src/session/call-session.ts';
import { mini } from '../support/load.ts';

describe('CallSession', () => {
  it('logs accepted actions with their time, and not the refused ones', () => {
    const s = new CallSession(mini(), 4, 'training');
    s.advance(1200);
    s.act({ type: 'say', choice: 'hello' });
    s.act({ type: 'say', choice: 'sorry' });
    expect(s.log.entries).toEqual([{ at: 1200, action: { type: 'say', choice: 'hello' } }]);
    expect(s.log).toMatchObject({ scenario: 'mini-call', seed: 4, mode: 'training', time: 1200 });
  });

  it("runs conversation at 1:1, also while a tool works, and a hold at the call's time scale", () => {
    const sc = mini((y) => y.replace('difficulty: 1', 'difficulty: 1\ntimeScale: 4'));
    const s = new CallSession(sc, 1, 'exam');
    s.advance(1000);
    expect(s.state.time).toBe(1000);
    s.act({ type: 'runTool', tool: 'kb' });
    s.advance(500);
    expect(s.state.time).toBe(1500);
    s.act({ type: 'hold', ask: true });
    s.advance(500);
    expect(s.state.time).toBe(3500);
  });

  it('tells its listeners what happened, and its log replays to the same state', () => {
    const s = new CallSession(mini(), 2, 'training');
    const seen: string[] = [];
    const stop = s.subscribe((events) => seen.push(...events.map((e) => e.type)));
    s.act({ type: 'say', choice: 'hello' });
    s.skipWait();
    s.advance(700);
    stop();
    s.skipWait();
    expect(seen).toContain('lineSaid');
    expect(seen).toContain('customerSpoke');
    const log = s.log;
    expect(replay(s.sc, log.seed, log.entries, log.mode, log.time).state).toEqual(s.state);
  });

  it("tells the views what can be done now: the engine's affordances of the current state", () => {
    const s = new CallSession(mini(), 3, 'training');
    expect(s.affordances).toEqual(affordances(s.sc, s.state));
    const first = s.affordances;
    expect(s.affordances).toBe(first);
    s.act({ type: 'say', choice: 'hello' });
    expect(s.affordances).not.toBe(first);
    expect(s.affordances.talking).toBe('agent');
    expect(s.affordances.lines).toEqual([]);
  });

  it('moves the clock at the time scale the engine gives for now', () => {
    const sc = mini((y) => y.replace('difficulty: 1', 'difficulty: 1\ntimeScale: 4'));
    const s = new CallSession(sc, 1, 'exam');
    s.act({ type: 'hold', ask: false });
    expect(s.affordances.timeScale).toBe(4);
    const before = s.state.time;
    s.advance(250);
    expect(s.state.time).toBe(before + 1000);
  });

  it('step by step, the wall clock does not move the call; waiting does', () => {
    const s = new CallSession(mini(), 1, 'training', undefined, [], 'turns');
    s.advance(5000);
    expect(s.state.time).toBe(0);
    s.wait(1000);
    expect(s.state.time).toBe(1000);
  });
});
