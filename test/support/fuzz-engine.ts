// The engine fuzzer's core: random and malformed action sequences on a call, with the engine's
// invariants checked after every step. Run by `npm run fuzz:engine` (test/fuzz/engine.ts) and, a
// small fixed slice of it, by test/unit/fuzz-engine.test.ts.
import { enumerateActions } from '../../src/engine/affordances.ts';
import { nextEventAt } from '../../src/engine/clock.ts';
import { TOOL_IDS, type ScenarioModel } from '../../src/engine/model.ts';
import { makeLog, parseLog, replay, type LogEntry } from '../../src/engine/replay.ts';
import { floatStream, seedRng } from '../../src/engine/rng.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { Action, CallState, LoggedAction, Mode } from '../../src/engine/types.ts';
import { compile, fixture, mini, playbookWith, repoCalls } from './load.ts';

/**
 * mini-call with no playbook lines and a time scale of 3: while a tool works nothing is on offer,
 * so the clock runs sped up and the customer's silence at a third of it (in whole ms or not).
 */
export function slowMini(): ScenarioModel {
  const quiet = playbookWith((y) => y.replace(/\nlines:[\s\S]*$/, '\nlines: []\n'));
  const yaml = fixture('mini-call.yaml')
    .replace('id: mini-call', 'id: mini-call-slow')
    .replace('difficulty: 1', 'difficulty: 1\ntimeScale: 3')
    .replace('tone: condescending\n', 'tone: condescending\n        if: knows(line_fault)\n');
  return compile(yaml, 'mini-call-slow', quiet);
}

/** The calls fuzzed: the rule tests' small call, a slowed variant of it, and every call of the repository. */
export function fuzzCalls(): ScenarioModel[] {
  return [mini(), slowMini(), ...repoCalls()];
}

/** What can go wrong, beside an exception. */
export const BREAKS = [
  'clockBackwards',
  'clockNotIntegral',
  'varOutOfBounds',
  'stateNotFinite',
  'eventBeforeNow',
  'rejectedChangedState',
  'rejectedBadEvent',
  'acceptedMalformed',
  'counterWrong',
  'endedChanged',
  'scoreNotFinite',
  'scoreOutOfRange',
  'logRefused',
  'replayRejected',
  'replayDiffers',
] as const;
export type BreakKind = (typeof BREAKS)[number];

export type FuzzOptions = {
  readonly calls: readonly ScenarioModel[];
  readonly seed: number;
  /** Sequences over all calls and both modes. */
  readonly count: number;
  readonly maxLength?: number;
  /** How many faults of each kind to describe in full (the first ones). */
  readonly samples?: number;
};

export type FuzzReport = {
  sequences: number;
  steps: number;
  accepted: number;
  rejected: number;
  exceptions: number;
  breaks: Record<BreakKind, number>;
  /** The first faults of each kind, described: call, mode, seed, step and what broke. */
  samples: string[];
  ms: number;
};

