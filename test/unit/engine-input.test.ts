// Whatever `step` is handed, it answers with a value: malformed actions and odd ticks are refused
// (state untouched, a `rejected` event saying what), the clock stays in whole ms, and a replay of
// the log rebuilds the live state bit for bit. Issue 11, items 13 and 15.
import { describe, expect, it } from 'vitest';
import { ACTION_KINDS, ACTION_SPECS, checkAction, type ActionErrorCode } from '../../src/engine/actions.ts';
import { nextEventAt } from '../../src/engine/clock.ts';
import { makeLog, parseLog, replay, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import type { Action, CallState, LoggedAction } from '../../src/engine/types.ts';
import { CallSession } from '../../src/session/call-session.ts';
import { debriefModel } from '../../src/ui/DebriefScreen.ts';
import { slowMini } from '../support/fuzz-engine.ts';
import { mini, repoCalls } from '../support/load.ts';

const sc = mini();
const HUGE = 'x'.repeat(1_000_000);

/** A call played from its start, its accepted actions logged as the game logs them. */
class Played {
  s: CallState;
  readonly entries: LogEntry[] = [];
  constructor(readonly sc: ScenarioModel) {
    this.s = initialState(sc, 1);
  }
  act(action: LoggedAction): void {
    const r = step(this.sc, this.s, action);
    expect(r.state).not.toBe(this.s);
    this.entries.push({ at: this.s.time, action });
    this.s = r.state;
  }
  tick(ms: number): void {
    this.s = step(this.sc, this.s, { type: 'tick', ms }).state;
  }
  /** Lets whoever speaks finish, event by event. */
  settle(): void {
    for (let g = 0; g < 20 && (this.s.speech || this.s.queue.length); g++)
      this.tick(Math.max(1, nextEventAt(this.sc, this.s) - this.s.time));
  }
  say(...choices: string[]): this {
    this.settle();
    for (const choice of choices) {
      this.act({ type: 'say', choice });
      this.settle();
    }
    return this;
  }
  /** The log replayed to the live time. */
  replayed(): CallState {
    return replay(this.sc, 1, this.entries, 'training', this.s.time).state;
  }
}

/** mini-call once its opening lines are said: a state where most actions are possible. */
const opened = (): Played => new Played(sc).say('hello', 'sorry', 'check_id');

const MALFORMED: readonly [string, unknown, Action['type'] | null, string, ActionErrorCode][] = [
  ['null', null, null, '', 'notObject'],
  ['undefined', undefined, null, '', 'notObject'],
  ['a number', 42, null, '', 'notObject'],
  ['a string', 'hangUp', null, '', 'notObject'],
  ['an array', [{ type: 'hangUp' }], null, '', 'notObject'],
  ['an unknown kind', { type: 'dance' }, null, 'type', 'unknownAction'],
  ['no kind', { choice: 'hello' }, null, 'type', 'missing'],
  ['a kind from the prototype', Object.create({ type: 'hangUp' }), null, 'type', 'missing'],
  ['a ticket without notes', { type: 'writeTicket' }, 'writeTicket', 'notes', 'missing'],
  [
    'notes that only look like a list',
    { type: 'writeTicket', notes: { length: 1, 0: 'a' } },
    'writeTicket',
    'notes',
    'badType',
  ],
  ['a note that is a number', { type: 'writeTicket', notes: ['sync_lost', 4] }, 'writeTicket', 'notes[1]', 'badType'],
  ['a huge sparse list of notes', { type: 'writeTicket', notes: new Array(1e6) }, 'writeTicket', 'notes', 'tooLong'],
  ['a line as an array', { type: 'say', choice: ['hello'] }, 'say', 'choice', 'badType'],
  ['a huge line id', { type: 'say', choice: HUGE }, 'say', 'choice', 'tooLong'],
  ['an empty diagnosis', { type: 'diagnose', diagnosis: '' }, 'diagnose', 'diagnosis', 'empty'],
  ['a hold asked as a string', { type: 'hold', ask: 'yes' }, 'hold', 'ask', 'badType'],
  ['a resume with no thanks field', { type: 'resume' }, 'resume', 'thank', 'missing'],
  [
    'a class with no priority',
    { type: 'classifyTicket', category: 'connection' },
    'classifyTicket',
    'priority',
    'missing',
  ],
];

describe('step refuses what is not an action, and never throws', () => {
  const s = opened().s;
  it.each(MALFORMED)('%s', (_name, value, action, path, code) => {
    const r = step(sc, s, value as Action);
    expect(r.state).toBe(s);
    expect(r.events).toEqual([{ type: 'rejected', at: s.time, action, reason: 'badAction', error: { path, code } }]);
  });

  it('checks an action before asking whether the call is over, and an ended call stays as it is', () => {
    const ended = step(sc, s, { type: 'hangUp' }).state;
    expect(step(sc, ended, { type: 'dance' } as unknown as Action).events[0]).toMatchObject({ reason: 'badAction' });
    expect(step(sc, ended, { type: 'hangUp' }).events[0]).toMatchObject({ reason: 'callEnded' });
  });

  it('leaves the unknown names of the call to the call: an unknown tool is still `unknownTool`', () => {
    const r = step(sc, s, { type: 'runTool', tool: 'hammer' } as unknown as Action);
    expect(r.events).toEqual([{ type: 'rejected', at: s.time, action: 'runTool', reason: 'unknownTool' }]);
    expect(step(sc, s, { type: 'say', choice: 'no_such_line' }).events[0]).toMatchObject({ reason: 'unknownChoice' });
  });

  it('takes a sound action with extra fields as it takes it without them', () => {
    const plain = step(sc, s, { type: 'hold', ask: true });
    const extra = step(sc, s, { type: 'hold', ask: true, ms: 'x', notes: 3 } as unknown as Action);
    expect(extra).toEqual(plain);
    expect(extra.state.actions).toBe(s.actions + 1);
  });

  it('checks every field of every kind: each one left out is refused where it is missing', () => {
    const sound: Record<string, unknown> = {
      choice: 'hello',
      tool: 'crm',
      ask: true,
      thank: true,
      diagnosis: 'x',
      notes: [],
      category: 'x',
      priority: 'x',
    };
    for (const type of ACTION_KINDS) {
      const fields = Object.keys(ACTION_SPECS[type]);
      const whole = Object.fromEntries([['type', type], ...fields.map((f) => [f, sound[f]])]);
      expect(checkAction(whole)).toBeNull();
      for (const f of fields) {
        const { [f]: _left, ...without } = whole;
        expect(checkAction(without)).toEqual({ path: f, code: 'missing' });
        expect(checkAction({ ...whole, [f]: Symbol('x') })).toMatchObject({ path: f, code: 'badType' });
      }
    }
  });
});

describe('the save format refuses what step refuses, with the same check', () => {
  const good = makeLog(sc.id, 1, 'training', [{ at: 0, action: { type: 'hangUp' } }], 0);
  it.each(MALFORMED.filter(([, v]) => v !== undefined))('%s', (_name, value, _action, path, code) => {
    const raw = { ...good, entries: [{ at: 0, action: value }] };
    const r = parseLog(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toEqual([{ path: path ? `entries[0].action.${path}` : 'entries[0].action', code }]);
    expect(checkAction(value)).toEqual({ path, code });
  });

  it('refuses a time that is not a whole ms: the clock counts whole ms', () => {
    expect(parseLog({ ...good, entries: [{ at: 0.5, action: { type: 'hangUp' } }] })).toEqual({
      ok: false,
      errors: [{ path: 'entries[0].at', code: 'badField' }],
    });
    expect(parseLog({ ...good, time: 5e-324 })).toEqual({ ok: false, errors: [{ path: 'time', code: 'badField' }] });
  });
});

describe('the clock counts whole ms', () => {
  it.each([[-1], [NaN], [Infinity], [-Infinity], ['100'], [null], [undefined], [[5]]])(
    'a tick of %s ms is refused',
    (ms) => {
      const s = initialState(sc, 1);
      const r = step(sc, s, { type: 'tick', ms } as unknown as Action);
      expect(r.state).toBe(s);
      expect(r.events).toEqual([{ type: 'rejected', at: 0, action: 'tick', reason: 'badTick' }]);
    },
  );

  it('a tick of 5e-324 ms is a tick of 0: the scores stay numbers', () => {
    const s = step(sc, initialState(sc, 1), { type: 'tick', ms: 5e-324 }).state;
    expect(s.time).toBe(0);
    const card = scoreCall(sc, s);
    expect([card.total, card.calmness, card.process].every(Number.isFinite)).toBe(true);
  });

  it('fractions are rounded to the nearest ms, and a replay of the log is the live state, to the bit', () => {
    const p = opened();
    for (let i = 0; i < 400; i++) {
      p.tick(60.4 + (i % 3) * 0.3);
      expect(Number.isInteger(p.s.time)).toBe(true);
      if (i === 200) p.act({ type: 'hold', ask: true });
    }
    expect(p.s.angerIntegral).toBeGreaterThan(0);
    expect(p.replayed()).toEqual(p.s);
  });

  it('a silence heard at 1/timeScale is counted in whole ms: ticked in 7 ms or at once, the same state', () => {
    const p = new Played(slowMini()).say('hello', 'sorry', 'check_id', 'restate', 'ask_lights');
    p.act({ type: 'runTool', tool: 'line_test' });
    const before = p.s.silenceMs;
    for (let i = 0; i < 300; i++) p.tick(7);
    // 2100 ms of the sped-up clock are 700 ms heard.
    expect(p.s.silenceWaitMs).toBe(2100);
    expect(p.s.silenceMs - before).toBe(700);
    expect(p.replayed()).toEqual(p.s);
  });
});

describe('a log holding a malformed action, handed past the save format', () => {
  // The debrief and the resume once threw on `{ type: 'writeTicket' }` ("t is not iterable"):
  // the engine now refuses the entry, and they show where the replay parted from the call.
  const call = repoCalls()[0]!;
  const torn: LogEntry[] = [
    { at: 0, action: { type: 'hold', ask: true } },
    { at: 1000, action: { type: 'writeTicket' } as unknown as LoggedAction },
    { at: 2000, action: { type: 'dance' } as unknown as LoggedAction },
  ];

  it('builds the debrief, with the refused entries as drift', () => {
    const m = debriefModel(call, makeLog(call.id, 3, 'training', torn, 0));
    expect(m.drift).toMatchObject({ key: 'drift.changed', params: { at: 1000, count: 2 } });
    expect(Number.isFinite(m.card.total)).toBe(true);
  });

  it('resumes the call: the replay refuses the entries, and the call goes on', () => {
    const r = replay(call, 3, torn, 'training', 3000);
    expect(r.rejected).toEqual([
      { index: 1, reason: 'badAction' },
      { index: 2, reason: 'badAction' },
    ]);
    expect(r.state.time).toBe(3000);
    const session = new CallSession(call, 3, 'training', r.state, torn);
    expect(session.act({ type: 'resume', thank: true })[0]).toMatchObject({ type: 'resumedCall' });
  });
});
