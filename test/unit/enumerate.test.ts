import { describe, expect, it } from 'vitest';
import { affordances, enumerateActions } from '../../src/engine/affordances.ts';
import { nextEventAt } from '../../src/engine/clock.ts';
import { TOOL_IDS, type ScenarioModel } from '../../src/engine/model.ts';
import { nextFloat, seedRng } from '../../src/engine/rng.ts';
import { initialState, step } from '../../src/engine/step.ts';
import type { CallState, LoggedAction } from '../../src/engine/types.ts';
import { mini, repoCalls } from '../support/load.ts';

/**
 * Every control action with every payload the call knows of (and some it does not): what a
 * trainee could press or a forged log could hold. Tool runs are left out: a run on a busy tool
 * is a poke by design, and ticket notes naming known facts are any subset of them.
 */
function everyControl(sc: ScenarioModel, s: CallState): LoggedAction[] {
  const out: LoggedAction[] = [
    { type: 'hold', ask: true },
    { type: 'hold', ask: false },
    { type: 'checkIn' },
    { type: 'resume', thank: true },
    { type: 'resume', thank: false },
    { type: 'saveTicket' },
    { type: 'hangUp' },
    { type: 'writeTicket', notes: ['no_such_fact'] },
  ];
  for (const c of sc.choices) out.push({ type: 'say', choice: c.id });
  for (const dg of sc.diagnoses) out.push({ type: 'diagnose', diagnosis: dg.id });
  // A fact not known yet cannot be noted (an unconfirmed statement can: it is offered from the start).
  sc.facts.forEach(
    (f, i) => s.facts[i] || sc.ticketUnconfirmed.includes(i) || out.push({ type: 'writeTicket', notes: [f] }),
  );
  for (const tool of TOOL_IDS) out.push({ type: 'pokeTool', tool }, { type: 'restartTool', tool });
  return out;
}

/**
 * The actions the views offer (the lines, the tools' buttons, the controls, the diagnosis and
 * ticket forms), read from `affordances`: what `enumerateActions` builds directly, for speed.
 */
function fromView(sc: ScenarioModel, s: CallState): LoggedAction[] {
  if (s.ended) return [];
  const a = affordances(sc, s);
  const out: LoggedAction[] = a.lines.map((choice) => ({ type: 'say', choice }));
  for (const t of a.tools) if (t.action) out.push(t.action);
  if (a.controls.hold) out.push({ type: 'hold', ask: true }, { type: 'hold', ask: false });
  if (a.controls.checkIn) out.push({ type: 'checkIn' });
  if (a.controls.resume) out.push({ type: 'resume', thank: true }, { type: 'resume', thank: false });
  for (const diagnosis of a.diagnoses) out.push({ type: 'diagnose', diagnosis });
  out.push({ type: 'writeTicket', notes: a.notable });
  const worthy = a.facts.filter((f) => sc.ticketNote[sc.index.facts.get(f)!]);
  if (worthy.length !== a.notable.length) out.push({ type: 'writeTicket', notes: worthy });
  const right = sc.ticketClass;
  if (right) {
    for (const category of sc.scoring.ticket.categories)
      out.push({ type: 'classifyTicket', category, priority: right.priority });
    for (const priority of sc.scoring.ticket.priorities)
      if (priority !== right.priority) out.push({ type: 'classifyTicket', category: right.category, priority });
  }
  if (a.controls.saveTicket) out.push({ type: 'saveTicket' });
  out.push({ type: 'hangUp' });
  return out;
}

/** Walks a call choosing among the enumerated actions and waits, checking both directions at every state. */
function walk(sc: ScenarioModel, seed: number, steps: number): number {
  let s = initialState(sc, seed, 'training');
  let rng = seedRng(seed);
  let checked = 0;
  for (let i = 0; i < steps && !s.ended; i++) {
    const legal = enumerateActions(sc, s);
    expect(legal, `${sc.id} @${s.time}: what the views offer`).toEqual(fromView(sc, s));
    const keys = new Set(legal.map((a) => JSON.stringify(a)));
    for (const a of legal) {
      const r = step(sc, s, a);
      expect(
        r.events.filter((e) => e.type === 'rejected'),
        `${sc.id} @${s.time} ${JSON.stringify(a)}`,
      ).toEqual([]);
      expect(r.state).not.toBe(s);
    }
    for (const a of everyControl(sc, s)) {
      if (keys.has(JSON.stringify(a))) continue;
      const r = step(sc, s, a);
      expect(
        r.events.map((e) => e.type),
        `${sc.id} @${s.time} ${JSON.stringify(a)} should be refused`,
      ).toEqual(['rejected']);
      expect(r.state).toBe(s);
      checked++;
    }
    const [f, next] = nextFloat(rng);
    rng = next;
    const wait = nextEventAt(sc, s) - s.time;
    // Waiting half the time keeps the walk moving through the call rather than hanging up at once.
    const pick = legal.filter((a) => a.type !== 'hangUp');
    if (f < 0.5 && Number.isFinite(wait)) s = step(sc, s, { type: 'tick', ms: wait }).state;
    else if (pick.length) s = step(sc, s, pick[Math.floor((f - 0.5) * 2 * pick.length)]!).state;
  }
  return checked;
}

describe.each([mini(), ...repoCalls()].map((sc) => [sc.id, sc] as const))('enumerateActions on %s', (_id, sc) => {
  it('lists only actions step accepts, and step refuses every control action it does not list', () => {
    let refused = 0;
    for (let seed = 1; seed <= 6; seed++) refused += walk(sc, seed, 60);
    expect(refused).toBeGreaterThan(0);
  });
});
