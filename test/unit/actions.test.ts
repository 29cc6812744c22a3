import { describe, expect, it } from 'vitest';
import { ACTION_KINDS, parseAction } from '../../src/engine/actions.ts';
import { TOOL_IDS } from '../../src/engine/model.ts';
import { Driver } from '../support/drive.ts';
import { mini } from '../support/load.ts';

const ticket = (d: Driver) => d.state.tools[d.sc.index.tools.get('ticket')!]!;

describe('saveTicket while the ticket tool cannot take it', () => {
  it('is refused while the ticket tool runs: no second run, no rage click, the state untouched', () => {
    const d = new Driver(mini());
    expect(d.do({ type: 'saveTicket' }).map((e) => e.type)).toContain('toolStarted');
    const before = d.state;
    expect(d.do({ type: 'saveTicket' })).toEqual([
      { type: 'rejected', at: before.time, action: 'saveTicket', reason: 'toolBusy' },
    ]);
    expect(d.state).toBe(before);
    expect(ticket(d)).toMatchObject({ status: 'running', uses: 1, pokes: 0 });
  });

  it('is refused while it is frozen or crashed, and taken again once the tool is idle', () => {
    const frozen = new Driver(
      mini((y) =>
        y.replace(
          '  ticket:\n    latency: 3s',
          '  ticket:\n    latency: 3s\n    freeze: { onUse: 1, for: "20s..20s" }',
        ),
      ),
    );
    frozen.do({ type: 'saveTicket' });
    frozen.tick(2_500);
    expect(ticket(frozen).status).toBe('frozen');
    expect(frozen.do({ type: 'saveTicket' }).map((e) => e.type === 'rejected' && e.reason)).toEqual(['toolBusy']);
    const crashed = new Driver(
      mini((y) =>
        y.replace('  ticket:\n    latency: 3s', '  ticket:\n    latency: 3s\n    crash: { onUse: 1, restart: 30s }'),
      ),
    );
    crashed.do({ type: 'saveTicket' });
    crashed.tick(3_000);
    expect(ticket(crashed).status).toBe('crashed');
    expect(crashed.do({ type: 'saveTicket' }).map((e) => e.type === 'rejected' && e.reason)).toEqual(['toolBusy']);
    const done = new Driver(mini());
    done.do({ type: 'saveTicket' });
    done.tick(3_000);
    expect(ticket(done).status).toBe('idle');
    expect(done.do({ type: 'saveTicket' }).map((e) => e.type)).toContain('toolStarted');
    expect(ticket(done).uses).toBe(2);
  });

  it('a press on the running ticket tool itself is still a recorded poke', () => {
    const d = new Driver(mini());
    d.do({ type: 'saveTicket' });
    expect(d.do({ type: 'pokeTool', tool: 'ticket' }).map((e) => e.type)).toContain('toolPoked');
    expect(d.state.pokes).toHaveLength(1);
  });
});

describe('the action table', () => {
  it('knows exactly the kinds the engine takes from a trainee, and never ticks', () => {
    expect([...ACTION_KINDS].sort()).toEqual([
      'checkIn',
      'classifyTicket',
      'diagnose',
      'hangUp',
      'hold',
      'pokeTool',
      'restartTool',
      'resume',
      'runTool',
      'saveTicket',
      'say',
      'writeTicket',
    ]);
    expect(parseAction({ type: 'tick', ms: 10 })).toEqual({ ok: false, errors: [{ path: 'type', code: 'notLogged' }] });
  });

  it('takes every tool of the catalogue and no other name, whatever the prototype offers', () => {
    for (const tool of TOOL_IDS) expect(parseAction({ type: 'runTool', tool }).ok).toBe(true);
    expect(parseAction({ type: 'toString' })).toEqual({ ok: false, errors: [{ path: 'type', code: 'unknownAction' }] });
    expect(parseAction(Object.create({ type: 'hangUp' }))).toEqual({
      ok: false,
      errors: [{ path: 'type', code: 'missing' }],
    });
    expect(parseAction(Object.assign(Object.create(null), { type: 'hangUp' }))).toEqual({
      ok: true,
      value: { type: 'hangUp' },
    });
  });

  it('copies the notes: a later change to the source never reaches the parsed action', () => {
    const notes = ['sync_lost'];
    const r = parseAction({ type: 'writeTicket', notes });
    notes.push('line_fault');
    expect(r).toEqual({ ok: true, value: { type: 'writeTicket', notes: ['sync_lost'] } });
  });
});
