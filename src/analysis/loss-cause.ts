// Why a call was lost (or why it passed), from its replayed final state and events: what the
// debrief says first. Plain data with ids and keys; the view chooses the words. Pure.
import { ANGER, PATIENCE, type Outcome, type ScenarioModel, type ToolId } from '../engine/model.ts';
import type { Scorecard, Section } from '../engine/scoring.ts';
import type { CallState, EngineEvent } from '../engine/types.ts';
import {
  allRises,
  lastOf,
  lineRef,
  saidBefore,
  triggerAt,
  type AngerRise,
  type LineRef,
  type Trigger,
} from './triggers.ts';

export type { AngerRise, LineRef, Trigger } from './triggers.ts';

export type Cause =
  | {
      readonly kind: 'passed';
      readonly outcome: Outcome;
      readonly at: number;
      readonly total: number;
      readonly pass: number;
    }
  | {
      readonly kind: 'lowScore';
      readonly outcome: Outcome;
      readonly at: number;
      readonly total: number;
      readonly pass: number;
      readonly weakest: Section;
      readonly score: number;
    }
  | {
      readonly kind: 'fatal';
      readonly at: number;
      readonly key: string;
      readonly params: Readonly<Record<string, string>>;
      readonly line: LineRef | null;
    }
  | { readonly kind: 'agentHungUp'; readonly at: number; readonly fatal: boolean }
  | { readonly kind: 'timeout'; readonly at: number; readonly limit: number }
  /** Hung up after `seconds` of silence; `prompts`: when they spoke up unanswered, the last one's words (`prompt`). */
  | {
      readonly kind: 'silence';
      readonly at: number;
      readonly seconds: number;
      readonly prompts: readonly number[];
      readonly prompt: string | null;
      readonly tool: ToolId | null;
    }
  | {
      readonly kind: 'line';
      readonly at: number;
      readonly line: LineRef;
      readonly said: number;
      readonly scripted: boolean;
    }
  | { readonly kind: 'hold'; readonly at: number; readonly seconds: number }
  | { readonly kind: 'anger'; readonly at: number; readonly peak: number }
  | { readonly kind: 'patience'; readonly at: number }
  | { readonly kind: 'unfinished'; readonly at: number };

export type Verdict = {
  /** The one sentence at the top. */
  readonly cause: Cause;
  /** A second fact worth the same line (a loss behind an automatic fail), or null. */
  readonly also: Cause | null;
  /** The last rises of the customer's anger before a hang-up, oldest first (empty otherwise). */
  readonly rises: readonly AngerRise[];
};

const RISES_SHOWN = 3;

/** The cause of the call's result, from its final state, its events and its scorecard. */
export function verdictOf(sc: ScenarioModel, s: CallState, events: readonly EngineEvent[], card: Scorecard): Verdict {
  const fatal = fatalCause(sc, s);
  const loss = lossCause(sc, s, events);
  if (fatal && loss?.kind === 'agentHungUp') return { cause: loss, also: null, rises: [] };
  const told = [fatal, loss].filter((c): c is Cause => c !== null);
  const rises =
    loss && loss.kind !== 'timeout' && loss.kind !== 'agentHungUp'
      ? allRises(sc, s, events)
          .filter((r) => !told.some((c) => sameTrigger(c, r.by)))
          .slice(-RISES_SHOWN)
      : [];
  if (fatal) return { cause: fatal, also: loss, rises };
  if (loss) return { cause: loss, also: null, rises };
  return { cause: resultCause(sc, s, card), also: null, rises };
}

/** Whether a rise of the anger comes from what the cause already names (its line, or the silence). */
function sameTrigger(c: Cause, by: Trigger): boolean {
  if (by.kind === 'line') return (c.kind === 'line' || c.kind === 'fatal') && c.line?.choice === by.line.choice;
  return c.kind === 'silence' && (by.kind === 'silence' || by.kind === 'wait');
}

function resultCause(sc: ScenarioModel, s: CallState, card: Scorecard): Cause {
  const at = s.ended?.at ?? s.time;
  if (!s.ended) return { kind: 'unfinished', at };
  const pass = sc.scoring.passScore;
  if (card.won) return { kind: 'passed', outcome: s.ended.outcome, at, total: card.total, pass };
  const w = sc.scoring.weights;
  const lost: [Section, number, number][] = [
    ['process', w.process * (100 - card.process), card.process],
    ['diagnosis', w.diagnosis * (100 - card.diagnosis.score), card.diagnosis.score],
    ['calmness', w.calmness * (100 - card.calmness), card.calmness],
    ['resolution', w.resolution * (100 - card.resolution), card.resolution],
  ];
  const [weakest, , score] = lost.reduce((a, b) => (b[1] > a[1] ? b : a));
  return { kind: 'lowScore', outcome: s.ended.outcome, at, total: card.total, pass, weakest, score };
}

