// "Play from this node": a call state at time 0 in a chosen node, with the facts, mood, steps
// and tool states a trainer picks, built from the engine's own blank state and node entry (no
// state poked at from outside). Bad picks are a value naming what is wrong, never a throw.
import { ANGER, PATIENCE, type ScenarioModel, type ToolId } from './model.ts';
import { blankState, enterFirst } from './step.ts';
import { initialToolState } from './tools.ts';
import type { CallState, EngineEvent, Mode, ToolState } from './types.ts';

/** A tool's state at the start: working, or down (to be restarted). */
export type StartToolState = 'idle' | 'crashed';

export type StartAt = {
  /** The node's id (as in the YAML). */
  readonly node: string;
  /** Facts already known. */
  readonly facts?: readonly string[];
  /** Playbook steps already done (in order, as if before this node). */
  readonly steps?: readonly string[];
  readonly anger?: number;
  readonly patience?: number;
  readonly tools?: Readonly<Partial<Record<ToolId, StartToolState>>>;
  readonly seed?: number;
  readonly mode?: Mode;
};

export type StartError =
  | { readonly code: 'unknownNode' | 'unknownFact' | 'unknownStep' | 'unknownTool'; readonly name: string }
  | { readonly code: 'outOfRange'; readonly name: 'anger' | 'patience'; readonly min: number; readonly max: number };

export type StartResult =
  | { readonly ok: true; readonly state: CallState; readonly events: readonly EngineEvent[] }
  | { readonly ok: false; readonly error: StartError };

/** Restart time of a tool brought down at the start when the call gives it none. */
const DEFAULT_RESTART_MS = 30_000;

/** The state of a call picked up in node `at.node`, with what the trainer chose already true. */
export function stateAt(sc: ScenarioModel, at: StartAt): StartResult {
  const node = sc.index.nodes.get(at.node);
  if (node === undefined) return fail({ code: 'unknownNode', name: at.node });
  const blank = blankState(sc, at.seed ?? 1, at.mode ?? 'training');
  const facts = blank.facts.slice();
  for (const f of at.facts ?? []) {
    const i = sc.index.facts.get(f);
    if (i === undefined) return fail({ code: 'unknownFact', name: f });
    facts[i] = true;
  }
  const steps = blank.steps.slice();
  for (const id of at.steps ?? []) {
    const i = sc.index.steps.get(id);
    if (i === undefined) return fail({ code: 'unknownStep', name: id });
    steps[i] = { at: 0, action: -1, inOrder: true };
  }
  const vars = blank.vars.slice();
  for (const [name, v, value] of [
    ['anger', ANGER, at.anger],
    ['patience', PATIENCE, at.patience],
  ] as const) {
    if (value === undefined) continue;
    const min = sc.varMin[v]!;
    const max = sc.varMax[v]!;
    if (!Number.isInteger(value) || value < min || value > max) return fail({ code: 'outOfRange', name, min, max });
    vars[v] = value;
  }
  const tools = blank.tools.slice();
  for (const [id, status] of Object.entries(at.tools ?? {})) {
    const t = sc.index.tools.get(id as ToolId);
    // A tool the call does not set up is not on its desk: it cannot be down.
    if (t === undefined || !sc.tools[t]!.configured) return fail({ code: 'unknownTool', name: id });
    if (status === 'crashed') tools[t] = downTool(sc.tools[t]!.crashes[0]?.restart ?? DEFAULT_RESTART_MS);
  }
  const maxAnger = { at: 0, action: -1, value: vars[ANGER] ?? 0 };
  return { ok: true, ...enterFirst(sc, { ...blank, facts, steps, vars, tools, maxAnger }, node) };
}

/** A tool found down when the call starts: nobody waits on it until it is restarted. */
function downTool(restartFor: number): ToolState {
  return { ...initialToolState(), status: 'crashed', restartFor, idleCrash: true };
}

function fail(error: StartError): StartResult {
  return { ok: false, error };
}