/** A small deterministic source of chance: the engine's own PRNG, as a stream. */
class Chance {
  readonly float: () => number;
  constructor(state: number) {
    this.float = floatStream(state);
  }
  int(n: number): number {
    return Math.floor(this.float() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
}

const HUGE = 'x'.repeat(1_000_000);
// An extra field travels into the log (and out again when it is read back): long, not huge.
const LONG = 'y'.repeat(10_000);
const SPARSE: unknown[] = [];
SPARSE.length = 1_000_000;

/** Values that are not actions at all, or actions with a broken payload: every one must be refused. */
const MALFORMED: readonly unknown[] = [
  null,
  undefined,
  0,
  42,
  NaN,
  '',
  'hangUp',
  true,
  Symbol('hangUp'),
  10n,
  () => ({ type: 'hangUp' }),
  [],
  [{ type: 'hangUp' }],
  {},
  new Date(0),
  new Map([['type', 'hangUp']]),
  Object.create({ type: 'hangUp' }),
  { type: null },
  { type: 'dance' },
  { type: 'HANGUP' },
  { type: ['hangUp'] },
  { type: new String('hangUp') },
  { type: HUGE },
  { type: 'toString' },
  { type: '__proto__' },
  { type: 'tick' },
  { type: 'tick', ms: '100' },
  { type: 'tick', ms: null },
  { type: 'tick', ms: -1 },
  { type: 'tick', ms: -Number.MIN_VALUE },
  { type: 'tick', ms: NaN },
  { type: 'tick', ms: Infinity },
  { type: 'tick', ms: -Infinity },
  { type: 'tick', ms: [5] },
  { type: 'tick', ms: 10n },
  { type: 'writeTicket' },
  { type: 'writeTicket', notes: 'a' },
  { type: 'writeTicket', notes: [1] },
  { type: 'writeTicket', notes: [null] },
  { type: 'writeTicket', notes: [['a']] },
  { type: 'writeTicket', notes: [''] },
  { type: 'writeTicket', notes: [HUGE] },
  { type: 'writeTicket', notes: SPARSE },
  { type: 'writeTicket', notes: { length: 1, 0: 'a' } },
  { type: 'writeTicket', notes: null },
  { type: 'say' },
  { type: 'say', choice: 42 },
  { type: 'say', choice: ['x'] },
  { type: 'say', choice: '' },
  { type: 'say', choice: HUGE },
  { type: 'say', choice: {} },
  { type: 'say', choice: null },
  { type: 'runTool' },
  { type: 'runTool', tool: 'hammer' },
  { type: 'runTool', tool: ['crm'] },
  { type: 'runTool', tool: 'toString' },
  { type: 'pokeTool', tool: '__proto__' },
  { type: 'restartTool', tool: HUGE },
  { type: 'hold' },
  { type: 'hold', ask: 'yes' },
  { type: 'hold', ask: 1 },
  { type: 'resume', thank: null },
  { type: 'diagnose', diagnosis: 7 },
  { type: 'diagnose' },
  { type: 'classifyTicket', category: 'x' },
  { type: 'classifyTicket', category: 1, priority: 2 },
  { type: 'classifyTicket', category: HUGE, priority: 'x' },
];

/** Extra or odd fields on a sound action: ignored, the action is taken as it would be without them. */
function withExtras(a: LoggedAction, ch: Chance): unknown {
  const extras = [{ extra: 1 }, { ms: 'x' }, { at: -5, notes: 3 }, { type2: null, nested: { deep: [LONG] } }];
  return Object.freeze({ ...a, ...ch.pick(extras) });
}

/** A tick of any size, sensible or not (fractions, the smallest double, huge and bad values). */
function tickMs(ch: Chance): number {
  const r = ch.float();
  if (r < 0.5) return ch.int(3_000);
  if (r < 0.7) return ch.int(60_000);
  if (r < 0.75) return ch.int(400_000);
  if (r < 0.87) return ch.float() * 5_000;
  if (r < 0.95) return ch.pick([5e-324, 0.5, 1.5, 2.5, 0.49999999999999994, Number.EPSILON, -0, 1e-9]);
  return ch.pick([-1, NaN, Infinity, -Infinity, 1e308, Number.MAX_VALUE, Number.MAX_SAFE_INTEGER, 2 ** 60]);
}

/** An action with the call's ids (offered or not) and some that do not exist. */
function anyAction(sc: ScenarioModel, ch: Chance): LoggedAction {
  const choice = () => ch.pick([...sc.choices.map((c) => c.id), 'no_such_line']);
  const tool = () => ch.pick(TOOL_IDS);
  switch (ch.int(11)) {
    case 0:
      return { type: 'say', choice: choice() };
    case 1:
      return { type: ch.pick(['runTool', 'pokeTool', 'restartTool'] as const), tool: tool() };
    case 2:
      return { type: 'hold', ask: ch.float() < 0.5 };
    case 3:
      return { type: 'resume', thank: ch.float() < 0.5 };
    case 4:
      return { type: 'checkIn' };
    case 5:
      return { type: 'diagnose', diagnosis: ch.pick([...sc.diagnoses.map((d) => d.id), 'nope']) };
    case 6: {
      const notes = Array.from({ length: ch.int(4) }, () => ch.pick([...sc.facts, 'no_such_fact']));
      return { type: 'writeTicket', notes };
    }
    case 7: {
      const t = sc.scoring.ticket;
      return {
        type: 'classifyTicket',
        category: ch.pick([...t.categories, 'no_such_category']),
        priority: ch.pick([...t.priorities, 'no_such_priority']),
      };
    }
    case 8:
      return { type: 'saveTicket' };
    case 9:
      return { type: 'hangUp' };
    default:
      return { type: 'say', choice: choice() };
  }
}

type Draw = { readonly action: unknown; readonly malformed: boolean };

function drawAction(sc: ScenarioModel, s: CallState, ch: Chance): Draw {
  const r = ch.float();
  // As the "skip the wait" control does: straight to the next event (0 ms when one is due now).
  if (r < 0.08) {
    const next = nextEventAt(sc, s);
    if (Number.isFinite(next)) return { action: { type: 'tick', ms: next - s.time }, malformed: false };
  }
  if (r < 0.12) return { action: { type: 'tick', ms: 0 }, malformed: false };
  if (r < 0.3) return { action: { type: 'tick', ms: tickMs(ch) }, malformed: false };
  if (r < 0.7) {
    const legal = enumerateActions(sc, s).filter((a) => a.type !== 'hangUp' || ch.float() < 0.1);
    // Lines said move the call along (to its tool waits and its end): most of the time, one.
    const lines = legal.filter((a) => a.type === 'say');
    if (lines.length && ch.float() < 0.6) return { action: ch.pick(lines), malformed: false };
    if (legal.length) return { action: ch.pick(legal), malformed: false };
  }
  if (r < 0.82) return { action: anyAction(sc, ch), malformed: false };
  if (r < 0.87) return { action: withExtras(anyAction(sc, ch), ch), malformed: false };
  return { action: ch.pick(MALFORMED), malformed: true };
}

/**
 * The first number in a value (a state, a scorecard) that `bad` flags, with its path, or null.
 * Objects found sound are remembered in `sound`: states share their unchanged arrays, and each
 * is walked once.
 */
function findNumber(v: unknown, bad: (n: number) => boolean, sound: WeakSet<object> | null, path = ''): string | null {
  if (typeof v === 'number') return bad(v) ? `${path}=${v}` : null;
  if (typeof v !== 'object' || v === null || sound?.has(v)) return null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const f = findNumber(v[i], bad, sound, `${path}[${i}]`);
      if (f) return f;
    }
  } else {
    for (const k in v) {
      const f = findNumber((v as Record<string, unknown>)[k], bad, sound, path ? `${path}.${k}` : k);
      if (f) return f;
    }
  }
  sound?.add(v);
  return null;
}

