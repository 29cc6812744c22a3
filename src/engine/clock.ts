// Simulated time: what happens next, and moving the clock there event by event.
import { ANGER, PATIENCE, type ScenarioModel } from './model.ts';
import type { CallState } from './types.ts';
import { anyToolBusy, isBusy, timeScaleOf } from './affordances.ts';
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
  if (s.onHold) next = Math.min(next, s.holds[s.holds.length - 1]!.lastContact + sc.scoring.checkInEvery);
  return Math.max(next, s.time);
}

function endQueued(s: CallState): boolean {
  return s.queue.some((seg) => seg.kind === 'end');
}

/**
 * The perceived silence at which the customer speaks up next. The first time in a silence, a
 * wait on a tool in trouble that nobody explained is noticed sooner (the persona's
 * `unexplainedWait.after`, when shorter); after that, every `deadAir.every`.
 */
function promptThreshold(sc: ScenarioModel, s: CallState): number {
  const p = sc.persona_;
  if (s.prompts > 0) return p.deadAirAfter + s.prompts * p.deadAirEvery;
  return unexplainedWait(s) >= 0 ? Math.min(p.deadAirAfter, p.unexplainedAfter) : p.deadAirAfter;
}

/** An unexplained trouble on a tool the customer is waiting on now (busy), or -1. */
function unexplainedWait(s: CallState): number {
  return s.troubles.findIndex((tr) => tr.explainedAt < 0 && !tr.penalised && isBusy(s.tools[tr.tool]!));
}

/**
 * When the perceived silence reaches the next prompt. It runs at the conversation's pace: one
 * perceived ms per call ms, or one per `timeScale` call ms while the clock is sped up for a wait
 * (the rate changes only at an event). Whole ms throughout (see `integrate`); at least 1 ms ahead.
 */
function nextPromptAt(sc: ScenarioModel, s: CallState): number {
  const left = promptThreshold(sc, s) - s.silenceMs;
  if (left <= 0) return s.time;
  const scale = timeScaleOf(sc, s);
  if (scale === 1) return s.time + left;
  // The first wait w with floor(w / scale) reaching the perceived ms still to go.
  const target = (Math.floor(s.silenceWaitMs / scale) + left) * scale;
  return s.time + Math.max(1, Math.ceil(target - s.silenceWaitMs));
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
  if (d.silenceSince >= 0) {
    const before = d.silenceMs;
    // Perceived ms as a function of whole call ms, never a sum of fractions: however the time
    // was cut into ticks (live or in a replay), the silence comes out the same, to the bit.
    const scale = timeScaleOf(d.sc, d);
    if (scale === 1) d.silenceMs += dt;
    else {
      const wait = d.silenceWaitMs + dt;
      d.silenceMs += Math.floor(wait / scale) - Math.floor(d.silenceWaitMs / scale);
      d.silenceWaitMs = wait;
    }
    // Dead air while a tool works: the part of the perceived silence past the grace.
    const grace = d.sc.scoring.deadAirGrace;
    if (anyToolBusy(d)) d.silenceToolMs += Math.max(0, d.silenceMs - Math.max(before, grace));
    if (d.silenceMs >= grace) perceiveTroubles(d);
  }
  d.time = t;
}

/** A silence past the grace while a tool in trouble holds the call: the customer notices the wait. */
function perceiveTroubles(d: Draft): void {
  for (let i = 0; i < d.troubles.length; i++) {
    const tr = d.troubles[i]!;
    if (!tr.perceived && tr.explainedAt < 0 && isBusy(d.tools[tr.tool]!))
      w(d, 'troubles')[i] = { ...tr, perceived: true };
  }
}

/**
 * The customer breaks a silence, once per threshold: about the wait if they are waiting on a
 * tool in trouble that nobody explained (the first time in this silence), else "hello?".
 */
function speakUp(d: Draft): void {
  const sc = d.sc;
  const tr = d.prompts === 0 ? unexplainedWait(d) : -1;
  d.prompts += 1;
  if (tr >= 0) {
    w(d, 'troubles')[tr] = { ...d.troubles[tr]!, penalised: true, perceived: true };
    promptCustomer(d, 'wait');
    coach(d, 'coach.unexplainedWait', 'warn', {}, 'calm.transparency');
    addVar(d, ANGER, sc.persona_.unexplainedAnger);
  } else {
    promptCustomer(d, 'deadAir');
    coach(d, 'coach.deadAir', 'warn', {}, 'calm.deadAir');
    addVar(d, ANGER, sc.persona_.deadAirAnger);
  }
  addVar(d, PATIENCE, sc.persona_.deadAirPatience);
  checkHangUp(d);
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
  if (d.silenceSince >= 0 && d.silenceMs >= promptThreshold(sc, d)) {
    speakUp(d);
    return true;
  }
  if (d.onHold) {
    const h = d.holds[d.holds.length - 1]!;
    if (h.lastContact + sc.scoring.checkInEvery === now) {
      w(d, 'holds')[d.holds.length - 1] = { ...h, lastContact: now, overruns: h.overruns + 1 };
      promptCustomer(d, 'hold');
      coach(d, 'coach.holdTooLong', 'warn', {}, 'hold');
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
