// The routine desk work of a good agent, done at once: the diagnosis once founded, the ticket
// notes, a tool when it is due, a restart after a crash. Shared by the analyser's search and the
// strategies (src/analysis/strategies.ts), which vary only what `DeskPolicy` says.
import { holds, rightDiagnosis } from '../engine/draft.ts';
import { PHASES, type ScenarioModel } from '../engine/model.ts';
import type { CallState, LoggedAction } from '../engine/types.ts';

/** A fact the ticket must mention: the call's notes, and those of the cause drawn. */
function noteWorthy(sc: ScenarioModel, s: CallState, f: number): boolean {
  return sc.ticketNote[f]! || (s.cause >= 0 && sc.ticketNotesByCause[s.cause]!.includes(f));
}

/**
 * Writing down every ticket-worthy fact known so far, unless the notes already say exactly that.
 * The notes are kept in fact order (whatever order the call lists them under `ticket.notes`).
 */
function notesDue(sc: ScenarioModel, s: CallState): LoggedAction | null {
  // Walks the facts in order without allocating: this runs for every state the search meets.
  let n = 0;
  let same = true;
  for (let f = 0; f < s.facts.length; f++) {
    if (!s.facts[f] || !noteWorthy(sc, s, f)) continue;
    if (s.notes[n] !== f) same = false;
    n++;
  }
  if (n === 0 || (same && n === s.notes.length)) return null;
  const notes: string[] = [];
  for (let f = 0; f < s.facts.length; f++) if (s.facts[f] && noteWorthy(sc, s, f)) notes.push(sc.facts[f]!);
  return { type: 'writeTicket', notes };
}

/**
 * What the desk routine leaves to the agent: which diagnosis is stated once the correct one is
 * founded, and tools run at once or never. The analyser's routine is `ROUTINE`; the scripted
 * agents of the strategies change one of these, never the rest of the routine.
 */
export type DeskPolicy = {
  /** `correct`: the founded correct one (the analyser); `first`: the first diagnosis offered, once, at that same moment (no judgment). */
  readonly diagnosis: 'correct' | 'first';
  /** Tools (indices) never run nor restarted. */
  readonly never?: readonly number[];
  /** Tools (indices) run, and restarted, as soon as they may be until their step is done. */
  readonly eager?: readonly number[];
};

export const ROUTINE: DeskPolicy = { diagnosis: 'correct' };

/** The one piece of desk work due now, if any. */
export function deskWork(sc: ScenarioModel, s: CallState, policy: DeskPolicy = ROUTINE): LoggedAction | null {
  const diagnosis = diagnosisDue(sc, s, policy.diagnosis);
  if (diagnosis) return diagnosis;
  const notes = notesDue(sc, s);
  if (notes) return notes;
  if (policy.eager)
    for (const t of policy.eager) {
      const eager = eagerRun(sc, s, t);
      if (eager) return eager;
    }
  for (let t = 0; t < s.tools.length; t++) {
    const tool = s.tools[t]!;
    const model = sc.tools[t]!;
    if (policy.never?.includes(t)) continue;
    if (!toolWorthRunning(sc, s, t) || (isChoiceTool(sc, t) && !preparedFor(sc, s, t))) continue;
    if (tool.status === 'crashed') return { type: 'restartTool', tool: model.id };
    if (tool.status !== 'idle') continue;
    if (model.step >= 0 && !stepDue(sc, s, model.step)) continue;
    if (model.id === 'ticket' && !ticketDue(sc, s)) continue;
    // The ticket's category and priority are chosen as it is saved, with the notes.
    const right = sc.ticketClass;
    if (
      model.id === 'ticket' &&
      right &&
      (s.ticketClass?.category !== right.category || s.ticketClass.priority !== right.priority)
    )
      return { type: 'classifyTicket', category: right.category, priority: right.priority };
    return { type: 'runTool', tool: model.id };
  }
  return null;
}