function fatalCause(sc: ScenarioModel, s: CallState): Cause | null {
  const f = s.fatal[0];
  if (!f) return null;
  const model = sc.scoring.fatal.find((x) => x.id === f.id);
  const early = model ? undefined : sc.steps.find((st) => `${st.id}_early` === f.id);
  const mark = model?.tone ? s.tones.find((t) => t.action === f.action && t.tone === model.tone) : undefined;
  return {
    kind: 'fatal',
    at: f.at,
    key: model?.key ?? 'scorecard.fatalEarly',
    params: early ? { step: early.key } : {},
    line: mark ? lineRef(sc, mark.choice, false) : f.choice ? lineRef(sc, f.choice, false) : null,
  };
}

function lossCause(sc: ScenarioModel, s: CallState, events: readonly EngineEvent[]): Cause | null {
  const end = s.ended;
  if (!end || end.outcome !== 'lost') return null;
  if (end.by === 'agent') return { kind: 'agentHungUp', at: end.at, fatal: s.fatal.length > 0 };
  if (end.by === 'timeout') return { kind: 'timeout', at: end.at, limit: sc.maxDuration };
  const hungUp = events.findIndex((e) => e.type === 'customerHungUp');
  if (end.by === 'script' || hungUp < 0) {
    // A lost ending the script reached: the last line said led there.
    const said = lastOf(events, (e) => e.type === 'lineSaid');
    const line =
      said?.type === 'lineSaid'
        ? lineRef(sc, said.choice, saidBefore(events, events.indexOf(said), said.choice))
        : null;
    return line && said
      ? { kind: 'line', at: end.at, line, said: said.at, scripted: true }
      : { kind: 'patience', at: end.at };
  }
  const at = events[hungUp]!.at;
  const by = triggerAt(sc, events, hungUp);
  switch (by.kind) {
    case 'silence':
    case 'wait':
      return silenceCause(sc, s, events, hungUp, by.kind === 'wait');
    case 'line':
      return { kind: 'line', at, line: by.line, said: by.at, scripted: false };
    case 'hold': {
      const contact = lastOf(events.slice(0, hungUp), (e) => e.type === 'heldCall' || e.type === 'checkedIn');
      return { kind: 'hold', at, seconds: Math.floor((at - (contact?.at ?? at)) / 1000) };
    }
    default: {
      const anger = lastValue(sc, events, hungUp, ANGER);
      const patience = lastValue(sc, events, hungUp, PATIENCE);
      if (patience !== null && patience <= sc.varMin[PATIENCE]! && (anger === null || anger < sc.varMax[ANGER]!))
        return { kind: 'patience', at };
      return { kind: 'anger', at, peak: anger ?? s.maxAnger.value };
    }
  }
}

/** The trainee's silence before a hang-up: since the last words said by anyone. */
function silenceCause(
  sc: ScenarioModel,
  s: CallState,
  events: readonly EngineEvent[],
  hungUp: number,
  wait: boolean,
): Cause {
  const at = events[hungUp]!.at;
  let since = 0;
  for (const e of events.slice(0, hungUp)) {
    if (e.type === 'lineSaid' || e.type === 'customerSpoke') since = Math.max(since, Math.min(e.until, at));
    if (e.type === 'resumedCall') since = Math.max(since, e.at);
  }
  const asked = events
    .slice(0, hungUp)
    .filter((e) => e.type === 'customerPrompted' && e.reason !== 'hold' && e.at >= since);
  const last = asked[asked.length - 1];
  const trouble = wait ? lastOf(s.troubles, (t) => t.penalised && t.at <= at) : undefined;
  return {
    kind: 'silence',
    at,
    seconds: Math.floor((at - since) / 1000),
    prompts: asked.map((e) => e.at),
    prompt: last?.type === 'customerPrompted' ? last.key : null,
    tool: trouble ? sc.tools[trouble.tool]!.id : null,
  };
}

function lastValue(sc: ScenarioModel, events: readonly EngineEvent[], before: number, v: number): number | null {
  const name = sc.varNames[v];
  const e = lastOf(events.slice(0, before), (x) => x.type === 'varChanged' && x.name === name);
  return e?.type === 'varChanged' ? e.value : null;
}
