// Plain data crossing the engine's boundary: the call state, actions in, events out.
import type { ActionError } from './actions.ts';
import type { Outcome, Tone, ToolId } from './model.ts';

export type Mode = 'training' | 'exam';
export type ToolStatus = 'idle' | 'running' | 'frozen' | 'crashed' | 'restarting';

export type ToolState = {
  readonly status: ToolStatus;
  readonly uses: number;
  /** When the current run completes (shifted by freezes); -1 when not running. */
  readonly runEnd: number;
  readonly runStart: number;
  /** Freeze time added to the current run's end: the run's own progress stands still meanwhile. */
  readonly pausedMs: number;
  /** Order check made when the run started (the account is touched then, not at the end). */
  readonly runInOrder: boolean;
  readonly crashAt: number;
  readonly freezeAt: number;
  readonly freezeFor: number;
  readonly frozenUntil: number;
  readonly restartEnd: number;
  /** The tool went down while nobody was using it: the customer waits on it only from its restart. */
  readonly idleCrash: boolean;
  /** Restart time of the crash that brought the tool down. */
  readonly restartFor: number;
  readonly pokes: number;
  readonly lastOutcome: number;
  /** Bit i set once the i-th time-triggered fault of this tool has fired. */
  readonly timedFired: number;
};

export type Segment =
  | { readonly kind: 'reply'; readonly choice: number }
  | { readonly kind: 'enter'; readonly node: number }
  | { readonly kind: 'end'; readonly outcome: Outcome; readonly by: EndCause };

export type EndCause = 'script' | 'customer' | 'agent' | 'timeout';

export type Speech = { readonly who: 'agent' | 'customer'; readonly until: number };

export type Evidence = { readonly at: number; readonly action: number };
export type StepRecord = Evidence & { readonly inOrder: boolean };
export type ToneMark = Evidence & { readonly tone: Tone; readonly choice: string };
export type DeadAirMark = {
  /** End of the silence (call time); `at` is its start and `ms` the part that counted as dead air. */
  readonly until: number;
  readonly at: number;
  readonly ms: number;
  readonly toolBusy: boolean;
  readonly action: number;
};
export type Trouble = {
  readonly tool: number;
  readonly kind: 'crash' | 'freeze' | 'wait';
  readonly at: number;
  readonly explainedAt: number;
  readonly penalised: boolean;
  /** The customer noticed the wait: a silence past the grace while the tool held the call, or they asked. */
  readonly perceived: boolean;
  readonly action: number;
};
export type TicketClass = { readonly category: string; readonly priority: string };

export type HoldRecord = {
  readonly since: number;
  readonly asked: boolean;
  /**
   * The tool the hold is for (index), when one was at work as the trainee asked: the request then
   * gives a reason and an estimate ("while the line test finishes, about 3 minutes"); else -1.
   */
  readonly reason: number;
  readonly lastContact: number;
  readonly overruns: number;
  readonly thanked: boolean;
  readonly end: number;
  readonly action: number;
};

export type CallState = {
  readonly scenario: string;
  readonly mode: Mode;
  readonly time: number;
  readonly rng: number;
  /** The cause drawn for a symptom family (an index into the call's `causes`), or -1. */
  readonly cause: number;
  /** Count of non-tick actions applied: the index the next one gets in the log. */
  readonly actions: number;
  readonly node: number;
  readonly speech: Speech | null;
  readonly queue: readonly Segment[];
  readonly vars: readonly number[];
  readonly facts: readonly boolean[];
  readonly said: readonly boolean[];
  /** When each choice was last said (-1: never), to notice a line repeated too soon. */
  readonly saidAt: readonly number[];
  readonly visited: readonly boolean[];
  readonly steps: readonly (StepRecord | null)[];
  readonly tools: readonly ToolState[];
  /** Start of the current silence, or -1 while someone speaks, on hold or after the end. */
  readonly silenceSince: number;
  /**
   * The current silence as the customer perceives it, in ms: it starts below zero by the time
   * given to read the lines on offer, and runs at 1/timeScale while a tool is busy (the clock is
   * sped up for the wait, not for the conversation).
   */
  readonly silenceMs: number;
  /**
   * Call ms of the current silence that ran at 1/timeScale: they count for floor(silenceWaitMs /
   * timeScale) perceived ms, so `silenceMs` stays whole however the time was ticked.
   */
  readonly silenceWaitMs: number;
  readonly prompts: number;
  /** Dead air (perceived ms past the grace) of the current silence spent while a tool was busy. */
  readonly silenceToolMs: number;
  readonly holds: readonly HoldRecord[];
  readonly onHold: boolean;
  /** Diagnoses stated; `founded` is false for a guess made before its evidence was known. */
  readonly stated: readonly (Evidence & {
    readonly diagnosis: number;
    readonly correct: boolean;
    readonly founded: boolean;
  })[];
  readonly diagnosedAt: number;
  readonly notes: readonly number[];
  readonly ticketSaved: readonly number[] | null;
  /** The ticket's category and priority as chosen in the form, and as saved with the ticket. */
  readonly ticketClass: TicketClass | null;
  readonly ticketSavedClass: TicketClass | null;
  readonly ended: { readonly outcome: Outcome; readonly by: EndCause; readonly at: number } | null;
  readonly angerIntegral: number;
  readonly deadAirMs: number;
  readonly deadAirToolMs: number;
  readonly deadAir: readonly DeadAirMark[];
  readonly tones: readonly ToneMark[];
  readonly troubles: readonly Trouble[];
  readonly pokes: readonly (Evidence & { readonly tool: number })[];
  /** Ranked questions asked while a simpler one (lower `rank`, same node and step) was on offer. */
  readonly misordered: readonly (Evidence & { readonly choice: string; readonly simpler: string })[];
  /** Critical items tripped; `choice` is the line that tripped one, when a line did. */
  readonly fatal: readonly (Evidence & { readonly id: string; readonly choice?: string })[];
  readonly maxAnger: Evidence & { readonly value: number };
};

