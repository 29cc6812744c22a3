// Pause and "skip the wait" (issue 9): the skip goes to the next thing worth seeing and never
// straight into a complaint the trainee could still prevent; a pause stops the clock, in training only.
import { describe, expect, it } from 'vitest';
import { CallSession, WARN_LEAD_MS } from '../../src/session/call-session.ts';
import type { EngineEvent } from '../../src/engine/types.ts';
import { mini } from '../support/load.ts';

/** A session and the events it has emitted since `heard` was last emptied. */
function session(mode: 'training' | 'exam' = 'training') {
  const s = new CallSession(mini(), 1, mode, undefined, [], 'turns');
  const heard: EngineEvent[] = [];
  s.subscribe((events) => heard.push(...events));
  return { s, heard };
}

const complaints = (events: readonly EngineEvent[]) => events.filter((e) => e.type === 'customerPrompted');

describe('skip the wait', () => {
  it("goes through the trainee's line and the customer's whole answer, to the trainee's turn", () => {
    const { s, heard } = session();
    s.act({ type: 'say', choice: 'hello' });
    expect(s.skipWait()).toEqual({ kind: 'moved' });
    expect(s.affordances.turn).toBe('trainee');
    const spoke = heard.find((e) => e.type === 'customerSpoke');
    // Her words are said in full: the screen shows them all.
    expect(spoke && 'until' in spoke ? spoke.until : -1).toBe(s.state.time);
    expect(complaints(heard)).toEqual([]);
  });

  it('stops short of a complaint and says when it would come; skipping again lets it come', () => {
    const { s, heard } = session();
    const stop = s.skipWait();
    expect(stop.kind).toBe('warned');
    if (stop.kind !== 'warned') return;
    expect(stop.reason).toBe('deadAir');
    expect(s.state.time).toBe(stop.at - WARN_LEAD_MS);
    expect(complaints(heard)).toEqual([]);
    expect(s.skipWait()).toEqual({ kind: 'moved' });
    expect(s.state.time).toBe(stop.at);
    expect(complaints(heard)).toHaveLength(1);
  });

  it('never runs into two complaints in a row: each one is warned of first', () => {
    const { s, heard } = session();
    const kinds: string[] = [];
    for (let i = 0; i < 6 && !s.affordances.ended; i++) kinds.push(s.skipWait().kind);
    expect(kinds.slice(0, 4)).toEqual(['warned', 'moved', 'warned', 'moved']);
    expect(complaints(heard).length).toBeLessThanOrEqual(3);
  });

  it('a line said after the warning starts afresh: no complaint comes from the old silence', () => {
    const { s, heard } = session();
    s.skipWait();
    s.act({ type: 'say', choice: 'hello' });
    s.skipWait();
    expect(complaints(heard)).toEqual([]);
  });

  it('stops when a tool answers', () => {
    const { s, heard } = session();
    s.act({ type: 'say', choice: 'hello' });
    s.skipWait();
    s.act({ type: 'runTool', tool: 'kb' });
    for (let i = 0; i < 4 && !heard.some((e) => e.type === 'toolFinished'); i++) s.skipWait();
    const finished = heard.find((e) => e.type === 'toolFinished');
    expect(finished?.at).toBe(s.state.time);
    expect(complaints(heard)).toEqual([]);
  });

  it('on hold, stops before the check-in is overdue', () => {
    const { s, heard } = session();
    s.act({ type: 'say', choice: 'hello' });
    s.skipWait();
    s.act({ type: 'hold', ask: true });
    const stop = s.skipWait();
    expect(stop).toMatchObject({ kind: 'warned', reason: 'hold' });
    expect(complaints(heard)).toEqual([]);
  });
});

describe('pause', () => {
  it('stops the clock in training: real time, waiting and skipping all stand still until resumed', () => {
    const s = new CallSession(mini(), 1, 'training');
    s.advance(1000);
    expect(s.setPaused(true)).toBe(true);
    s.advance(5000);
    s.wait(1000);
    expect(s.skipWait()).toEqual({ kind: 'none' });
    expect(s.state.time).toBe(1000);
    s.setPaused(false);
    s.advance(500);
    expect(s.state.time).toBe(1500);
  });

  it('is not available in an exam', () => {
    const s = new CallSession(mini(), 1, 'exam');
    expect(s.setPaused(true)).toBe(false);
    expect(s.paused).toBe(false);
    s.advance(1000);
    expect(s.state.time).toBe(1000);
  });
});
