import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goldenCard } from '../../src/analysis/golden.ts';
import {
  ACTION_KINDS,
  ACTION_SPECS,
  MAX_ID_LENGTH,
  MAX_NOTES,
  type ActionErrorCode,
  type ActionKind,
} from '../../src/engine/actions.ts';
import {
  makeLog,
  MAX_ENTRIES,
  parseLog,
  replay,
  replayToEnd,
  SAVE_VERSION,
  type LogEntry,
  type LogError,
} from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { golden, repoCall } from '../support/golden.ts';

const voip = golden('voip-needs-l2');
const good = makeLog(voip.scenario, voip.seed, voip.mode, voip.log, voip.log[voip.log.length - 1]!.at);
const first = voip.log[0]!;

/** A v2 log whose entry 1 holds `action` (raw, unchecked), after one good entry. */
const withAction = (action: unknown): unknown => ({ ...good, entries: [first, { at: first.at, action }] });
const paths = (r: ReturnType<typeof parseLog>): LogError[] => (r.ok ? [] : r.errors);

// Each row: a kind, where the fault is (below the action), what it is, and the broken payload.
const BROKEN: readonly (readonly [ActionKind, string, ActionErrorCode, object])[] = [
  ['say', 'choice', 'missing', { type: 'say' }],
  ['say', 'choice', 'badType', { type: 'say', choice: 3 }],
  ['say', 'choice', 'empty', { type: 'say', choice: '' }],
  ['say', 'choice', 'tooLong', { type: 'say', choice: 'x'.repeat(MAX_ID_LENGTH + 1) }],
  ['runTool', 'tool', 'missing', { type: 'runTool' }],
  ['runTool', 'tool', 'badType', { type: 'runTool', tool: null }],
  ['runTool', 'tool', 'unknownTool', { type: 'runTool', tool: 'fax' }],
  ['pokeTool', 'tool', 'missing', { type: 'pokeTool' }],
  ['pokeTool', 'tool', 'badType', { type: 'pokeTool', tool: 4 }],
  ['restartTool', 'tool', 'missing', { type: 'restartTool' }],
  ['restartTool', 'tool', 'badType', { type: 'restartTool', tool: ['crm'] }],
  ['hold', 'ask', 'missing', { type: 'hold' }],
  ['hold', 'ask', 'badType', { type: 'hold', ask: 'yes' }],
  ['resume', 'thank', 'missing', { type: 'resume' }],
  ['resume', 'thank', 'badType', { type: 'resume', thank: 1 }],
  ['diagnose', 'diagnosis', 'missing', { type: 'diagnose' }],
  ['diagnose', 'diagnosis', 'badType', { type: 'diagnose', diagnosis: { id: 'line_fault' } }],
  ['writeTicket', 'notes', 'missing', { type: 'writeTicket' }],
  ['writeTicket', 'notes', 'badType', { type: 'writeTicket', notes: 'sync_lost' }],
  ['writeTicket', 'notes[1]', 'badType', { type: 'writeTicket', notes: ['sync_lost', 4] }],
  ['writeTicket', 'notes[0]', 'empty', { type: 'writeTicket', notes: [''] }],
  ['writeTicket', 'notes', 'tooLong', { type: 'writeTicket', notes: Array(MAX_NOTES + 1).fill('sync_lost') }],
  ['classifyTicket', 'category', 'missing', { type: 'classifyTicket', priority: 'high' }],
  ['classifyTicket', 'category', 'badType', { type: 'classifyTicket', category: 1, priority: 'high' }],
  ['classifyTicket', 'priority', 'missing', { type: 'classifyTicket', category: 'connection' }],
  ['classifyTicket', 'priority', 'badType', { type: 'classifyTicket', category: 'connection', priority: [] }],
  ['checkIn', 'type', 'unknownAction', { type: ['checkIn'] }],
  ['saveTicket', 'type', 'missing', { kind: 'saveTicket' }],
  ['hangUp', 'type', 'notLogged', { type: 'tick', ms: 5 }],
];

