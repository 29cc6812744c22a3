// The one transition function: step(state, action) → { state, events }.
import { TOOL_IDS, type ScenarioModel, type ToolId } from './model.ts';
import { nextFloat, seedRng } from './rng.ts';
import type { Action, CallState, EngineEvent, LoggedAction, Mode, RejectReason, StepResult } from './types.ts';
import { checkAction, isActionKind, type ActionError } from './actions.ts';
import { closeDraft, coach, commitFatal, emit, openDraft, type Draft, w } from './draft.ts';
import { advanceTo, nextEventAt } from './clock.ts';
import {
  closeHold,
  endCall,
  endSilence,
  enterNode,
  explainTroubles,
  nextSegment,
  sayChoice,
  startSilence,
  stateDiagnosis,
} from './dialogue.ts';
import { busyUntil, isBusy, isTalking, offeredChoices } from './affordances.ts';
import { initialToolState, pokeTool, restartTool, runTool } from './tools.ts';

const EVERY_TOOL: readonly number[] = TOOL_IDS.map((_, i) => i);

const HOLD_ASK_MS = 4_000;
const CHECK_IN_MS = 3_000;

/**
 * The cause of a symptom family this seed stands for, drawn from a stream of its own (the call's
 * random events stay the same whichever cause is drawn), or -1 for a call with one cause.
 */
export function drawCause(sc: ScenarioModel, seed: number): number {
  if (sc.causes.length === 0) return -1;
  const [f] = nextFloat(seedRng(seed ^ CAUSE_STREAM));
  return Math.floor(f * sc.causes.length);
}

/** A seed (from 1 up) that draws cause `c` of a symptom family, or -1 if none of the first `tries` does. */
export function seedFor(sc: ScenarioModel, c: number, tries = 1000): number {
  for (let seed = 1; seed <= tries; seed++) if (drawCause(sc, seed) === c) return seed;
  return -1;
}

const CAUSE_STREAM = 0xca05e;

/** The state of a call just picked up: the start node is entered at time 0. */
export function initialState(sc: ScenarioModel, seed: number, mode: Mode = 'training'): CallState {
  return enterFirst(sc, blankState(sc, seed, mode), sc.start).state;
}

/** A call at time 0 before any node is entered: nothing known, said or visited (see state-at.ts). */
export function blankState(sc: ScenarioModel, seed: number, mode: Mode = 'training'): CallState {
  return {
    scenario: sc.id,
    mode,
    time: 0,
    rng: seedRng(seed),
    cause: drawCause(sc, seed),
    actions: 0,
    node: sc.start,
    speech: null,
    queue: [],
    vars: sc.varInit.slice(),
    facts: sc.facts.map(() => false),
    said: sc.choices.map(() => false),
    saidAt: sc.choices.map(() => -1),
    visited: sc.nodes.map(() => false),
    steps: sc.steps.map(() => null),
    tools: sc.tools.map(initialToolState),
    silenceSince: -1,
    silenceMs: 0,
    silenceWaitMs: 0,
    prompts: 0,
    silenceToolMs: 0,
    holds: [],
    onHold: false,
    stated: [],
    diagnosedAt: -1,
    notes: [],
    ticketSaved: null,
    ticketClass: null,
    ticketSavedClass: null,
    ended: null,
    angerIntegral: 0,
    deadAirMs: 0,
    deadAirToolMs: 0,
    deadAir: [],
    tones: [],
    troubles: [],
    pokes: [],
    misordered: [],
    fatal: [],
    maxAnger: { at: 0, action: -1, value: sc.varInit[0] ?? 0 },
  };
}

/**
 * Enters the call's first node (its start, or another for "play from this node") at time 0; the
 * events are those of the entry (the customer's first words, a tool down at 0:00).
 */
export function enterFirst(sc: ScenarioModel, blank: CallState, node: number): StepResult {
  const d = openDraft(sc, blank, -1);
  enterNode(d, node);
  if (!d.speech) nextSegment(d);
  // What a call schedules for 0:00 (a tool down from the start) has happened when it opens.
  advanceTo(d, 0);
  return { state: closeDraft(d), events: d.events };
}

/**
 * Applies one action. Impossible actions leave the state as it was and emit `rejected`; so does
 * any value that is not a well-formed action (whatever a caller hands in): this never throws.
 */
