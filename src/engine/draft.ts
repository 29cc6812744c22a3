// A private, mutable working copy of the call state used inside one `step`. The state handed
// in is never touched: every array is copied first, so callers only ever see immutable values.
import type { CompiledCondition, ConditionEnv } from './condition.ts';
import { ANGER, type ScenarioModel, type EffectsModel } from './model.ts';
import type { CallState, CoachTone, EngineEvent, ToolState } from './types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer E)[] ? E[] : T[K] };
export type Draft = Mutable<CallState> & { readonly sc: ScenarioModel; readonly events: EngineEvent[]; readonly index: number };

/** Makes a working copy of `state` for scenario `sc`; `index` is the log index of the action. */
export function openDraft(sc: ScenarioModel, state: CallState, index: number): Draft {
  return {
    ...state,
    queue: state.queue.slice(), vars: state.vars.slice(), facts: state.facts.slice(), said: state.said.slice(),
    visited: state.visited.slice(), steps: state.steps.slice(), tools: state.tools.slice(), holds: state.holds.slice(),
    stated: state.stated.slice(), notes: state.notes.slice(), deadAir: state.deadAir.slice(), tones: state.tones.slice(),
    troubles: state.troubles.slice(), pokes: state.pokes.slice(), fatal: state.fatal.slice(),
    sc, events: [], index,
  };
}

/** Freezes a draft back into a state value. */
export function closeDraft(d: Draft): CallState {
  const { sc: _sc, events: _events, index: _index, ...state } = d;
  return state;
}

export function emit(d: Draft, event: EngineEvent): void {
  d.events.push(event);
}

/** Emits a coaching note, in training mode only. */
export function coach(d: Draft, key: string, tone: CoachTone, params: Record<string, string> = {}): void {
  if (d.mode === 'training') emit(d, { type: 'coached', at: d.time, key, tone, params });
}

export function updateTool(d: Draft, tool: number, patch: Partial<ToolState>): ToolState {
  const next = { ...d.tools[tool]!, ...patch };
  d.tools[tool] = next;
  return next;
}

/** Moves a customer variable by `delta`, within its bounds. */
export function addVar(d: Draft, v: number, delta: number): void {
  setVar(d, v, d.vars[v]! + delta);
}

export function setVar(d: Draft, v: number, value: number): void {
  const sc = d.sc;
  const clamped = Math.max(sc.varMin[v]!, Math.min(sc.varMax[v]!, value));
  const old = d.vars[v]!;
  if (clamped === old) return;
  d.vars[v] = clamped;
  emit(d, { type: 'varChanged', at: d.time, name: sc.varNames[v]!, value: clamped, delta: clamped - old });
  if (v === ANGER && clamped > d.maxAnger.value) d.maxAnger = { at: d.time, action: d.index, value: clamped };
}

export function learn(d: Draft, fact: number): void {
  if (d.facts[fact]) return;
  d.facts[fact] = true;
  emit(d, { type: 'factLearned', at: d.time, fact: d.sc.facts[fact]! });
}

export function applyEffects(d: Draft, fx: EffectsModel): void {
  for (const [v, value] of fx.set) setVar(d, v, value);
  for (const [v, delta] of fx.add) addVar(d, v, delta);
  for (const f of fx.learn) learn(d, f);
}

/** Records a playbook step the first time it is done, checking its order constraint. */
export function markStep(d: Draft, step: number, inOrder = stepInOrder(d, step)): void {
  if (d.steps[step]) return;
  d.steps[step] = { at: d.time, action: d.index, inOrder };
  const model = d.sc.steps[step]!;
  emit(d, { type: 'stepDone', at: d.time, step: model.id, inOrder });
  coach(d, inOrder ? 'coach.stepDone' : 'coach.stepEarly', inOrder ? 'good' : 'warn', { step: model.key });
}

export function stepInOrder(d: Draft, step: number): boolean {
  return d.sc.steps[step]!.after.every((a) => d.steps[a] != null);
}

export function commitFatal(d: Draft, id: string): void {
  if (d.fatal.some((f) => f.id === id)) return;
  d.fatal.push({ id, at: d.time, action: d.index });
  emit(d, { type: 'fatalCommitted', at: d.time, id });
  coach(d, 'coach.fatal', 'bad', { id });
}

/** Evaluates a condition against a state (null means "always"). */
export function holds(sc: ScenarioModel, s: CallState, cond: CompiledCondition | null): boolean {
  return cond === null || cond.eval(envOf(sc, s));
}

function toolIs(sc: ScenarioModel, s: CallState, tool: string, test: (t: ToolState) => boolean): boolean {
  if (tool === 'any') return s.tools.some(test);
  const i = sc.index.tools.get(tool);
  return i !== undefined && test(s.tools[i]!);
}

const isRunning = (t: ToolState): boolean => t.status === 'running' || t.status === 'frozen';
const isCrashed = (t: ToolState): boolean => t.status === 'crashed' || t.status === 'restarting';
const isFrozen = (t: ToolState): boolean => t.status === 'frozen';

/** The read-only view conditions evaluate against. */
export function envOf(sc: ScenarioModel, s: CallState): ConditionEnv {
  const flag = (arr: readonly (boolean | unknown)[], map: ReadonlyMap<string, number>, name: string): boolean => {
    const i = map.get(name);
    return i !== undefined && Boolean(arr[i]);
  };
  return {
    variable: (name) => s.vars[sc.index.vars.get(name) ?? -1] ?? 0,
    elapsed: () => s.time,
    onHold: () => s.onHold,
    knows: (f) => flag(s.facts, sc.index.facts, f),
    done: (st) => flag(s.steps, sc.index.steps, st),
    said: (c) => flag(s.said, sc.index.choices, c),
    visited: (n) => flag(s.visited, sc.index.nodes, n),
    diagnosed: (dg) => s.stated.some((x) => x.diagnosis === sc.index.diagnoses.get(dg)),
    running: (t) => toolIs(sc, s, t, isRunning),
    crashed: (t) => toolIs(sc, s, t, isCrashed),
    frozen: (t) => toolIs(sc, s, t, isFrozen),
  };
}

/** Whether any tool is busy (running, frozen or restarting): the customer is waiting on it. */
export function toolBusy(s: CallState): boolean {
  return s.tools.some((t) => t.status === 'running' || t.status === 'frozen' || t.status === 'restarting');
}