describe('parseLog: each action kind checks its payload', () => {
  it.each(BROKEN)('%s: a bad %s (%s) is refused there, without throwing', (_kind, path, code, action) => {
    expect(paths(parseLog(withAction(action)))).toEqual([{ path: `entries[1].action.${path}`, code }]);
  });

  it('the table above misses no field of any kind: each is tried missing and wrong-typed', () => {
    for (const kind of ACTION_KINDS) {
      for (const field of Object.keys(ACTION_SPECS[kind])) {
        const tried = BROKEN.filter(([k, p]) => k === kind && p === field).map(([, , c]) => c);
        expect([kind, field, tried]).toEqual([kind, field, expect.arrayContaining(['missing', 'badType'])]);
      }
    }
  });

  it('accepts every kind with a sound payload and drops fields it does not know', () => {
    const sound: readonly LogEntry['action'][] = [
      { type: 'say', choice: 'hello' },
      { type: 'runTool', tool: 'crm' },
      { type: 'pokeTool', tool: 'kb' },
      { type: 'restartTool', tool: 'crm' },
      { type: 'hold', ask: false },
      { type: 'checkIn' },
      { type: 'resume', thank: true },
      { type: 'diagnose', diagnosis: 'line_fault' },
      { type: 'writeTicket', notes: [] },
      { type: 'classifyTicket', category: 'connection', priority: 'high' },
      { type: 'saveTicket' },
      { type: 'hangUp' },
    ];
    expect(new Set(sound.map((a) => a.type))).toEqual(new Set(ACTION_KINDS));
    for (const a of sound) {
      const r = parseLog(withAction({ ...a, extra: '<img onerror=x>' }));
      expect(r.ok ? r.value.entries[1]!.action : r.errors).toEqual(a);
    }
  });

  it('a writeTicket without notes (which once crashed replay) is refused before any replay', () => {
    const r = parseLog({
      ...good,
      entries: [...good.entries.slice(0, 3), { at: 1e9, action: { type: 'writeTicket' } }],
    });
    expect(paths(r)).toEqual([{ path: 'entries[3].action.notes', code: 'missing' }]);
  });
});

describe('parseLog: the log around the entries', () => {
  it.each([
    ['null', null, [{ path: '', code: 'notObject' }]],
    ['an array', [good], [{ path: '', code: 'notObject' }]],
    ['a number', 42, [{ path: '', code: 'notObject' }]],
    ['a log from a newer format', { ...good, version: 3, minVersion: 3 }, [{ path: 'minVersion', code: 'tooNew' }]],
    ['a version that is not a number', { ...good, version: '2' }, [{ path: 'version', code: 'badField' }]],
    ['NaN as time', { ...good, time: Number.NaN }, [{ path: 'time', code: 'badField' }]],
    [
      'an entry that is not an object',
      { ...good, entries: [first, 'hangUp'] },
      [{ path: 'entries[1]', code: 'notObject' }],
    ],
    ['a missing action', { ...good, entries: [{ at: 0 }] }, [{ path: 'entries[0].action', code: 'notObject' }]],
    [
      'Infinity as at',
      { ...good, entries: [{ ...first, at: Infinity }] },
      [{ path: 'entries[0].at', code: 'badField' }],
    ],
    ['a negative at', { ...good, entries: [{ ...first, at: -1 }] }, [{ path: 'entries[0].at', code: 'badField' }]],
    ['NaN as at', { ...good, entries: [{ ...first, at: Number.NaN }] }, [{ path: 'entries[0].at', code: 'badField' }]],
    [
      'time going back',
      {
        ...good,
        entries: [
          { ...first, at: 500 },
          { ...first, at: 100 },
        ],
      },
      [{ path: 'entries[1].at', code: 'outOfOrder' }],
    ],
    ['a huge sparse list', { ...good, entries: new Array(2 ** 31) }, [{ path: 'entries', code: 'tooLong' }]],
    [
      'one entry too many',
      { ...good, entries: Array(MAX_ENTRIES + 1).fill(first) },
      [{ path: 'entries', code: 'tooLong' }],
    ],
  ])('refuses %s, saying where', (_name, data, errors) => {
    expect(parseLog(data)).toEqual({ ok: false, errors });
  });

  it('names the first faults of a log broken everywhere, not every one', () => {
    const r = parseLog({ ...good, entries: Array(5000).fill({ at: -1, action: {} }) });
    expect(paths(r).length).toBeGreaterThan(1);
    expect(paths(r).length).toBeLessThanOrEqual(20);
  });

  it("loads a newer log that says this build can read it, in this build's format", () => {
    const r = parseLog({ ...good, version: SAVE_VERSION + 1, minVersion: SAVE_VERSION, futureField: 1 });
    expect(r).toEqual({ ok: true, value: good });
  });

  it('never throws, on any value or on a good log with any field replaced by anything', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withBigInt: true, withSparseArray: true }), (x) => {
        expect(parseLog(x).ok).toBe(false);
      }),
      { numRuns: 500, seed: 8 },
    );
    const sc = repoCall(voip.scenario);
    const key = fc.constantFrom(
      'version',
      'minVersion',
      'scenario',
      'seed',
      'mode',
      'time',
      'at',
      'action',
      'type',
      'tool',
      'choice',
      'notes',
    );
    fc.assert(
      fc.property(fc.nat(good.entries.length - 1), key, fc.anything({ withNullPrototype: true }), (i, k, x) => {
        const log = JSON.parse(JSON.stringify(good)) as Record<string, unknown> & {
          entries: Record<string, unknown>[];
        };
        const entry = log.entries[i]!;
        if (k in log) log[k] = x;
        else if (k === 'at' || k === 'action') entry[k] = x;
        else (entry.action as Record<string, unknown>)[k] = x;
        const r = parseLog(log);
        // Whatever it accepts replays without an exception.
        if (r.ok) replay(sc, r.value.seed, r.value.entries, r.value.mode, r.value.time);
      }),
      { numRuns: 300, seed: 8 },
    );
  });
});

