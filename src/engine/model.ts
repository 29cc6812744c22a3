// The compiled call the engine runs: ids resolved to indices, durations in ms, conditions
// compiled. Built by src/content from YAML; never mutated after that.
import type { CompiledCondition } from './condition.ts';
import type { PortraitSpec } from './portrait.ts';

export const PERSONAS = ['angry', 'confused', 'technical'] as const;
export type Persona = (typeof PERSONAS)[number];
export type Figure = 'f' | 'm';
/** The portrait each persona shows unless the call says otherwise. */
export const PERSONA_FIGURE: Readonly<Record<Persona, Figure>> = { angry: 'f', confused: 'f', technical: 'm' };
export const TOOL_IDS = ['crm', 'line_test', 'kb', 'ticket', 'remote', 'escalation', 'supervisor'] as const;
export type ToolId = (typeof TOOL_IDS)[number];
export const TONES = [
  'neutral',
  'empathetic',
  'reassuring',
  'transparent',
  'curt',
  'rude',
  'jargon',
  'condescending',
  // Taking ownership: the customer's name, "I'll handle this", a next step with a time, a workaround.
  'ownership',
] as const;
export type Tone = (typeof TONES)[number];
/**
 * How a call ends: resolved at first contact; escalated to the right level; `left`: the customer
 * leaves, handled by the book (a cancellation done right); `needless`: a needless technician or
 * escalation (a fail); `lost`: the customer hung up, or the wrong fix.
 */