export function step(sc: ScenarioModel, state: CallState, action: Action): StepResult {
  const error = checkAction(action);
  // The one check, as the save format makes it; an unknown tool is the call's to refuse, below.
  if (error && error.code !== 'unknownTool') {
    if (error.code === 'notLogged') return tick(sc, state, (action as Obj).ms);
    return reject(state, kindOf(action), 'badAction', error);
  }
  if (state.ended) return reject(state, action.type, 'callEnded');
  const d = openDraft(sc, state, state.actions);
  const reason = apply(d, action as LoggedAction);
  if (reason) return reject(state, action.type, reason);
  d.actions += 1;
  return { state: closeDraft(d), events: d.events };
}

type Obj = { readonly [k: string]: unknown };

/** The kind a refused value names (its own `type`), or null. */
function kindOf(action: unknown): Action['type'] | null {
  const own = typeof action === 'object' && action !== null && Object.hasOwn(action, 'type');
  const type = own ? (action as Obj).type : undefined;
  return isActionKind(type) ? type : null;
}

/**
 * Time moves in whole milliseconds: a fraction is rounded to the nearest (a tick of 5e-324 ms is a
 * tick of 0), so every time in the state is an integer and a replay, which ticks from one logged
 * (integral) time to the next, rebuilds the live state bit for bit. Negative, infinite and
 * non-number values are refused.
 */
function tick(sc: ScenarioModel, state: CallState, value: unknown): StepResult {
  if (typeof value !== 'number' || !(value >= 0) || value === Infinity) return reject(state, 'tick', 'badTick');
  if (state.ended) return { state, events: [] };
  const ms = Math.round(value);
  // A zero tick still fires what is due now (a tool that answers at once, a crash at 0:00).
  if (ms === 0 && nextEventAt(sc, state) > state.time) return { state, events: [] };
  const d = openDraft(sc, state, state.actions - 1);
  advanceTo(d, state.time + ms);
  return { state: closeDraft(d), events: d.events };
}

function reject(
  state: CallState,
  action: Action['type'] | null,
  reason: RejectReason,
  error?: ActionError,
): StepResult {
  const event: EngineEvent = error
    ? { type: 'rejected', at: state.time, action, reason, error }
    : { type: 'rejected', at: state.time, action, reason };
  return { state, events: [event] };
}

function toolIndex(d: Draft, tool: ToolId): number {
  return d.sc.index.tools.get(tool) ?? -1;
}

function apply(d: Draft, a: LoggedAction): RejectReason | null {
  switch (a.type) {
    case 'say':
      return say(d, a.choice);
    case 'runTool':
      return withTool(d, a.tool, (t) => runTool(d, t));
    case 'pokeTool':
      return withTool(d, a.tool, (t) => (isBusy(d.tools[t]!) ? pokeTool(d, t) : 'toolNotBusy'));
    case 'restartTool':
      return withTool(d, a.tool, (t) => (restartTool(d, t) ? null : 'toolNotCrashed'));
    // Saving is a form's button, not the tool's: it is refused, not counted as a rage click.
    case 'saveTicket':
      return withTool(d, 'ticket', (t) => (d.tools[t]!.status === 'idle' ? runTool(d, t) : 'toolBusy'));
    case 'hold':
      return hold(d, a.ask);
    case 'checkIn':
      return checkIn(d);
    case 'resume':
      return resume(d, a.thank);
    case 'diagnose':
      return diagnose(d, a.diagnosis);
    case 'writeTicket':
      return writeTicket(d, a.notes);
    case 'classifyTicket':
      return classifyTicket(d, a.category, a.priority);
    case 'hangUp':
      return hangUp(d);
  }
}

function withTool(d: Draft, tool: ToolId, fn: (t: number) => RejectReason | null | void): RejectReason | null {
  const t = toolIndex(d, tool);
  if (t < 0) return 'unknownTool';
  return fn(t) ?? null;
}

function say(d: Draft, id: string): RejectReason | null {
  const c = d.sc.index.choices.get(id);
  if (c === undefined) return 'unknownChoice';
  if (d.onHold) return 'onHold';
  if (isTalking(d)) return 'speaking';
  if (!offeredChoices(d.sc, d).includes(c)) return 'notOffered';
  sayChoice(d, c);
  return null;
}

