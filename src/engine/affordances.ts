// What the trainee can do at this moment: the one answer the views, the analyser, random play
// and the tests ask for. Nothing else decides who is talking, what a tool button does or which
// control is live; `step` refuses what is not offered here.
import { holds } from './draft.ts';
import { TOOL_IDS, type ScenarioModel, type ToolId } from './model.ts';
import type { CallState, LoggedAction, ToolState, ToolStatus } from './types.ts';

/** What pressing a tool's button does now: start it, restart it after a crash, or poke it while it cannot answer. */
export type ToolPress = 'run' | 'restart' | 'poke';

export type ToolAffordance = {
  readonly id: ToolId;
  readonly status: ToolStatus;
  /** Null once the call has ended. */
  readonly press: ToolPress | null;
  /** The action a press sends, or null. */
  readonly action: LoggedAction | null;
  /** 0..1: the run's progress (held while frozen) or the restart's; null when idle or crashed. */
  readonly progress: number | null;
};

export const CONTROL_IDS = [
  'hold',
  'holdSilent',
  'checkIn',
  'resume',
  'resumeSilent',
  'diagnose',
  'ticket',
  'saveTicket',
  'hangUp',
] as const;
export type ControlId = (typeof CONTROL_IDS)[number];

export type Turn = 'agent' | 'customer' | 'trainee' | 'desk' | 'hold' | 'ended';

export type Affordances = {
  readonly ended: boolean;
  /** Who is speaking (or has a line queued): the lines wait until they are done. */
  readonly talking: 'agent' | 'customer' | null;
  readonly onHold: boolean;
  /** A tool is running, frozen or restarting: the customer is waiting on it. */
  readonly toolBusy: boolean;
  /** Choice ids on offer, in the engine's order (the node's lines, then the playbook's). */
  readonly lines: readonly string[];
  /**
   * While the customer says a node's words, the lines that will be on offer when they finish:
   * to be read, not said yet (an agent prepares the answer while listening). Empty otherwise.
   */
  readonly upcoming: readonly string[];
  /**
   * Whose move it is: the agent's or the customer's words are being said; `trainee`: lines are
   * on offer and the silence is the trainee's; `desk`: nothing to say, the call waits on the desk
   * (a tool to run, or one still working); on hold; ended.
   */
  readonly turn: Turn;
  readonly tools: readonly ToolAffordance[];
  readonly controls: Readonly<Record<ControlId, boolean>>;
  /** Diagnoses that can still be stated. */
  readonly diagnoses: readonly string[];
  /** Facts known so far. */
  readonly facts: readonly string[];
  /** What the ticket form offers to note: the facts known, and the call's unconfirmed statements. */
  readonly notable: readonly string[];
  /** Call milliseconds per real millisecond now (see `timeScaleOf`). */
  readonly timeScale: number;
};

/** Someone is speaking or has words queued. */
export function isTalking(s: CallState): boolean {
  return s.speech !== null || s.queue.length > 0;
}

/** A tool that keeps the customer waiting: running, frozen or restarting. */
export function isBusy(t: ToolState): boolean {
  return t.status === 'running' || t.status === 'frozen' || t.status === 'restarting';
}

export function anyToolBusy(s: CallState): boolean {
  return s.tools.some(isBusy);
}

/**
 * How fast the call's clock runs, in call ms per real ms: sped up by the call's time scale only
 * while nobody needs words — on hold, or when a busy tool is all there is (nothing to say). While
 * anyone speaks or lines are on offer, the conversation runs at 1:1 so a person can read.
 */
export function timeScaleOf(sc: ScenarioModel, s: CallState): number {
  if (s.ended) return 1;
  if (s.onHold) return sc.timeScale;
  if (isTalking(s) || !anyToolBusy(s)) return 1;
  return anyOffered(sc, s) ? 1 : sc.timeScale;
}

/** When a busy tool will be free again (at the latest of its run, freeze and restart), or -1. */
export function busyUntil(t: ToolState): number {
  return isBusy(t) ? Math.max(t.runEnd, t.frozenUntil, t.restartEnd) : -1;
}

/** The lines on offer now, as choice indices: none while someone talks, on hold or after the end. */
export function offeredChoices(sc: ScenarioModel, s: CallState): number[] {
  if (s.ended || s.onHold || isTalking(s)) return [];
  const out: number[] = [];
  for (const c of sc.nodes[s.node]!.choices) if (isOffered(sc, s, c)) out.push(c);
  for (const c of sc.generic) if (isOffered(sc, s, c)) out.push(c);
  return out;
}

/** The lines the current node will offer once the customer's words end (none if more is queued). */
function upcomingChoices(sc: ScenarioModel, s: CallState): number[] {
  if (s.ended || s.onHold || s.speech?.who !== 'customer' || s.queue.length > 0) return [];
  const out: number[] = [];
  for (const c of sc.nodes[s.node]!.choices) if (isOffered(sc, s, c)) out.push(c);
  for (const c of sc.generic) if (isOffered(sc, s, c)) out.push(c);
  return out;
}

/** Whether any line is on offer (the playbook's always-available lines first: the usual answer, and cheap). */
function anyOffered(sc: ScenarioModel, s: CallState): boolean {
  for (const c of sc.generic) if (isOffered(sc, s, c)) return true;
  for (const c of sc.nodes[s.node]!.choices) if (isOffered(sc, s, c)) return true;
  return false;
}

function isOffered(sc: ScenarioModel, s: CallState, c: number): boolean {
  const choice = sc.choices[c]!;
  if (choice.once && s.said[c]) return false;
  return holds(sc, s, choice.cond);
}