export const OUTCOMES = ['resolved', 'escalated', 'left', 'needless', 'lost'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** The outcomes a call can be won with. */
export const WINNING: ReadonlySet<Outcome> = new Set(['resolved', 'escalated', 'left']);
export const PHASES = ['opening', 'middle', 'closing'] as const;
export type Phase = (typeof PHASES)[number];

/** Variable changes and facts learned; indices into the scenario's tables. */
export type EffectsModel = {
  readonly set: readonly (readonly [number, number])[];
  readonly add: readonly (readonly [number, number])[];
  readonly learn: readonly number[];
};

export type UtteranceModel = {
  readonly id: string;
  readonly key: string;
  readonly cond: CompiledCondition | null;
  readonly duration: number;
};

export type ChoiceModel = {
  readonly id: string;
  readonly key: string;
  /** Owning node, or -1 for a playbook line offered everywhere. */
  readonly node: number;
  readonly tones: readonly Tone[];
  readonly steps: readonly number[];
  readonly cond: CompiledCondition | null;
  readonly once: boolean;
  readonly duration: number;
  /** The customer's reply, in variants (the first whose condition holds when it is said), or null. */
  readonly reply: readonly UtteranceModel[] | null;
  readonly coachKey: string | null;
  readonly effects: EffectsModel;
  readonly diagnose: number;
  readonly goto: number;
  readonly end: Outcome | null;
  /** The critical item (an id of the playbook's `fatal` list) this line trips when said, or null. */
  readonly critical: string | null;
  /** The line acts on or discloses the account: a critical fail before identity is verified. */
  readonly account: boolean;
  /** Order of a filter question from the simplest cause (1 up), or 0: see `ScoringModel.order`. */
  readonly rank: number;
  /**
   * The tools (indices) whose trouble this line tells the customer about: a `transparent` line
   * speaks of the tools its condition names (`running(crm)`, `crashed(any)`…); others, of none.
   */
  readonly explains: readonly number[];
};

export type NodeModel = {
  readonly id: string;
  readonly customer: readonly UtteranceModel[];
  readonly enter: EffectsModel;
  readonly choices: readonly number[];
  readonly end: Outcome | null;
};

export type FaultModel = { readonly onUse: number; readonly at: number };
export type CrashModel = FaultModel & { readonly after: number; readonly restart: number };
export type FreezeModel = FaultModel & { readonly min: number; readonly max: number };
export type ToolOutcomeModel = {
  readonly id: string;
  readonly key: string;
  readonly cond: CompiledCondition | null;
  readonly effects: EffectsModel;
};

export type ToolModel = {
  readonly id: ToolId;
  readonly configured: boolean;
  readonly latencyMin: number;
  readonly latencyMax: number;
  readonly crashes: readonly CrashModel[];
  readonly freezes: readonly FreezeModel[];
  readonly outcomes: readonly ToolOutcomeModel[];
  /** The faults triggered at a call time (`at`), crashes then freezes; bit i of `timedFired`. */
  readonly timed: readonly (CrashModel | FreezeModel)[];
  /** Playbook step a completed run performs, or -1. */
  readonly step: number;
};

export type StepModel = {
  readonly id: string;
  readonly key: string;
  readonly phase: Phase;
  readonly weight: number;
  readonly after: readonly number[];
  readonly fatalIfEarly: boolean;
  readonly required: boolean;
  /** Doing this step is the call's resolution (the fix applied or the case escalated). */
  readonly resolves: boolean;
};

export type ToneReaction = { readonly anger: number; readonly patience: number };

export type PersonaModel = {
  readonly deadAirAfter: number;
  readonly deadAirEvery: number;
  readonly deadAirAnger: number;
  readonly deadAirPatience: number;
  readonly unexplainedAfter: number;
  readonly unexplainedAnger: number;
  readonly tones: Readonly<Partial<Record<Tone, ToneReaction>>>;
};

export type FatalModel = {
  readonly id: string;
  readonly key: string;
  readonly tone: Tone | null;
  readonly event: 'agentHungUp' | 'holdWithoutAsking' | null;
  /** A line marked `account` trips this item when said before this playbook step (by id) is done. */
  readonly accountBefore: string | null;
};

export type ScoringModel = {
  readonly passScore: number;
  readonly weights: {
    readonly process: number;
    readonly diagnosis: number;
    readonly calmness: number;
    readonly resolution: number;
  };
  /** The share of the resolution weight each outcome earns (0..1). */
  readonly outcomes: Readonly<Record<Outcome, number>>;
  readonly lostFactor: number;
  readonly holdWeight: number;
  readonly checkInEvery: number;
  readonly ticketWeight: number;
  /** The weight of asking ranked questions simplest cause first (0: not scored). */
  readonly orderWeight: number;
  /** The ticket form's categories and priorities (ids; labels in the playbook namespace). */
  readonly ticket: { readonly categories: readonly string[]; readonly priorities: readonly string[] };
  readonly fatal: readonly FatalModel[];
  readonly calm: {
    readonly anger: number;
    readonly tone: number;
    readonly deadAir: number;
    readonly transparency: number;
    readonly rageClicks: number;
    /** Positive credit for empathy and ownership (distinct lines), full at `empathyLines`. */
    readonly empathy: number;
    readonly empathyLines: number;
  };
  readonly deadAirGrace: number;
  readonly transparencyWithin: number;
  /** A tool run at least this long is a wait the customer should be told about (and a timeline mark). */
  readonly longWait: number;
  /** Time to read the lines on offer before a silence counts: base + perLine per line, at most max. */
  readonly reading: { readonly base: number; readonly perLine: number; readonly max: number };
};

export type ScenarioModel = {
  readonly id: string;
  readonly persona: Persona;
  /** Who the portrait shows: a woman or a man (the persona's by default). */
  readonly figure: Figure;
  /** The portrait drawn for the customer: the call's `customer.portrait`, else the persona's as `figure`. */
  readonly portrait: PortraitSpec;
  /**
   * A symptom family: the causes the seed draws from (ids, equally likely), each with its own
   * facts, tool results and right diagnosis through `cause(id)` conditions. Empty: one cause.
   */
  readonly causes: readonly string[];
  readonly difficulty: number;
  readonly timeScale: number;
  readonly maxDuration: number;
  /** i18next namespace of the call's texts. */
  readonly ns: string;
  readonly varNames: readonly string[];
  readonly varInit: readonly number[];
  readonly varMin: readonly number[];
  readonly varMax: readonly number[];
  readonly facts: readonly string[];
  readonly steps: readonly StepModel[];
  /** The steps that count toward the process score (required, with a weight), in playbook order. */
  readonly scoredSteps: readonly number[];
  /** The step the ticket tool performs, or -1: found through the model, whatever the playbook calls it. */
  readonly ticketStep: number;
  /** The step that marks the fix or the escalation (`resolves: true` in the playbook), or -1. */
  readonly resolveStep: number;
  readonly tools: readonly ToolModel[];
  readonly diagnoses: readonly {
    readonly id: string;
    readonly key: string;
    readonly correct: boolean;
    /** The cause (index into `causes`) under which this diagnosis is the right one, or -1: any. */
    readonly cause: number;
    readonly evidence: CompiledCondition | null;
  }[];
  readonly parDiagnosis: number;
  readonly ticketNotes: readonly number[];
  /** Per cause of a symptom family: the facts the notes must contain besides `ticketNotes`. */
  readonly ticketNotesByCause: readonly (readonly number[])[];
  /** Per fact: whether the ticket should mention it (ticketNotes as a lookup). */
  readonly ticketNote: readonly boolean[];
  /** Statements the customer never confirmed, offered in the ticket form: noting one is wrong. */
  readonly ticketUnconfirmed: readonly number[];
  /** The right category and priority of the ticket, or null when the call does not grade them. */
  readonly ticketClass: { readonly category: string; readonly priority: string } | null;
  readonly nodes: readonly NodeModel[];
  readonly choices: readonly ChoiceModel[];
  /** Indices of the playbook lines in `choices`. */
  readonly generic: readonly number[];
  readonly start: number;
  readonly onHangUp: number;
  readonly persona_: PersonaModel;
  readonly scoring: ScoringModel;
  readonly index: {
    readonly vars: ReadonlyMap<string, number>;
    readonly facts: ReadonlyMap<string, number>;
    readonly steps: ReadonlyMap<string, number>;
    readonly tools: ReadonlyMap<string, number>;
    readonly nodes: ReadonlyMap<string, number>;
    readonly choices: ReadonlyMap<string, number>;
    readonly diagnoses: ReadonlyMap<string, number>;
  };
};

export const ANGER = 0;
export const PATIENCE = 1;
