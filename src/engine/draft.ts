// A private, mutable working copy of the call state used inside one `step`. The state handed
// in is never touched: every array is copied first, so callers only ever see immutable values.
import type { CompiledCondition, ConditionEnv } from './condition.ts';
import { ANGER, type ScenarioModel, type EffectsModel } from './model.ts';
import type { CallState, CoachTone, EngineEvent, ToolState } from './types.ts';

type Writable<T> = { -readonly [K in keyof T]: T[K] };
export type Draft = Writable<CallState> & {
  readonly sc: ScenarioModel;
  readonly events: EngineEvent[];
  readonly index: number;
  /** Bit per array already copied during this step (copy on first write). */
  copied: number;
};

const ARRAYS = [
  'queue',
  'vars',
  'facts',
  'said',
  'saidAt',
  'visited',
  'steps',
  'tools',
  'holds',
  'stated',
  'deadAir',
  'tones',
  'troubles',
  'pokes',
  'fatal',
  'misordered',
] as const;
type ArrayKey = (typeof ARRAYS)[number];
const BIT: Record<ArrayKey, number> = Object.fromEntries(ARRAYS.map((k, i) => [k, 1 << i])) as Record<ArrayKey, number>;

/** Makes a working copy of `state` for scenario `sc`; `index` is the log index of the action. */
export function openDraft(sc: ScenarioModel, s: CallState, index: number): Draft {
  return Object.assign(copyState(s), { sc, events: [], index, copied: 0 });
}

/**
 * A shallow copy of a state. An explicit literal keeps one hidden class: object spread here
 * was the engine's hot spot.
 */
function copyState(s: CallState): CallState {
  return {
    scenario: s.scenario,
    mode: s.mode,
    time: s.time,
    rng: s.rng,
    cause: s.cause,
    actions: s.actions,
    node: s.node,
    speech: s.speech,
    queue: s.queue,
    vars: s.vars,
    facts: s.facts,
    said: s.said,
    saidAt: s.saidAt,
    visited: s.visited,
    steps: s.steps,
    tools: s.tools,
    silenceSince: s.silenceSince,
    silenceMs: s.silenceMs,
    silenceWaitMs: s.silenceWaitMs,
    prompts: s.prompts,
    silenceToolMs: s.silenceToolMs,
    holds: s.holds,
    onHold: s.onHold,
    stated: s.stated,
    diagnosedAt: s.diagnosedAt,
    notes: s.notes,
    ticketSaved: s.ticketSaved,
    ticketClass: s.ticketClass,
    ticketSavedClass: s.ticketSavedClass,
    ended: s.ended,
    angerIntegral: s.angerIntegral,
    deadAirMs: s.deadAirMs,
    deadAirToolMs: s.deadAirToolMs,
    deadAir: s.deadAir,
    tones: s.tones,
    troubles: s.troubles,
    pokes: s.pokes,
    fatal: s.fatal,
    misordered: s.misordered,
    maxAnger: s.maxAnger,
  };
}

/** The array `k` of the draft, copied the first time it is written in this step. */
export function w<K extends ArrayKey>(d: Draft, k: K): CallState[K][number][] {
  if (!(d.copied & BIT[k])) {
    (d as Record<K, unknown>)[k] = d[k].slice();
    d.copied |= BIT[k];
  }
  return d[k] as unknown as CallState[K][number][];
}

/** Freezes a draft back into a state value. */
export function closeDraft(d: Draft): CallState {
  return copyState(d);
}

export function emit(d: Draft, event: EngineEvent): void {
  d.events.push(event);
}

/** Emits a coaching note, in training mode only, tied to the scorecard line (`item`) it speaks of. */
export function coach(
  d: Draft,
  key: string,
  tone: CoachTone,
  params: Record<string, string> = {},
  item: string | null = null,
): void {
  if (d.mode === 'training') emit(d, { type: 'coached', at: d.time, key, tone, params, item });
}

export function updateTool(d: Draft, tool: number, patch: Partial<ToolState>): ToolState {
  const next = { ...d.tools[tool]!, ...patch };
  w(d, 'tools')[tool] = next;
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
  w(d, 'vars')[v] = clamped;
  emit(d, { type: 'varChanged', at: d.time, name: sc.varNames[v]!, value: clamped, delta: clamped - old });
  if (v === ANGER && clamped > d.maxAnger.value) d.maxAnger = { at: d.time, action: d.index, value: clamped };
}

