// The shape of a debrief hint, and what computing one needs: the call's moments and what the
// engine offered at each, and the model answer's log. Pure.
import { affordances, type Affordances } from '../engine/affordances.ts';
import type { ScenarioModel, Tone, ToolId } from '../engine/model.ts';
import type { LogEntry } from '../engine/replay.ts';
import type { CallState, EngineEvent } from '../engine/types.ts';
import type { Moment } from './call-walk.ts';
import type { AngerRise, LineRef } from './triggers.ts';

/** Tones a hint never suggests (the scoring penalises them; a technical caller forgives jargon, a hint need not). */
export const AVOIDED_TONES: readonly Tone[] = ['rude', 'condescending', 'curt', 'jargon'];

/** A line to say: its id and i18n key. */
export type LineHint = { readonly choice: string; readonly key: string };
export type HoldPart = 'ask' | 'reason' | 'checkIn' | 'thank' | 'ended';

export type Hint =
  /** A line of this call that performs the step; `at`: first moment it was on offer (null: never in this call). */
  | { readonly kind: 'say'; readonly line: LineHint; readonly at: number | null; readonly modelAt: number | null }
  /** The tool whose run performs the step; `at`: first moment it was free (and in order). */
  | { readonly kind: 'tool'; readonly tool: ToolId; readonly at: number | null; readonly modelAt: number | null }
  /** Done at `at` before these steps (i18n keys); `escalation`: an escalation made too early. */
  | { readonly kind: 'first'; readonly at: number; readonly steps: readonly string[]; readonly escalation: boolean }
  | {
      readonly kind: 'hold';
      readonly holds: readonly { readonly at: number; readonly missing: readonly HoldPart[] }[];
      readonly every: number;
      readonly tooMany: boolean;
    }
  /** Facts (i18n keys) the notes lack; `unknown`: those never found in this call. */
  | {
      readonly kind: 'notes';
      readonly missing: readonly string[];
      readonly unknown: readonly string[];
      /** Unconfirmed statements noted as facts (keys). */
      readonly wrong: readonly string[];
      /** The right category and priority (playbook label keys) when the ticket had them wrong or unset. */
      readonly category: string | null;
      readonly priority: string | null;
      readonly saved: boolean;
    }
  /** The right diagnosis (key), from when its evidence was known (`at`), against par. */
  | {
      readonly kind: 'diagnosis';
      readonly diagnosis: string;
      readonly at: number | null;
      readonly stated: number | null;
      readonly par: number;
      readonly wrong: readonly number[];
    }
  | { readonly kind: 'anger'; readonly rises: readonly AngerRise[] }
  | {
      readonly kind: 'tone';
      readonly lines: readonly {
        readonly at: number;
        readonly line: LineRef;
        readonly tone: Tone;
        readonly better: LineHint | null;
      }[];
    }
  | {
      readonly kind: 'deadAir';
      readonly silences: readonly { readonly at: number; readonly seconds: number; readonly toolBusy: boolean }[];
      readonly line: (LineHint & { readonly at: number }) | null;
    }
  | {
      readonly kind: 'transparency';
      readonly within: number;
      readonly troubles: readonly {
        readonly at: number;
        readonly tool: ToolId;
        readonly trouble: 'crash' | 'freeze' | 'wait';
        readonly explainedAt: number | null;
        readonly line: (LineHint & { readonly at: number }) | null;
      }[];
    }
  | { readonly kind: 'rageClicks'; readonly clicks: readonly { readonly at: number; readonly tool: ToolId }[] }
  /** A question asked before a simpler one that was on offer (choice keys). */
  | { readonly kind: 'order'; readonly at: number; readonly choice: string; readonly simpler: string };

/** What a hint needs to know about the call: the model, how it ended, its moments, and the model answer's log. */
export type HintContext = {
  readonly sc: ScenarioModel;
  readonly state: CallState;
  readonly events: readonly EngineEvent[];
  readonly moments: readonly Moment[];
  /** What the engine offered at each moment (same indices as `moments`). */
  readonly offers: readonly Affordances[];
  readonly best: readonly LogEntry[] | null;
};

export function hintContext(
  sc: ScenarioModel,
  state: CallState,
  events: readonly EngineEvent[],
  moments: readonly Moment[],
  best: readonly LogEntry[] | null,
): HintContext {
  const live = moments.filter((m) => !m.state.ended);
  return { sc, state, events, moments: live, offers: live.map((m) => affordances(sc, m.state)), best };
}

export function lineHint(sc: ScenarioModel, choice: string): LineHint {
  return { choice, key: sc.choices[sc.index.choices.get(choice)!]!.key };
}

/** When the model answer says this line, or null. */
export function modelSays(cx: HintContext, choice: string): number | null {
  return cx.best?.find((e) => e.action.type === 'say' && e.action.choice === choice)?.at ?? null;
}