/** The first difference between two plain values (Object.is on leaves), or null. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (Object.is(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null)
    return `${path || '(root)'}: ${String(a)} vs ${String(b)}`;
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const sub = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub);
    if (d) return d;
  }
  return null;
}

const notInteger = (n: number): boolean => !Number.isInteger(n);

function describe(a: unknown): string {
  if (typeof a === 'bigint' || typeof a === 'symbol' || typeof a === 'function') return String(a);
  try {
    const text = JSON.stringify(a, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v));
    return text === undefined ? String(a) : text.length > 120 ? `${text.slice(0, 120)}…` : text;
  } catch {
    return String(a);
  }
}

type Fault = (kind: BreakKind | 'exception', detail: string) => void;

/** Checks one step's result against the state before it. */
function checkStep(
  sc: ScenarioModel,
  before: CallState,
  draw: Draw,
  r: { readonly state: CallState; readonly events: readonly unknown[] },
  sound: WeakSet<object>,
  fault: Fault,
): boolean {
  const state = r.state;
  const events = r.events;
  const evs = events as readonly { type: string; at: number; reason?: string }[];
  const rejected = evs.some((e) => e.type === 'rejected');
  const isTick = typeof draw.action === 'object' && draw.action !== null && (draw.action as Action).type === 'tick';
  if (rejected) {
    if (state !== before) fault('rejectedChangedState', describe(draw.action));
    if (evs.length !== 1 || typeof evs[0]!.reason !== 'string')
      fault('rejectedBadEvent', `${describe(evs)} for ${describe(draw.action)}`);
    return false;
  }
  if (draw.malformed) fault('acceptedMalformed', describe(draw.action));
  if (before.ended && state !== before) fault('endedChanged', describe(draw.action));
  const counted = isTick || before.ended ? before.actions : before.actions + 1;
  if (state.actions !== counted)
    fault('counterWrong', `${before.actions} → ${state.actions} on ${describe(draw.action)}`);
  if (state.time < before.time) fault('clockBackwards', `${before.time} → ${state.time}`);
  for (const e of evs) if (!(e.at >= before.time)) fault('eventBeforeNow', `${e.type} at ${e.at} < ${before.time}`);
  state.vars.forEach((v, i) => {
    if (!(v >= sc.varMin[i]! && v <= sc.varMax[i]!)) fault('varOutOfBounds', `${sc.varNames[i]} = ${v}`);
  });
  // Every number of the state is a whole, finite one: times, counts, the PRNG, integrals of both.
  const bad = findNumber(state, notInteger, sound);
  if (bad)
    fault(
      bad.endsWith('NaN') || bad.endsWith('Infinity') ? 'stateNotFinite' : 'clockNotIntegral',
      `${bad} after ${describe(draw.action)}`,
    );
  return !isTick && !before.ended;
}