/** The diagnosis to state now: once the correct one is founded, the correct one, or (no judgment) the first. */
function diagnosisDue(sc: ScenarioModel, s: CallState, which: DeskPolicy['diagnosis']): LoggedAction | null {
  if (s.diagnosedAt >= 0) return null;
  const correct = sc.diagnoses.findIndex((dg, i) => rightDiagnosis(sc, s, i) && holds(sc, s, dg.evidence));
  if (correct < 0) return null;
  if (which === 'correct') return { type: 'diagnose', diagnosis: sc.diagnoses[correct]!.id };
  return s.stated.length === 0 && sc.diagnoses.length ? { type: 'diagnose', diagnosis: sc.diagnoses[0]!.id } : null;
}

/** An eager tool: run (or restarted) at the first chance, until the step it performs is done. */
function eagerRun(sc: ScenarioModel, s: CallState, t: number): LoggedAction | null {
  const model = sc.tools[t]!;
  const tool = s.tools[t]!;
  if (model.step >= 0 ? s.steps[model.step] : tool.uses > 0) return null;
  if (tool.status === 'crashed') return { type: 'restartTool', tool: model.id };
  return tool.status === 'idle' ? { type: 'runTool', tool: model.id } : null;
}

/**
 * Tools whose playbook step is optional (remote control, escalation, supervisor) are a
 * decision, not routine desk work: the search runs one only once the outcome it would give is
 * one the author wrote a condition for, or brings a fact a line of the current node waits
 * for. Running them at the wrong moment, for nothing, is left to random play.
 */
function isChoiceTool(sc: ScenarioModel, t: number): boolean {
  const model = sc.tools[t]!;
  return model.step >= 0 && !sc.steps[model.step]!.required;
}

function preparedFor(sc: ScenarioModel, s: CallState, t: number): boolean {
  const outcome = sc.tools[t]!.outcomes.find((o) => holds(sc, s, o.cond));
  if (!outcome) return false;
  if (outcome.cond !== null) return true;
  // Or a line of the current node is waiting for a fact this outcome would bring.
  const brings = outcome.effects.learn.filter((f) => !s.facts[f]).map((f) => sc.facts[f]!);
  return sc.nodes[s.node]!.choices.some((c) => sc.choices[c]!.cond?.reads.facts.some((f) => brings.includes(f)));
}

/** A step is due once its prerequisites and every step of the earlier phases are done. */
function stepDue(sc: ScenarioModel, s: CallState, step: number): boolean {
  const model = sc.steps[step]!;
  if (!model.after.every((a) => s.steps[a])) return false;
  const phase = PHASES.indexOf(model.phase);
  return sc.scoredSteps.every(
    (i) => PHASES.indexOf(sc.steps[i]!.phase) >= phase || s.steps[i] != null || sc.tools.some((t) => t.step === i),
  );
}

/** The ticket is saved once its notes are complete, or once the fix is under way. */
function ticketDue(sc: ScenarioModel, s: CallState): boolean {
  if (sc.ticketNotes.every((f) => s.facts[f])) return true;
  return sc.resolveStep >= 0 && s.steps[sc.resolveStep] != null;
}

function toolWorthRunning(sc: ScenarioModel, s: CallState, t: number): boolean {
  const model = sc.tools[t]!;
  if (!model.configured && (model.step < 0 || !sc.steps[model.step]!.required)) return false;
  if (model.id === 'ticket')
    return (
      s.ticketSaved === null || s.ticketSaved.join(',') !== s.notes.join(',') || s.ticketSavedClass !== s.ticketClass
    );
  if (model.step >= 0 && !s.steps[model.step] && sc.steps[model.step]!.required) return true;
  const o = model.outcomes.findIndex((x) => holds(sc, s, x.cond));
  if (o < 0 || o === s.tools[t]!.lastOutcome) return false;
  const fx = model.outcomes[o]!.effects;
  return fx.learn.some((f) => !s.facts[f]) || fx.set.length > 0 || fx.add.length > 0;
}