export function learn(d: Draft, fact: number): void {
  if (d.facts[fact]) return;
  w(d, 'facts')[fact] = true;
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
  w(d, 'steps')[step] = { at: d.time, action: d.index, inOrder };
  const model = d.sc.steps[step]!;
  emit(d, { type: 'stepDone', at: d.time, step: model.id, inOrder });
  coach(
    d,
    inOrder ? 'coach.stepDone' : 'coach.stepEarly',
    inOrder ? 'good' : 'warn',
    { step: model.key },
    `step.${model.id}`,
  );
}

export function stepInOrder(d: Draft, step: number): boolean {
  return d.sc.steps[step]!.after.every((a) => d.steps[a] != null);
}

export function commitFatal(d: Draft, id: string, choice?: string): void {
  if (d.fatal.some((f) => f.id === id)) return;
  w(d, 'fatal').push(choice ? { id, at: d.time, action: d.index, choice } : { id, at: d.time, action: d.index });
  emit(d, { type: 'fatalCommitted', at: d.time, id });
  coach(d, 'coach.fatal', 'bad', { id }, `fatal.${id}`);
}

/** Whether diagnosis `i` is the right one in this call, for the cause the seed drew. */
export function rightDiagnosis(sc: ScenarioModel, s: CallState, i: number): boolean {
  const dg = sc.diagnoses[i]!;
  return dg.correct && (dg.cause < 0 || dg.cause === s.cause);
}

/** The facts the ticket notes must contain: the call's, and those of the cause drawn. */
export function expectedNotes(sc: ScenarioModel, s: CallState): readonly number[] {
  const more = s.cause >= 0 ? sc.ticketNotesByCause[s.cause] : undefined;
  return more && more.length ? [...sc.ticketNotes, ...more] : sc.ticketNotes;
}

/** Evaluates a condition against a state (null means "always"). */
export function holds(sc: ScenarioModel, s: CallState, cond: CompiledCondition | null): boolean {
  return cond === null || cond.evaluate(envOf(sc, s));
}

const isRunning = (t: ToolState): boolean => t.status === 'running' || t.status === 'frozen';
const isCrashed = (t: ToolState): boolean => t.status === 'crashed' || t.status === 'restarting';
const isFrozen = (t: ToolState): boolean => t.status === 'frozen';

/**
 * The read-only view conditions evaluate against. A class rather than an object of closures:
 * conditions are evaluated hundreds of thousands of times during analysis.
 */
class StateEnv implements ConditionEnv {
  constructor(
    private readonly sc: ScenarioModel,
    private readonly s: CallState,
  ) {}

  variable(name: string): number {
    return this.s.vars[this.sc.index.vars.get(name) ?? -1] ?? 0;
  }
  elapsed(): number {
    return this.s.time;
  }
  onHold(): boolean {
    return this.s.onHold;
  }
  knows(f: string): boolean {
    return Boolean(this.s.facts[this.sc.index.facts.get(f) ?? -1]);
  }
  done(step: string): boolean {
    return this.s.steps[this.sc.index.steps.get(step) ?? -1] != null;
  }
  said(c: string): boolean {
    return Boolean(this.s.said[this.sc.index.choices.get(c) ?? -1]);
  }
  visited(n: string): boolean {
    return Boolean(this.s.visited[this.sc.index.nodes.get(n) ?? -1]);
  }
  diagnosed(dg: string): boolean {
    const i = this.sc.index.diagnoses.get(dg);
    return this.s.stated.some((x) => x.diagnosis === i);
  }
  running(t: string): boolean {
    return this.tool(t, isRunning);
  }
  crashed(t: string): boolean {
    return this.tool(t, isCrashed);
  }
  frozen(t: string): boolean {
    return this.tool(t, isFrozen);
  }
  cause(id: string): boolean {
    return this.s.cause >= 0 && this.sc.causes[this.s.cause] === id;
  }
  private tool(tool: string, test: (t: ToolState) => boolean): boolean {
    if (tool === 'any') return this.s.tools.some(test);
    const i = this.sc.index.tools.get(tool);
    return i !== undefined && test(this.s.tools[i]!);
  }
}

/** The read-only view conditions evaluate against. */
export function envOf(sc: ScenarioModel, s: CallState): ConditionEnv {
  return new StateEnv(sc, s);
}