function checkScore(sc: ScenarioModel, s: CallState, fault: Fault): void {
  const card = scoreCall(sc, s);
  const bad = findNumber(card, (n) => Number.isNaN(n), null);
  if (bad) fault('scoreNotFinite', bad);
  const scores = { total: card.total, process: card.process, calmness: card.calmness, diagnosis: card.diagnosis.score };
  for (const [k, v] of Object.entries(scores)) {
    if (!Number.isFinite(v)) fault('scoreNotFinite', `${k} = ${v}`);
    else if (v < 0 || v > 100) fault('scoreOutOfRange', `${k} = ${v}`);
  }
  for (const l of card.lines)
    if (!(l.credit >= 0 && l.credit <= 1)) fault('scoreOutOfRange', `${l.id} credit ${l.credit}`);
}

/** The log of the accepted actions, saved and read back as a store would, replayed: the same state. */
function checkReplay(
  sc: ScenarioModel,
  seed: number,
  mode: Mode,
  entries: LogEntry[],
  live: CallState,
  fault: Fault,
): void {
  const parsed = parseLog(JSON.parse(JSON.stringify(makeLog(sc.id, seed, mode, entries, live.time))));
  if (!parsed.ok) return fault('logRefused', describe(parsed.errors.slice(0, 2)));
  const log = parsed.value;
  const r = replay(sc, log.seed, log.entries, log.mode, log.time);
  if (r.rejected.length) fault('replayRejected', describe(r.rejected[0]));
  const diff = firstDifference(r.state, live);
  if (diff) fault('replayDiffers', diff);
}

/** Runs one sequence of `length` steps from a call picked up with `seed`, then scores and replays it. */
function runSequence(
  sc: ScenarioModel,
  mode: Mode,
  seed: number,
  ch: Chance,
  length: number,
  report: FuzzReport,
  fault: Fault,
): void {
  let s = initialState(sc, seed, mode);
  const entries: LogEntry[] = [];
  const sound = new WeakSet<object>();
  for (let n = 0; n < length; n++) {
    const draw = drawAction(sc, s, ch);
    const before = s;
    let r;
    try {
      r = step(sc, before, draw.action as Action);
    } catch (e) {
      fault('exception', `${describe(draw.action)}: ${e instanceof Error ? e.message : String(e)}`);
      report.steps++;
      continue;
    }
    report.steps++;
    if (checkStep(sc, before, draw, r, sound, fault)) {
      entries.push({ at: before.time, action: draw.action as LoggedAction });
      report.accepted++;
    } else if (r.state === before && r.events.some((e) => e.type === 'rejected')) report.rejected++;
    s = r.state;
  }
  try {
    checkScore(sc, s, fault);
    checkReplay(sc, seed, mode, entries, s, fault);
  } catch (e) {
    fault('exception', `scoring or replay: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Runs `count` sequences spread over the calls and both modes. */
export function fuzzEngine(o: FuzzOptions): FuzzReport {
  const t0 = performance.now();
  const report: FuzzReport = {
    sequences: 0,
    steps: 0,
    accepted: 0,
    rejected: 0,
    exceptions: 0,
    breaks: Object.fromEntries(BREAKS.map((k) => [k, 0])) as Record<BreakKind, number>,
    samples: [],
    ms: 0,
  };
  const ch = new Chance(seedRng(o.seed));
  const maxLength = o.maxLength ?? 80;
  const modes: readonly Mode[] = ['training', 'exam'];
  for (let i = 0; i < o.count; i++) {
    const sc = o.calls[i % o.calls.length]!;
    const mode = modes[Math.floor(i / o.calls.length) % 2]!;
    const seed = ch.int(2 ** 31) - 2 ** 30;
    const length = 1 + ch.int(maxLength);
    const at = report.steps;
    const fault: Fault = (kind, detail) => {
      if (kind === 'exception') report.exceptions++;
      else report.breaks[kind]++;
      // The first few of each kind: one frequent fault does not hide the others.
      if ((kind === 'exception' ? report.exceptions : report.breaks[kind]) <= (o.samples ?? 2))
        report.samples.push(`${kind} · ${sc.id} ${mode} seed ${seed}, step ${report.steps - at}: ${detail}`);
    };
    runSequence(sc, mode, seed, ch, length, report, fault);
    report.sequences++;
  }
  report.ms = performance.now() - t0;
  return report;
}

/** Exceptions and breaks in all. */
export function faults(r: FuzzReport): number {
  return r.exceptions + Object.values(r.breaks).reduce((a, b) => a + b, 0);
}
