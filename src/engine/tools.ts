// The agent desktop's tools: runs with latency, freezes, crashes, restarts and outcomes.
import { isBusy } from './affordances.ts';
import { drawDuration } from './rng.ts';
import type { ScenarioModel, ToolModel } from './model.ts';
import type { ToolState } from './types.ts';
import {
  applyEffects,
  coach,
  commitFatal,
  emit,
  holds,
  markStep,
  stepInOrder,
  updateTool,
  type Draft,
  w,
} from './draft.ts';

const FREEZE_DELAY = 2_000;

export function initialToolState(): ToolState {
  return {
    status: 'idle',
    uses: 0,
    runEnd: -1,
    runStart: -1,
    pausedMs: 0,
    idleCrash: false,
    runInOrder: true,
    crashAt: -1,
    freezeAt: -1,
    freezeFor: 0,
    frozenUntil: -1,
    restartEnd: -1,
    restartFor: 0,
    pokes: 0,
    lastOutcome: -1,
    timedFired: 0,
  };
}

function draw(d: Draft, min: number, max: number): number {
  const [value, rng] = drawDuration(d.rng, min, max);
  d.rng = rng;
  return value;
}

/** Starts a run of an idle tool; any other status turns the click into a recorded poke. */
export function runTool(d: Draft, t: number): void {
  const tool = d.tools[t]!;
  if (tool.status !== 'idle') return pokeTool(d, t);
  const model = d.sc.tools[t]!;
  const uses = tool.uses + 1;
  const latency = draw(d, model.latencyMin, model.latencyMax);
  const crash = model.crashes.find((c) => c.onUse === uses);
  const freeze = model.freezes.find((f) => f.onUse === uses);
  const inOrder = model.step < 0 || stepInOrder(d, model.step);
  updateTool(d, t, {
    status: 'running',
    uses,
    runStart: d.time,
    runEnd: d.time + latency,
    pausedMs: 0,
    runInOrder: inOrder,
    crashAt: crash ? d.time + Math.min(crash.after, Math.max(0, latency - 1)) : -1,
    restartFor: crash ? crash.restart : tool.restartFor,
    freezeAt: freeze ? d.time + Math.min(FREEZE_DELAY, Math.floor(latency / 2)) : -1,
    freezeFor: freeze ? draw(d, freeze.min, freeze.max) : 0,
  });
  emit(d, { type: 'toolStarted', at: d.time, tool: model.id, until: d.time + latency });
  if (latency >= d.sc.scoring.longWait) addTrouble(d, t, 'wait');
  // An early run is coached when it completes (markStep), as the debrief scores it: a run that
  // crashes on the way counts for nothing, early or not.
  if (!inOrder) {
    const step = d.sc.steps[model.step]!;
    if (step.fatalIfEarly) commitFatal(d, `${step.id}_early`);
  }
}

/** A click on a tool that cannot answer: counted as a rage click. */
export function pokeTool(d: Draft, t: number): void {
  const tool = d.tools[t]!;
  if (tool.status === 'idle') return;
  const next = updateTool(d, t, { pokes: tool.pokes + 1 });
  w(d, 'pokes').push({ at: d.time, action: d.index, tool: t });
  emit(d, { type: 'toolPoked', at: d.time, tool: d.sc.tools[t]!.id, count: next.pokes });
  if (next.pokes === 2) coach(d, 'coach.rageClick', 'warn', {}, 'calm.rageClicks');
}

/** Restarts a crashed tool; the restart takes the crash's restart time. */
export function restartTool(d: Draft, t: number): boolean {
  const tool = d.tools[t]!;
  if (tool.status !== 'crashed') return false;
  updateTool(d, t, { status: 'restarting', restartEnd: d.time + tool.restartFor, idleCrash: false });
  emit(d, { type: 'toolRestarting', at: d.time, tool: d.sc.tools[t]!.id, until: d.time + tool.restartFor });
  // A tool that fell while idle keeps nobody waiting until now: its restart is the wait.
  if (tool.idleCrash) addTrouble(d, t, 'crash');
  return true;
}

function addTrouble(d: Draft, t: number, kind: 'crash' | 'freeze' | 'wait'): void {
  w(d, 'troubles').push({
    tool: t,
    kind,
    at: d.time,
    explainedAt: d.onHold ? d.time : -1,
    penalised: false,
    perceived: false,
    action: d.index,
  });
}

