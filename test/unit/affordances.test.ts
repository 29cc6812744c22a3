import { describe, expect, it } from 'vitest';
import { affordances, enumerateActions, toolProgress } from '../../src/engine/affordances.ts';
import { TOOL_IDS } from '../../src/engine/model.ts';
import { Driver } from '../support/drive.ts';
import { compile, fixture, mini, playbookWith, withTools } from '../support/load.ts';

const tool = (d: Driver, id: (typeof TOOL_IDS)[number]) => affordances(d.sc, d.state).tools[TOOL_IDS.indexOf(id)]!;

describe('affordances', () => {
  it('while the trainee talks: no lines, no hold; the tools and the dialogs stay live', () => {
    const d = new Driver(mini());
    d.say('hello');
    const a = affordances(d.sc, d.state);
    expect(a.talking).toBe('agent');
    expect(a.lines).toEqual([]);
    expect(a.controls).toMatchObject({
      hold: false,
      holdSilent: false,
      checkIn: false,
      resume: false,
      diagnose: true,
      ticket: true,
      hangUp: true,
    });
    expect(a.tools.map((t) => t.press)).toEqual(TOOL_IDS.map(() => 'run'));
    expect(a.timeScale).toBe(1);
  });

  it('while the customer answers: the customer is talking', () => {
    const d = new Driver(mini());
    d.say('hello');
    d.tick(d.state.speech!.until - d.state.time);
    expect(affordances(d.sc, d.state).talking).toBe('customer');
  });

  it('whose turn: the customer speaks with the next lines readable, then the trainee, then the desk', () => {
    const d = new Driver(mini());
    d.settle();
    expect(affordances(d.sc, d.state).turn).toBe('trainee');
    d.say('hello');
    expect(affordances(d.sc, d.state).turn).toBe('agent');
    d.tick(d.state.speech!.until - d.state.time);
    const listening = affordances(d.sc, d.state);
    expect(listening.turn).toBe('customer');
    expect(listening.lines).toEqual([]);
    expect(listening.upcoming).toContain('sorry');
    d.settle();
    expect(affordances(d.sc, d.state).lines).toEqual(listening.upcoming);
  });

  it('with nothing to say, the call waits on the desk', () => {
    // Without the playbook's always-available lines ("one moment", "still with you").
    const quiet = playbookWith((y) => y.replace(/\nlines:[\s\S]*$/, '\nlines: []\n'));
    const yaml = fixture('mini-call.yaml').replace(
      'tone: condescending\n',
      'tone: condescending\n        if: knows(line_fault)\n',
    );
    const d = new Driver(compile(yaml, 'mini-call', quiet));
    d.settle();
    for (const c of ['hello', 'sorry', 'check_id', 'restate', 'ask_lights']) d.talk(c);
    expect(affordances(d.sc, d.state)).toMatchObject({ turn: 'desk', lines: [] });
  });

  it('on hold: only check back and resume; waiting runs at the time scale', () => {
    const d = new Driver(mini((y) => y.replace('difficulty: 1', 'difficulty: 1\ntimeScale: 6')));
    d.settle();
    d.do({ type: 'hold', ask: true });
    const a = affordances(d.sc, d.state);
    expect(a.onHold).toBe(true);
    expect(a.lines).toEqual([]);
    expect(a.controls).toMatchObject({ hold: false, checkIn: true, resume: true, resumeSilent: true });
    expect(a.timeScale).toBe(6);
  });

  it('a crashed tool offers a restart, a restarting one only a poke, with the restart progress', () => {
    const d = new Driver(mini(withTools('  crm:\n    latency: 3s\n    crash: { onUse: 1, after: 1s, restart: 30s }')));
    d.settle();
    d.do({ type: 'runTool', tool: 'crm' });
    expect(tool(d, 'crm')).toMatchObject({
      status: 'running',
      press: 'poke',
      action: { type: 'pokeTool', tool: 'crm' },
    });
    d.tick(1000);
    expect(tool(d, 'crm')).toMatchObject({
      status: 'crashed',
      press: 'restart',
      action: { type: 'restartTool', tool: 'crm' },
      progress: null,
    });
    d.do({ type: 'restartTool', tool: 'crm' });
    d.tick(15_000);
    expect(tool(d, 'crm')).toMatchObject({ status: 'restarting', press: 'poke' });
    expect(tool(d, 'crm').progress).toBeCloseTo(0.5, 5);
  });

  it('a frozen tool holds the progress it had when it froze, and goes on from there', () => {
    const d = new Driver(
      mini(
        withTools(
          '  kb:\n    latency: 10s\n    freeze: { onUse: 1, for: 40s }\n    outcomes:\n      - id: a\n        text: A',
        ),
      ),
    );
    d.settle();
    d.do({ type: 'runTool', tool: 'kb' });
    d.tick(1000);
    expect(tool(d, 'kb').progress).toBeCloseTo(0.1, 5);
    d.tick(1000); // the freeze comes 2 s into the run
    expect(tool(d, 'kb')).toMatchObject({ status: 'frozen', press: 'poke' });
    const held = tool(d, 'kb').progress!;
    expect(held).toBeCloseTo(0.2, 5);
    d.tick(20_000);
    expect(tool(d, 'kb').progress).toBe(held);
    d.tick(20_000); // thawed: the bar moves on from where it stood
    expect(tool(d, 'kb').status).toBe('running');
    expect(tool(d, 'kb').progress).toBeCloseTo(0.2, 5);
    d.tick(4000);
    expect(tool(d, 'kb').progress).toBeCloseTo(0.6, 5);
  });

  it('the lines on offer change when a tool brings a fact', () => {
    const d = new Driver(
      mini(
        withTools(
          '  line_test:\n    latency: 2m\n    outcomes:\n      - id: fault\n        text: Coupure\n        learn: [line_fault]',
        ),
      ),
    );
    d.settle();
    for (const c of ['hello', 'sorry', 'check_id', 'restate', 'ask_lights']) d.talk(c);
    expect(affordances(d.sc, d.state).lines).toContain('blame_box');
    expect(affordances(d.sc, d.state).lines).not.toContain('tell_fault');
    d.do({ type: 'runTool', tool: 'line_test' });
    d.tick(120_000);
    d.settle();
    const lines = affordances(d.sc, d.state).lines;
    expect(lines).toContain('tell_fault');
    expect(lines.indexOf('tell_fault')).toBeLessThan(lines.indexOf('blame_box'));
  });

  it('a diagnosis stated on its evidence can no more be stated; the ticket save waits for an idle ticket tool', () => {
    const d = new Driver(mini());
    d.settle();
    d.do({ type: 'diagnose', diagnosis: 'box_fault' });
    expect(affordances(d.sc, d.state).diagnoses).toEqual(['line_fault']);
    d.do({ type: 'runTool', tool: 'ticket' });
    expect(affordances(d.sc, d.state).controls.saveTicket).toBe(false);
    d.tick(3000);
    expect(affordances(d.sc, d.state).controls.saveTicket).toBe(true);
  });

  it('after the end: nothing', () => {
    const d = new Driver(mini());
    d.do({ type: 'hangUp' });
    const a = affordances(d.sc, d.state);
    expect(a.ended).toBe(true);
    expect(Object.values(a.controls).some(Boolean)).toBe(false);
    expect(a.tools.every((t) => t.press === null && t.action === null)).toBe(true);
    expect(enumerateActions(d.sc, d.state)).toEqual([]);
  });

  it('progress is derived from the state alone', () => {
    const t = {
      status: 'running',
      runStart: 1000,
      runEnd: 21_000,
      pausedMs: 0,
      frozenUntil: -1,
      restartEnd: -1,
      restartFor: 0,
    } as const;
    expect(toolProgress(t as never, 6000)).toBe(0.25);
    expect(toolProgress({ ...t, status: 'idle' } as never, 6000)).toBeNull();
  });
});