export type Action =
  | { readonly type: 'say'; readonly choice: string }
  | { readonly type: 'runTool'; readonly tool: ToolId }
  | { readonly type: 'pokeTool'; readonly tool: ToolId }
  | { readonly type: 'restartTool'; readonly tool: ToolId }
  | { readonly type: 'hold'; readonly ask: boolean }
  | { readonly type: 'checkIn' }
  | { readonly type: 'resume'; readonly thank: boolean }
  | { readonly type: 'diagnose'; readonly diagnosis: string }
  | { readonly type: 'writeTicket'; readonly notes: readonly string[] }
  | { readonly type: 'classifyTicket'; readonly category: string; readonly priority: string }
  | { readonly type: 'saveTicket' }
  | { readonly type: 'hangUp' }
  | { readonly type: 'tick'; readonly ms: number };

/** The actions a trainee takes (everything but the clock moving): what the log records. */
export type LoggedAction = Exclude<Action, { type: 'tick' }>;

export type RejectReason =
  /** Not an action of the vocabulary, or its payload is missing or of the wrong type (see `error`). */
  | 'badAction'
  | 'callEnded'
  | 'speaking'
  | 'onHold'
  | 'notOnHold'
  | 'notOffered'
  | 'unknownChoice'
  | 'unknownTool'
  | 'toolNotCrashed'
  | 'toolNotBusy'
  | 'toolBusy'
  | 'unknownDiagnosis'
  | 'unknownFact'
  | 'factNotKnown'
  | 'unknownCategory'
  | 'unknownPriority'
  | 'badTick'
  | 'alreadyStated';

export type CoachTone = 'good' | 'warn' | 'bad';

export type EngineEvent = { readonly at: number } & (
  | { readonly type: 'customerSpoke'; readonly key: string; readonly node: string; readonly until: number }
  | {
      readonly type: 'lineSaid';
      readonly choice: string;
      readonly key: string;
      readonly until: number;
      readonly tones: readonly Tone[];
    }
  | { readonly type: 'customerPrompted'; readonly reason: 'deadAir' | 'hold' | 'wait'; readonly key: string }
  | { readonly type: 'varChanged'; readonly name: string; readonly value: number; readonly delta: number }
  | { readonly type: 'factLearned'; readonly fact: string }
  | { readonly type: 'stepDone'; readonly step: string; readonly inOrder: boolean }
  | { readonly type: 'toolStarted'; readonly tool: ToolId; readonly until: number }
  | { readonly type: 'toolFroze'; readonly tool: ToolId; readonly until: number }
  | { readonly type: 'toolUnfroze'; readonly tool: ToolId }
  | { readonly type: 'toolCrashed'; readonly tool: ToolId }
  | { readonly type: 'toolRestarting'; readonly tool: ToolId; readonly until: number }
  | { readonly type: 'toolRestarted'; readonly tool: ToolId }
  | {
      readonly type: 'toolFinished';
      readonly tool: ToolId;
      readonly outcome: string | null;
      readonly key: string | null;
    }
  | { readonly type: 'toolPoked'; readonly tool: ToolId; readonly count: number }
  | { readonly type: 'ticketClassified'; readonly category: string; readonly priority: string }
  | {
      readonly type: 'heldCall';
      readonly asked: boolean;
      /** What the hold is for and until when (said when asking), or null: a hold with no reason. */
      readonly tool: ToolId | null;
      readonly until: number | null;
    }
  | { readonly type: 'checkedIn' }
  | { readonly type: 'resumedCall'; readonly thanked: boolean }
  | { readonly type: 'diagnosed'; readonly diagnosis: string; readonly correct: boolean; readonly founded: boolean }
  | { readonly type: 'ticketWritten'; readonly notes: readonly string[] }
  | { readonly type: 'fatalCommitted'; readonly id: string }
  | { readonly type: 'customerHungUp' }
  | { readonly type: 'callEnded'; readonly outcome: Outcome; readonly by: EndCause }
  | {
      readonly type: 'coached';
      readonly key: string;
      readonly tone: CoachTone;
      readonly params: Readonly<Record<string, string>>;
      /** The scorecard line this note speaks of (`step.verify`, `calm.transparency`, `hold`…): one rule, one voice. */
      readonly item?: string | null;
    }
  | {
      readonly type: 'rejected';
      /** The kind refused, or null for a value that names none. */
      readonly action: Action['type'] | null;
      readonly reason: RejectReason;
      /** For a malformed action: where and what (`notes[1]`, `badType`). */
      readonly error?: ActionError;
    }
);

export type StepResult = { readonly state: CallState; readonly events: readonly EngineEvent[] };
