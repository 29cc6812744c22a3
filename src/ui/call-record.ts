// What the call screen has shown so far, built from the engine's events: the transcript's lines
// (coaching notes among them) and each tool's last words (its answer or its crash). Pure data.
// The conversation reads in the order things are heard: a customer who hangs up says goodbye
// first, and a diagnosis stated again by a line is not announced twice.
import type { ToolId } from '../engine/model.ts';
import type { EngineEvent } from '../engine/types.ts';
import type { ToolNote, ToolNotes } from './ToolPanel.ts';
import type { LineContext } from './transcript-view.ts';
import { liveLines, type LiveLine } from './Transcript.ts';

export type CallRecord = {
  readonly lines: readonly LiveLine[];
  readonly notes: ToolNotes;
  /** The customer has hung up and is saying goodbye: the line waits for the call's end. */
  readonly hangUp: EngineEvent | null;
  /** Diagnoses already announced as right. */
  readonly stated: readonly string[];
};

export const EMPTY_RECORD: CallRecord = { lines: [], notes: {}, hangUp: null, stated: [] };

/**
 * The events as the conversation tells them: "X hung up" after their goodbye (just before the
 * call's end), and a right diagnosis already announced not announced again (nor its coaching).
 */
function heard(r: CallRecord, events: readonly EngineEvent[]): { events: EngineEvent[]; rest: Partial<CallRecord> } {
  const out: EngineEvent[] = [];
  let hangUp = r.hangUp;
  const stated = [...r.stated];
  let skipCoach = false;
  for (const e of events) {
    if (e.type === 'customerHungUp') {
      hangUp = e;
      continue;
    }
    if (e.type === 'callEnded' && hangUp) {
      out.push({ ...hangUp, at: e.at });
      hangUp = null;
    }
    if (e.type === 'diagnosed' && e.correct) {
      if (stated.includes(e.diagnosis)) {
        skipCoach = true;
        continue;
      }
      stated.push(e.diagnosis);
    }
    if (skipCoach && e.type === 'coached' && e.key === 'coach.diagnosisRight') {
      skipCoach = false;
      continue;
    }
    out.push(e);
  }
  return { events: out, rest: { hangUp, stated } };
}
/**
 * The record after these events. With `reveal`, the customer's words come as they are spoken
 * (off for a resumed call's past, and for reduced motion).
 */
export function recordEvents(
  r: CallRecord,
  events: readonly EngineEvent[],
  c: LineContext,
  reveal: boolean,
): CallRecord {
  if (events.length === 0) return r;
  const t = c.t;
  const told = heard(r, events);
  const added = liveLines(told.events, c, r.lines.length, reveal);
  const notes: Partial<Record<ToolId, ToolNote>> = { ...r.notes };
  for (const e of told.events) {
    // A restart clears the crash message: the window's status says what it is doing now.
    if (e.type === 'toolStarted' || e.type === 'toolRestarting' || e.type === 'toolRestarted') delete notes[e.tool];
    else if (e.type === 'toolFinished' && e.key) notes[e.tool] = { kind: 'answer', text: t(e.key) };
    else if (e.type === 'toolCrashed')
      notes[e.tool] = { kind: 'crash', text: t('call.crashDialog', { tool: t(`tools.${e.tool}`) }) };
    else if (e.type === 'ticketWritten')
      notes.ticket = { kind: 'answer', text: t('call.notesKept', { count: e.notes.length }) };
  }
  return { ...r, ...told.rest, lines: added.length ? [...r.lines, ...added] : r.lines, notes };
}

/** A line of the call itself (not of the conversation), such as "call resumed". */
export function recordNote(r: CallRecord, text: string, at: number): CallRecord {
  return { ...r, lines: [...r.lines, { kind: 'system', text, at, id: r.lines.length, until: 0 }] };
}
