// The agents the strategies play: a dialogue policy each (which offered line to say, if any),
// and for two scripted bad agents one desk habit. Everything else is the analyser's routine.
import type { ChoiceModel, ScenarioModel, Tone } from '../engine/model.ts';
import type { CallState } from '../engine/types.ts';
import { ROUTINE, type DeskPolicy } from './desk.ts';

export const NAIVE = ['longest', 'shortest', 'first', 'checklistGreedy'] as const;
export const BAD = ['neverVerifies', 'asksPassword', 'escalatesAtOnce', 'forgetsTicket', 'needlessTechnician'] as const;
export type NaiveName = (typeof NAIVE)[number];
export type BadName = (typeof BAD)[number];

/** What a policy knows besides the state: how long each line is (by choice index). */
export type Lengths = readonly number[];

export type Agent = {
  readonly desk: DeskPolicy;
  /** The offered line (choice index) to say now, or -1 to leave the moment to the desk routine. */
  readonly pick: (s: CallState, lines: readonly number[]) => number;
};

/** A naive agent states the first diagnosis offered: it has no judgment. */
const NAIVE_DESK: DeskPolicy = { ...ROUTINE, diagnosis: 'first' };
const HURTFUL: ReadonlySet<Tone> = new Set(['curt', 'rude', 'condescending', 'jargon']);
const NOTHING = (): boolean => false;

function longest(lines: readonly number[], len: Lengths): number {
  let best = -1;
  for (const c of lines) if (best < 0 || len[c]! > len[best]!) best = c;
  return best;
}

function shortest(lines: readonly number[], len: Lengths): number {
  let best = -1;
  for (const c of lines) if (best < 0 || len[c]! < len[best]!) best = c;
  return best;
}

/**
 * The line that ticks a playbook step not done yet (a kind one before a hurtful one, then the
 * longest), else the longest line that is not curt, rude, condescending or jargon; else none.
 */
function checklistGreedy(sc: ScenarioModel, s: CallState, lines: readonly number[], len: Lengths): number {
  const kind = (c: number): boolean => !sc.choices[c]!.tones.some((t) => HURTFUL.has(t));
  const ticks = lines.filter((c) => sc.choices[c]!.steps.some((st) => sc.scoredSteps.includes(st) && !s.steps[st]));
  if (ticks.length) return longest(ticks.some(kind) ? ticks.filter(kind) : ticks, len);
  return longest(lines.filter(kind), len);
}

/** Among `preferred` lines if any (checklist-greedy among them, else the first), else checklist-greedy. */
function preferring(
  sc: ScenarioModel,
  s: CallState,
  preferred: readonly number[],
  lines: readonly number[],
  len: Lengths,
): number {
  if (!preferred.length) return checklistGreedy(sc, s, lines, len);
  const c = checklistGreedy(sc, s, preferred, len);
  return c >= 0 ? c : preferred[0]!;
}

/** Checklist-greedy that never says a line `refuse` names, and says one `first` names before any other. */
function greedyPreferring(
  sc: ScenarioModel,
  len: Lengths,
  first: (c: ChoiceModel) => boolean,
  refuse: (c: ChoiceModel) => boolean = NOTHING,
): Agent['pick'] {
  return (s, offered) => {
    const lines = offered.filter((c) => !refuse(sc.choices[c]!));
    const preferred = lines.filter((c) => first(sc.choices[c]!));
    return preferring(sc, s, preferred, lines, len);
  };
}

export function naiveAgent(sc: ScenarioModel, name: NaiveName, len: Lengths): Agent {
  const pick: Agent['pick'] =
    name === 'longest'
      ? (_, lines) => longest(lines, len)
      : name === 'shortest'
        ? (_, lines) => shortest(lines, len)
        : name === 'first'
          ? (_, lines) => lines[0] ?? -1
          : (s, lines) => checklistGreedy(sc, s, lines, len);
  return { desk: NAIVE_DESK, pick };
}

/** A scripted bad agent (checklist-greedy plus one mistake), or null when the call offers no way to make it. */
export function badAgent(sc: ScenarioModel, name: BadName, len: Lengths): Agent | null {
  const step = (id: string): number => sc.index.steps.get(id) ?? -1;
  const does = (c: ChoiceModel, st: number): boolean => st >= 0 && c.steps.includes(st);
  const lines = sc.choices.filter((c) => c.node >= 0);
  const tool = (id: string): number => sc.index.tools.get(id) ?? -1;
  switch (name) {
    case 'neverVerifies': {
      const verify = step('verify');
      if (!lines.some((c) => does(c, verify))) return null;
      return {
        desk: NAIVE_DESK,
        pick: greedyPreferring(sc, len, NOTHING, (c) => does(c, verify)),
      };
    }
    case 'asksPassword': {
      const asks = (c: ChoiceModel): boolean => c.critical === 'password';
      if (!lines.some(asks)) return null;
      return { desk: NAIVE_DESK, pick: greedyPreferring(sc, len, asks) };
    }
    case 'escalatesAtOnce': {
      const escalate = step('escalate');
      const t = tool('escalation');
      const runs = t >= 0 && sc.tools[t]!.configured;
      if (!runs && !lines.some((c) => does(c, escalate))) return null;
      const desk: DeskPolicy = runs ? { ...NAIVE_DESK, eager: [t] } : NAIVE_DESK;
      return { desk, pick: greedyPreferring(sc, len, (c) => does(c, escalate)) };
    }
    case 'forgetsTicket': {
      const ticket = sc.ticketStep;
      // The reference is the number the ticket gives: every step that comes after the ticket.
      const after = sc.steps.flatMap((st, i) => (ticket >= 0 && st.after.includes(ticket) ? [i] : []));
      const forgotten = (c: ChoiceModel): boolean => does(c, ticket) || after.some((st) => does(c, st));
      const t = tool('ticket');
      if (!sc.scoredSteps.includes(ticket) && !lines.some(forgotten)) return null;
      const desk: DeskPolicy = t >= 0 ? { ...NAIVE_DESK, never: [t] } : NAIVE_DESK;
      return { desk, pick: greedyPreferring(sc, len, NOTHING, forgotten) };
    }
    case 'needlessTechnician': {
      const rank = needlessRanks(sc);
      if (!sc.nodes.some((n) => n.end === 'needless') && !lines.some((c) => c.end === 'needless')) return null;
      // The lines that bring a needless ending nearest, when one is in reach at all.
      const pick: Agent['pick'] = (s, offered) => {
        const best = Math.min(...offered.map((c) => rank[c]!));
        const toward = Number.isFinite(best) ? offered.filter((c) => rank[c] === best) : [];
        return preferring(sc, s, toward, offered, len);
      };
      return { desk: NAIVE_DESK, pick };
    }
  }
}

/**
 * Per choice, how many lines away a `needless` ending is along the dialogue's edges (0: the
 * line ends the call that way); Infinity when none is reachable through it.
 */
function needlessRanks(sc: ScenarioModel): number[] {
  const node = sc.nodes.map((n) => (n.end === 'needless' ? 0 : Infinity));
  const choice = (c: ChoiceModel): number =>
    c.end === 'needless' ? 0 : c.goto >= 0 && !c.end ? 1 + node[c.goto]! : Infinity;
  for (let changed = true; changed;) {
    changed = false;
    sc.nodes.forEach((n, i) => {
      const d = Math.min(node[i]!, ...n.choices.map((c) => choice(sc.choices[c]!)));
      if (d < node[i]!) ((node[i] = d), (changed = true));
    });
  }
  return sc.choices.map(choice);
}