/** What a press on a tool in this status does. */
export function toolPress(t: ToolState): ToolPress {
  return t.status === 'idle' ? 'run' : t.status === 'crashed' ? 'restart' : 'poke';
}

function clamp(x: number): number {
  return Math.max(0, Math.min(1, x));
}

/** How far a busy tool has got, derived from the state alone (a frozen bar holds its value). */
export function toolProgress(t: ToolState, time: number): number | null {
  if (t.status === 'restarting') return t.restartFor > 0 ? clamp(1 - (t.restartEnd - time) / t.restartFor) : 1;
  if ((t.status !== 'running' && t.status !== 'frozen') || t.runEnd < 0) return null;
  const length = t.runEnd - t.runStart - t.pausedMs;
  if (length <= 0) return 1;
  // While frozen, the run stands where it was when the freeze began: frozenUntil minus the pauses.
  const now = t.status === 'frozen' ? t.frozenUntil : time;
  return clamp((now - t.runStart - t.pausedMs) / length);
}

/** Whether the diagnosis can be stated: not yet stated on its evidence. */
function canState(s: CallState, d: number): boolean {
  return !s.stated.some((x) => x.diagnosis === d && x.founded);
}

/** Everything the trainee can do now, for the views. */
export function affordances(sc: ScenarioModel, s: CallState): Affordances {
  const ended = s.ended !== null;
  // Whatever is queued after a line (a reply, a node's words) is the customer's.
  const talking = s.speech?.who ?? (s.queue.length > 0 ? 'customer' : null);
  const live = !ended;
  const canHold = live && !s.onHold && talking === null;
  const lines = offeredChoices(sc, s).map((c) => sc.choices[c]!.id);
  const ticket = s.tools[TOOL_IDS.indexOf('ticket')];
  const tools = s.tools.map((t, i): ToolAffordance => {
    const id = sc.tools[i]!.id;
    const press = ended ? null : toolPress(t);
    const action: LoggedAction | null =
      press === null
        ? null
        : { type: press === 'run' ? 'runTool' : press === 'restart' ? 'restartTool' : 'pokeTool', tool: id };
    return { id, status: t.status, press, action, progress: toolProgress(t, s.time) };
  });
  return {
    ended,
    talking,
    onHold: s.onHold,
    toolBusy: anyToolBusy(s),
    lines,
    upcoming: upcomingChoices(sc, s).map((c) => sc.choices[c]!.id),
    turn: ended ? 'ended' : s.onHold ? 'hold' : talking !== null ? talking : lines.length > 0 ? 'trainee' : 'desk',
    tools,
    controls: {
      hold: canHold,
      holdSilent: canHold,
      checkIn: live && s.onHold,
      resume: live && s.onHold,
      resumeSilent: live && s.onHold,
      diagnose: live && sc.diagnoses.some((_, d) => canState(s, d)),
      ticket: live,
      saveTicket: live && ticket?.status === 'idle',
      hangUp: live,
    },
    diagnoses: live ? sc.diagnoses.flatMap((dg, d) => (canState(s, d) ? [dg.id] : [])) : [],
    facts: sc.facts.filter((_, f) => s.facts[f]),
    notable: sc.facts.filter((_, f) => s.facts[f] || sc.ticketUnconfirmed.includes(f)),
    timeScale: timeScaleOf(sc, s),
  };
}

/**
 * Every legal (non-tick) action now. Ticket notes are any subset of the known facts: the list
 * holds the ones that matter (all known facts, and the ticket-worthy ones when they differ).
 */
export function enumerateActions(sc: ScenarioModel, s: CallState): LoggedAction[] {
  if (s.ended) return [];
  // What `affordances` offers, built directly: random play asks this at every step.
  const out: LoggedAction[] = [];
  for (const c of offeredChoices(sc, s)) out.push({ type: 'say', choice: sc.choices[c]!.id });
  for (let i = 0; i < s.tools.length; i++) {
    const press = toolPress(s.tools[i]!);
    const type = press === 'run' ? 'runTool' : press === 'restart' ? 'restartTool' : 'pokeTool';
    out.push({ type, tool: sc.tools[i]!.id });
  }
  if (!s.onHold && !isTalking(s)) out.push({ type: 'hold', ask: true }, { type: 'hold', ask: false });
  if (s.onHold) out.push({ type: 'checkIn' }, { type: 'resume', thank: true }, { type: 'resume', thank: false });
  for (let d = 0; d < sc.diagnoses.length; d++)
    if (canState(s, d)) out.push({ type: 'diagnose', diagnosis: sc.diagnoses[d]!.id });
  const notable: string[] = [];
  const worthy: string[] = [];
  for (let f = 0; f < sc.facts.length; f++) {
    if (s.facts[f] || sc.ticketUnconfirmed.includes(f)) notable.push(sc.facts[f]!);
    if (s.facts[f] && sc.ticketNote[f]) worthy.push(sc.facts[f]!);
  }
  out.push({ type: 'writeTicket', notes: notable });
  if (worthy.length !== notable.length) out.push({ type: 'writeTicket', notes: worthy });
  // The classifications that matter: the right one, and each one wrong in one part only.
  const right = sc.ticketClass;
  const t = sc.scoring.ticket;
  if (right) {
    for (const category of t.categories) out.push({ type: 'classifyTicket', category, priority: right.priority });
    for (const priority of t.priorities)
      if (priority !== right.priority) out.push({ type: 'classifyTicket', category: right.category, priority });
  }
  if (s.tools[TOOL_IDS.indexOf('ticket')]?.status === 'idle') out.push({ type: 'saveTicket' });
  out.push({ type: 'hangUp' });
  return out;
}