describe('the v1 → v2 upgrade', () => {
  const sc = repoCall(voip.scenario);
  // What a v1 build logged for the same play: escalate and consultSupervisor, and openTool clicks.
  const v1Entries = voip.log.flatMap((e): unknown[] => {
    if (e.action.type !== 'runTool') return [e];
    const opened = { at: e.at, action: { type: 'openTool', tool: e.action.tool } };
    if (e.action.tool === 'escalation') return [opened, { at: e.at, action: { type: 'escalate' } }];
    if (e.action.tool === 'supervisor') return [opened, { at: e.at, action: { type: 'consultSupervisor' } }];
    return [opened, e];
  });
  const v1 = {
    version: 1,
    minVersion: 1,
    scenario: voip.scenario,
    seed: voip.seed,
    mode: voip.mode,
    entries: v1Entries,
    time: good.time,
  };

  it('the v1 log uses every removed kind', () => {
    const kinds = new Set(v1Entries.map((e) => (e as LogEntry).action.type as string));
    for (const k of ['openTool', 'escalate', 'consultSupervisor']) expect(kinds).toContain(k);
  });

  it('loads as the v2 log of the same play, and replays to the same scorecard', () => {
    const r = parseLog(JSON.parse(JSON.stringify(v1)));
    expect(r).toEqual({ ok: true, value: good });
    if (!r.ok) return;
    const upgraded = replayToEnd(sc, r.value.seed, r.value.entries, r.value.mode);
    expect(upgraded.rejected).toEqual([]);
    expect(goldenCard(upgraded.state, sc)).toEqual(voip.expected);
    expect(scoreCall(sc, upgraded.state)).toEqual(scoreCall(sc, replayToEnd(sc, voip.seed, voip.log, voip.mode).state));
  });

  it('the removed kinds are refused in a v2 log, and faults in a v1 log keep their own index', () => {
    expect(paths(parseLog(withAction({ type: 'escalate' })))).toEqual([
      { path: 'entries[1].action.type', code: 'unknownAction' },
    ]);
    const broken = {
      ...v1,
      entries: [
        { at: 0, action: { type: 'openTool', tool: 'crm' } },
        { at: 0, action: { type: 'hold' } },
      ],
    };
    expect(paths(parseLog(broken))).toEqual([{ path: 'entries[1].action.ask', code: 'missing' }]);
    const late = {
      ...v1,
      entries: [
        { at: 50, action: { type: 'checkIn' } },
        { at: 10, action: { type: 'openTool' } },
      ],
    };
    expect(paths(parseLog(late))).toEqual([{ path: 'entries[1].at', code: 'outOfOrder' }]);
  });
});
