// What the call screen has shown so far, built from the engine's events: the transcript's lines,
// each tool's last words (its answer or its crash) and the latest coaching note. Pure data, no DOM.
import type { ToolId } from '../engine/model.ts';
import type { EngineEvent } from '../engine/types.ts';
import type { CoachNote } from './Checklist.ts';
import type { ToolNotes } from './ToolPanel.ts';
import type { LineContext } from './transcript-view.ts';
import { liveLines, type LiveLine } from './Transcript.ts';
import { say } from './words.ts';

export type CallRecord = {
  readonly lines: readonly LiveLine[];
  readonly notes: ToolNotes;
  readonly coach: CoachNote | null;
};

export const EMPTY_RECORD: CallRecord = { lines: [], notes: {}, coach: null };

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
  const added = liveLines(events, c, r.lines.length, reveal);
  const notes: Partial<Record<ToolId, string>> = { ...r.notes };
  let coach = r.coach;
  for (const e of events) {
    // A restart clears the crash message: the window's status says what it is doing now.
    if (e.type === 'toolStarted' || e.type === 'toolRestarting' || e.type === 'toolRestarted') delete notes[e.tool];
    else if (e.type === 'toolFinished' && e.key) notes[e.tool] = t(e.key);
    else if (e.type === 'toolCrashed') notes[e.tool] = t('call.crashDialog', { tool: t(`tools.${e.tool}`) });
    else if (e.type === 'coached') coach = { text: say(t, e.key, e.params), tone: e.tone };
  }
  return { lines: added.length ? [...r.lines, ...added] : r.lines, notes, coach };
}

/** A line of the call itself (not of the conversation), such as "call resumed". */
export function recordNote(r: CallRecord, text: string, at: number): CallRecord {
  return { ...r, lines: [...r.lines, { kind: 'system', text, at, id: r.lines.length, until: 0 }] };
}
