// A careful recruit at a human pace: follows a good path (a golden best log's lines and desk
// work, in order) but reads before answering, in real time, with the clock running as the game
// runs it (1:1 in conversation, at the call's time scale while waiting on a tool or on hold).
// It keeps the customer company through waits with the playbook's lines, as taught.
import { affordances, busyUntil, type Affordances } from '../engine/affordances.ts';
import type { ScenarioModel } from '../engine/model.ts';
import type { LogEntry } from '../engine/replay.ts';
import { drawCause, initialState, step } from '../engine/step.ts';
import { analyze } from './analyze.ts';
import type { CallState, LoggedAction, Mode } from '../engine/types.ts';

export type RecruitPace = {
  /** Real ms to read and answer once a line is on offer. */
  readonly readMs: number;
  /** Real ms to click a tool, a control or a dialog button. */
  readonly deskMs: number;
};

export const CAREFUL: RecruitPace = { readMs: 7000, deskMs: 2000 };

/** Real time advanced per step of the simulation: the game loop's frames, coarsely. */
const FRAME_MS = 100;
/** Real time after which an intended action that never comes is given up. */
const GIVE_UP_MS = 90_000;
const MAX_REAL_MS = 30 * 60_000;
/** Call time left on a tool that makes a hold worth asking for. */
const LONG_WAIT_MS = 30_000;
/** Check back this long before the customer would find the hold too long. */
const CHECK_IN_MARGIN = 10_000;

export type RecruitPlay = { readonly state: CallState; readonly log: readonly LogEntry[]; readonly realMs: number };

function legal(a: LoggedAction, aff: Affordances): boolean {
  switch (a.type) {
    case 'say':
      return aff.lines.includes(a.choice);
    case 'runTool':
    case 'restartTool':
      return aff.tools.some((t) => t.id === a.tool && t.action?.type === a.type);
    case 'pokeTool':
      return false;
    case 'hold':
      return aff.controls.hold;
    case 'checkIn':
      return aff.controls.checkIn;
    case 'resume':
      return aff.controls.resume;
    case 'diagnose':
      return aff.diagnoses.includes(a.diagnosis);
    case 'writeTicket':
      return a.notes.every((f) => aff.notable.includes(f)) && !aff.ended;
    case 'classifyTicket':
      return !aff.ended;
    case 'saveTicket':
      return aff.controls.saveTicket;
    case 'hangUp':
      return aff.controls.hangUp;
  }
}

/** Plays `plan` (a good path's actions; its filler lines are left to the recruit) at a human pace. */
export function playAsRecruit(
  sc: ScenarioModel,
  plan: readonly LogEntry[],
  seed: number,
  mode: Mode = 'training',
  pace: RecruitPace = CAREFUL,
): RecruitPlay {
  // Fillers, check-ins and resumes are the recruit's own judgement below, not the path's timing.
  const intents = recruitIntents(sc, plan);
  let s = initialState(sc, seed, mode);
  const log: LogEntry[] = [];
  let real = 0;
  let next = 0;
  let readyAt = -1;
  let wantedSince = 0;
  let silentSince = -1;
  let heldAt = 0;
  const act = (a: LoggedAction): boolean => {
    const r = step(sc, s, a);
    if (r.events.some((e) => e.type === 'rejected')) return false;
    log.push({ at: s.time, action: a });
    s = r.state;
    return true;
  };
  while (!s.ended && real < MAX_REAL_MS) {
    const aff = affordances(sc, s);
    if (aff.onHold) {
      const h = s.holds[s.holds.length - 1]!;
      // Back when the tools have answered; a word every minute meanwhile, as taught.
      if (!aff.toolBusy && real >= heldAt + pace.deskMs) act({ type: 'resume', thank: true });
      else if (s.time >= h.lastContact + sc.scoring.checkInEvery - CHECK_IN_MARGIN) act({ type: 'checkIn' });
      s = step(sc, s, { type: 'tick', ms: Math.round(FRAME_MS * aff.timeScale) }).state;
      real += FRAME_MS;
      continue;
    }
    const want = intents[next];
    if (want && legal(want, aff)) {
      if (readyAt < 0) readyAt = real + (want.type === 'say' ? pace.readMs : pace.deskMs);
      if (real >= readyAt) {
        if (act(want)) {
          next++;
          wantedSince = real;
          if (want.type === 'hold') heldAt = real;
        }
        readyAt = -1;
        continue;
      }
    } else {
      readyAt = -1;
      if (want && real - wantedSince > GIVE_UP_MS) (next++, (wantedSince = real));
    }
    // Keeping the customer company: a playbook line once the silence has lasted a reading time.
    const silent = aff.turn === 'trainee' || aff.turn === 'desk';
    if (!silent) silentSince = -1;
    else if (silentSince < 0) silentSince = real;
    else if (real - silentSince >= pace.readMs && (!want || !legal(want, aff))) {
      // A long wait ahead: ask to hold rather than fill minutes with the same words.
      const long = s.tools.some((t) => busyUntil(t) - s.time >= LONG_WAIT_MS);
      if (long && aff.controls.hold && s.holds.length < 2 && act({ type: 'hold', ask: true })) heldAt = real;
      else {
        const filler = fillerLine(sc, s, aff);
        if (filler && act({ type: 'say', choice: filler })) silentSince = -1;
      }
    }
    if (!want && aff.turn === 'desk' && !aff.toolBusy) break;
    s = step(sc, s, { type: 'tick', ms: Math.round(FRAME_MS * aff.timeScale) }).state;
    real += FRAME_MS;
  }
  return { state: s, log, realMs: real };
}

