// Simulated time: what happens next, and moving the clock there event by event.
import { ANGER, PATIENCE, type ScenarioModel } from './model.ts';
import type { CallState } from './types.ts';
import { anyToolBusy } from './affordances.ts';
import { addVar, coach, type Draft, w } from './draft.ts';
import { checkHangUp, customerHangsUp, nextSegment, promptCustomer } from './dialogue.ts';
import { fireTool, nextToolEvent } from './tools.ts';

/** The time of the next thing that will happen on its own, or Infinity if nothing will. */
export function nextEventAt(sc: ScenarioModel, s: CallState): number {
  if (s.ended) return Infinity;
  let next = endQueued(s) ? Infinity : sc.maxDuration;
  if (s.speech) next = Math.min(next, s.speech.until);
  for (let t = 0; t < s.tools.length; t++) next = Math.min(next, nextToolEvent(sc.tools[t]!, s.tools[t]!));
  if (s.silenceSince >= 0) next = Math.min(next, nextPromptAt(sc, s));
  for (const tr of s.troubles) {
    if (tr.explainedAt < 0 && !tr.penalised) next = Math.min(next, tr.at + sc.persona_.unexplainedAfter);
  }
  if (s.onHold) next = Math.min(next, s.holds[s.holds.length - 1]!.lastContact + sc.scoring.checkInEvery);
  return Math.max(next, s.time);
}

function endQueued(s: CallState): boolean {
  return s.queue.some((seg) => seg.kind === 'end');
}

function nextPromptAt(sc: ScenarioModel, s: CallState): number {
  return s.silenceSince + sc.persona_.deadAirAfter + s.prompts * sc.persona_.deadAirEvery;
}

/** Moves the clock to `target`, firing every scheduled event on the way, in time order. */
export function advanceTo(d: Draft, target: number): void {
  while (!d.ended) {
    const next = nextEventAt(d.sc, d);
    if (next > target) break;
    integrate(d, next);
    fireDue(d);
  }
  if (!d.ended) integrate(d, target);
}

/** Accumulates what is measured over time (anger, dead air during tool waits) up to `t`. */
function integrate(d: Draft, t: number): void {
  const dt = t - d.time;
  if (dt <= 0) return;
  d.angerIntegral += d.vars[ANGER]! * dt;
  if (d.silenceSince >= 0 && anyToolBusy(d)) {
    const from = Math.max(d.time, d.silenceSince + d.sc.scoring.deadAirGrace);
    if (t > from) d.silenceToolMs += t - from;
  }
  d.time = t;
}

/** Fires everything due at the current time until nothing more is. */
function fireDue(d: Draft): void {
  for (let guard = 0; guard < 1000 && !d.ended; guard++) {
    if (!fireOne(d)) return;
  }
}

function fireOne(d: Draft): boolean {
  const sc = d.sc;
  const now = d.time;
  for (let t = 0; t < d.tools.length; t++) if (fireTool(d, t)) return true;
  if (d.speech && d.speech.until === now) {
    nextSegment(d);
    return true;
  }
  if (d.silenceSince >= 0 && nextPromptAt(sc, d) === now) {
    d.prompts += 1;
    promptCustomer(d, 'deadAir');
    coach(d, 'coach.deadAir', 'warn');
    addVar(d, ANGER, sc.persona_.deadAirAnger);
    addVar(d, PATIENCE, sc.persona_.deadAirPatience);
    checkHangUp(d);
    return true;
  }
  const tr = d.troubles.findIndex(
    (x) => x.explainedAt < 0 && !x.penalised && x.at + sc.persona_.unexplainedAfter === now,
  );
  if (tr >= 0) {
    w(d, 'troubles')[tr] = { ...d.troubles[tr]!, penalised: true };
    promptCustomer(d, 'wait');
    coach(d, 'coach.unexplainedWait', 'warn');
    addVar(d, ANGER, sc.persona_.unexplainedAnger);
    checkHangUp(d);
    return true;
  }
  if (d.onHold) {
    const h = d.holds[d.holds.length - 1]!;
    if (h.lastContact + sc.scoring.checkInEvery === now) {
      w(d, 'holds')[d.holds.length - 1] = { ...h, lastContact: now, overruns: h.overruns + 1 };
      promptCustomer(d, 'hold');
      coach(d, 'coach.holdTooLong', 'warn');
      addVar(d, ANGER, 1);
      addVar(d, PATIENCE, -1);
      checkHangUp(d);
      return true;
    }
  }
  if (now >= sc.maxDuration && !endQueued(d)) {
    customerHangsUp(d, 'timeout');
    return true;
  }
  return false;
}