/** The time of this tool's next scheduled change, or Infinity. */
export function nextToolEvent(model: ToolModel, tool: ToolState): number {
  let next = Infinity;
  if (tool.status === 'running') {
    next = Math.min(
      tool.runEnd,
      tool.crashAt >= 0 ? tool.crashAt : Infinity,
      tool.freezeAt >= 0 ? tool.freezeAt : Infinity,
    );
  } else if (tool.status === 'frozen') {
    next = Math.min(tool.frozenUntil, tool.crashAt >= 0 ? tool.crashAt : Infinity);
  } else if (tool.status === 'restarting') {
    next = tool.restartEnd;
  }
  const timed = model.timed;
  for (let i = 0; i < timed.length; i++) {
    if (!(tool.timedFired & (1 << i))) next = Math.min(next, timed[i]!.at);
  }
  return next;
}

/** Fires whatever is due for tool `t` at the current time. Returns true if anything fired. */
export function fireTool(d: Draft, t: number): boolean {
  const tool = d.tools[t]!;
  const model = d.sc.tools[t]!;
  const now = d.time;
  if (fireTimed(d, t)) return true;
  if ((tool.status === 'running' || tool.status === 'frozen') && tool.crashAt === now) {
    crash(d, t, tool.restartFor);
    return true;
  }
  if (tool.status === 'running' && tool.freezeAt === now) {
    freeze(d, t, tool.freezeFor);
    return true;
  }
  if (tool.status === 'frozen' && tool.frozenUntil === now) {
    updateTool(d, t, { status: tool.runEnd >= 0 ? 'running' : 'idle', frozenUntil: -1 });
    emit(d, { type: 'toolUnfroze', at: now, tool: model.id });
    return true;
  }
  if (tool.status === 'running' && tool.runEnd === now) {
    completeRun(d, t);
    return true;
  }
  if (tool.status === 'restarting' && tool.restartEnd === now) {
    updateTool(d, t, { status: 'idle', restartEnd: -1 });
    emit(d, { type: 'toolRestarted', at: now, tool: model.id });
    return true;
  }
  return false;
}

function fireTimed(d: Draft, t: number): boolean {
  const timed = d.sc.tools[t]!.timed;
  for (let i = 0; i < timed.length; i++) {
    const f = timed[i]!;
    const tool = d.tools[t]!;
    if (f.at !== d.time || tool.timedFired & (1 << i)) continue;
    updateTool(d, t, { timedFired: tool.timedFired | (1 << i) });
    if ('restart' in f) {
      if (tool.status !== 'crashed' && tool.status !== 'restarting') crash(d, t, f.restart);
    } else if (tool.status === 'idle' || tool.status === 'running') {
      freeze(d, t, draw(d, f.min, f.max));
    }
    return true;
  }
  return false;
}

/** A crash: a trouble the customer lives through only if they were waiting on the tool. */
function crash(d: Draft, t: number, restartFor: number): void {
  const inUse = isBusy(d.tools[t]!);
  updateTool(d, t, {
    status: 'crashed',
    runEnd: -1,
    crashAt: -1,
    freezeAt: -1,
    frozenUntil: -1,
    restartFor,
    idleCrash: !inUse,
  });
  emit(d, { type: 'toolCrashed', at: d.time, tool: d.sc.tools[t]!.id });
  if (inUse) addTrouble(d, t, 'crash');
}

function freeze(d: Draft, t: number, ms: number): void {
  const tool = d.tools[t]!;
  updateTool(d, t, {
    status: 'frozen',
    freezeAt: -1,
    frozenUntil: d.time + ms,
    runEnd: tool.runEnd >= 0 ? tool.runEnd + ms : -1,
    pausedMs: tool.runEnd >= 0 ? tool.pausedMs + ms : 0,
  });
  emit(d, { type: 'toolFroze', at: d.time, tool: d.sc.tools[t]!.id, until: d.time + ms });
  // An idle tool that freezes keeps nobody waiting.
  if (tool.runEnd >= 0) addTrouble(d, t, 'freeze');
}

/** The run ends: the first outcome whose condition holds is shown and applied. */
function completeRun(d: Draft, t: number): void {
  const sc: ScenarioModel = d.sc;
  const model = sc.tools[t]!;
  const tool = d.tools[t]!;
  const o = model.outcomes.findIndex((x) => holds(sc, d, x.cond));
  updateTool(d, t, { status: 'idle', runEnd: -1, crashAt: -1, freezeAt: -1, lastOutcome: o });
  const outcome = o >= 0 ? model.outcomes[o]! : null;
  emit(d, {
    type: 'toolFinished',
    at: d.time,
    tool: model.id,
    outcome: outcome?.id ?? null,
    key: outcome?.key ?? null,
  });
  if (outcome) applyEffects(d, outcome.effects);
  if (model.id === 'ticket') {
    d.ticketSaved = d.notes.slice();
    d.ticketSavedClass = d.ticketClass;
  }
  if (model.step >= 0) markStep(d, model.step, tool.runInOrder);
}