/** A playbook line (offered everywhere): the recruit says these on their own, to keep company. */
export function isFiller(sc: ScenarioModel, choice: string): boolean {
  return sc.choices[sc.index.choices.get(choice)!]!.node < 0;
}

/** What a recruit takes from a good path: its actions, without the filler lines and the hold's check-ins and resume. */
export function recruitIntents(sc: ScenarioModel, plan: readonly LogEntry[]): LoggedAction[] {
  return plan
    .map((e) => e.action)
    .filter((a) => (a.type !== 'say' || !isFiller(sc, a.choice)) && a.type !== 'checkIn' && a.type !== 'resume');
}

/**
 * A playbook line on offer that costs nothing (a stall said again wears the customer's patience):
 * one not said yet first, else the one said longest ago.
 */
function fillerLine(sc: ScenarioModel, s: CallState, aff: Affordances): string | null {
  const free = (id: string): boolean => sc.choices[sc.index.choices.get(id)!]!.effects.add.every(([, v]) => v >= 0);
  const generic = aff.lines.filter((id) => isFiller(sc, id) && free(id));
  const at = (id: string): number => s.saidAt[sc.index.choices.get(id)!]!;
  return generic.find((id) => at(id) < 0) ?? [...generic].sort((a, b) => at(a) - at(b))[0] ?? null;
}

/**
 * The seeds a recruit is measured on, each with a good path to follow: three seeds (1, 2, 3) for
 * a call with one cause, along its golden path; for a symptom family, three seeds of every cause,
 * along the golden path for the golden seed's cause and the analyser's best path for the others.
 */
export function recruitRuns(
  sc: ScenarioModel,
  golden: { readonly seed: number; readonly log: readonly LogEntry[] },
): { seed: number; plan: readonly LogEntry[] }[] {
  if (sc.causes.length === 0) return [1, 2, 3].map((seed) => ({ seed, plan: golden.log }));
  return sc.causes.flatMap((_, c) => {
    const seeds: number[] = [];
    for (let seed = 1; seeds.length < 3 && seed < 1000; seed++) if (drawCause(sc, seed) === c) seeds.push(seed);
    const plan =
      drawCause(sc, golden.seed) === c
        ? golden.log
        : analyze(sc, { seed: seeds[0]!, randomPlays: 0, oneCause: true }).bestLog.map((e) => ({
            at: e.at,
            action: e.action,
          }));
    return seeds.map((seed) => ({ seed, plan }));
  });
}