function hold(d: Draft, ask: boolean): RejectReason | null {
  if (d.onHold) return 'onHold';
  if (isTalking(d)) return 'speaking';
  endSilence(d);
  // Asking takes a few seconds on the line before the music starts.
  const since = d.time + (ask ? HOLD_ASK_MS : 0);
  // Asked while a tool works, the request says what for and for how long (the longest wait).
  let reason = -1;
  if (ask)
    for (let t = 0; t < d.tools.length; t++)
      if (isBusy(d.tools[t]!) && (reason < 0 || busyUntil(d.tools[t]!) > busyUntil(d.tools[reason]!))) reason = t;
  w(d, 'holds').push({
    since,
    asked: ask,
    reason,
    lastContact: since,
    overruns: 0,
    thanked: false,
    end: -1,
    action: d.index,
  });
  d.onHold = true;
  emit(d, {
    type: 'heldCall',
    at: d.time,
    asked: ask,
    tool: reason >= 0 ? d.sc.tools[reason]!.id : null,
    until: reason >= 0 ? busyUntil(d.tools[reason]!) : null,
  });
  // Asking for the hold says why (the tools): every open trouble is told.
  if (ask) explainTroubles(d, EVERY_TOOL);
  else {
    const fatal = d.sc.scoring.fatal.find((f) => f.event === 'holdWithoutAsking');
    if (fatal) commitFatal(d, fatal.id);
    coach(d, 'coach.holdWithoutAsking', 'bad', {}, 'hold');
  }
  if (d.holds.length > 2) coach(d, 'coach.holdAgain', 'warn', {}, 'hold');
  return null;
}

function checkIn(d: Draft): RejectReason | null {
  if (!d.onHold) return 'notOnHold';
  const h = d.holds[d.holds.length - 1]!;
  w(d, 'holds')[d.holds.length - 1] = { ...h, lastContact: d.time + CHECK_IN_MS };
  explainTroubles(d, EVERY_TOOL);
  emit(d, { type: 'checkedIn', at: d.time });
  return null;
}

function resume(d: Draft, thank: boolean): RejectReason | null {
  if (!d.onHold) return 'notOnHold';
  const h = d.holds[d.holds.length - 1]!;
  w(d, 'holds')[d.holds.length - 1] = { ...h, thanked: thank };
  closeHold(d);
  emit(d, { type: 'resumedCall', at: d.time, thanked: thank });
  coach(d, thank ? 'coach.holdThanked' : 'coach.holdNotThanked', thank ? 'good' : 'warn', {}, 'hold');
  if (!d.speech) startSilence(d);
  return null;
}

function diagnose(d: Draft, id: string): RejectReason | null {
  const i = d.sc.index.diagnoses.get(id);
  if (i === undefined) return 'unknownDiagnosis';
  if (d.stated.some((s) => s.diagnosis === i && s.founded)) return 'alreadyStated';
  stateDiagnosis(d, i);
  return null;
}

function writeTicket(d: Draft, notes: readonly string[]): RejectReason | null {
  const idx: number[] = [];
  for (const n of notes) {
    const f = d.sc.index.facts.get(n);
    if (f === undefined) return 'unknownFact';
    // An unconfirmed statement is offered in the form from the start: noting it is a mistake, not a refusal.
    if (!d.facts[f] && !d.sc.ticketUnconfirmed.includes(f)) return 'factNotKnown';
    if (!idx.includes(f)) idx.push(f);
  }
  d.notes = idx.sort((a, b) => a - b);
  emit(d, { type: 'ticketWritten', at: d.time, notes: d.notes.map((f) => d.sc.facts[f]!) });
  return null;
}

function classifyTicket(d: Draft, category: string, priority: string): RejectReason | null {
  const t = d.sc.scoring.ticket;
  if (!t.categories.includes(category)) return 'unknownCategory';
  if (!t.priorities.includes(priority)) return 'unknownPriority';
  d.ticketClass = { category, priority };
  emit(d, { type: 'ticketClassified', at: d.time, category, priority });
  return null;
}

function hangUp(d: Draft): RejectReason | null {
  const fatal = d.sc.scoring.fatal.find((f) => f.event === 'agentHungUp');
  if (fatal) commitFatal(d, fatal.id);
  endCall(d, 'lost', 'agent');
  return null;
}
