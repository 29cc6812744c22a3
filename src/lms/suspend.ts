// The call in progress as SCORM 1.2 `cmi.suspend_data`: a compact text form of the action log
// (seed + log replays the call exactly), within the 4,096 characters SCORM 1.2 allows.
//
//   H1|<scenario>|<seed>|<e|t mode>|<r|t pace>|<time>|<ids>|<entries>
//
// `ids` lists each id the entries use once (choices, tools, diagnoses, facts, ticket classes),
// comma-separated and URI-escaped; an entry is `<ms since the previous entry><KIND><args>`, the
// numbers in base 36 and each arg an index into `ids` (`.` between several), entries comma-separated.
// `S0,i20S1,9nS2,R3` is: say ids[0] at 0, ids[1] 23.4 s later, ids[2] 12.5 s later, run tool ids[3] then.
import type { ActionKind } from '../engine/actions.ts';
import {
  makeLog,
  parseLog,
  READER_MIN_VERSION,
  SAVE_VERSION,
  type CallLog,
  type LogEntry,
  type LoggedAction,
} from '../engine/replay.ts';
import type { Pace } from '../ports/storage.ts';

/** SCORM 1.2's `cmi.suspend_data` is a CMIString4096. */
export const SUSPEND_LIMIT = 4096;
const MAGIC = 'H1';

type Codec = {
  /** The ids the action carries, in order. */
  readonly ids: (a: LoggedAction) => readonly string[];
  /** The action back from its ids (already checked by `parseLog` afterwards). */
  readonly make: (ids: readonly string[]) => LoggedAction;
};

type Of<K extends ActionKind> = Extract<LoggedAction, { type: K }>;
const tool = (type: 'runTool' | 'pokeTool' | 'restartTool'): Codec => ({
  ids: (a) => [(a as Of<typeof type>).tool],
  make: (ids) => ({ type, tool: ids[0] }) as LoggedAction,
});
const bare = (action: LoggedAction): Codec => ({ ids: () => [], make: () => action });

/** One upper-case letter per action kind (two for the boolean payloads). */
const KINDS = {
  S: { ids: (a) => [(a as Of<'say'>).choice], make: (ids) => ({ type: 'say', choice: ids[0]! }) },
  R: tool('runTool'),
  P: tool('pokeTool'),
  X: tool('restartTool'),
  H: bare({ type: 'hold', ask: true }),
  G: bare({ type: 'hold', ask: false }),
  C: bare({ type: 'checkIn' }),
  T: bare({ type: 'resume', thank: true }),
  U: bare({ type: 'resume', thank: false }),
  D: { ids: (a) => [(a as Of<'diagnose'>).diagnosis], make: (ids) => ({ type: 'diagnose', diagnosis: ids[0]! }) },
  W: { ids: (a) => (a as Of<'writeTicket'>).notes, make: (ids) => ({ type: 'writeTicket', notes: [...ids] }) },
  K: {
    ids: (a) => [(a as Of<'classifyTicket'>).category, (a as Of<'classifyTicket'>).priority],
    make: (ids) => ({ type: 'classifyTicket', category: ids[0]!, priority: ids[1]! }),
  },
  V: bare({ type: 'saveTicket' }),
  Q: bare({ type: 'hangUp' }),
} as const satisfies Readonly<Record<string, Codec>>;
type Letter = keyof typeof KINDS;

function letterOf(a: LoggedAction): Letter {
  switch (a.type) {
    case 'say':
      return 'S';
    case 'runTool':
      return 'R';
    case 'pokeTool':
      return 'P';
    case 'restartTool':
      return 'X';
    case 'hold':
      return a.ask ? 'H' : 'G';
    case 'checkIn':
      return 'C';
    case 'resume':
      return a.thank ? 'T' : 'U';
    case 'diagnose':
      return 'D';
    case 'writeTicket':
      return 'W';
    case 'classifyTicket':
      return 'K';
    case 'saveTicket':
      return 'V';
    case 'hangUp':
      return 'Q';
  }
}

/** What a launch resumes: the call's log and its pace. */
export type Suspended = { readonly log: CallLog; readonly pace: Pace };

/** The text of a log (whole): no length limit here, see `fitSuspend`. */
export function encodeSuspend(log: CallLog, pace: Pace): string {
  const ids: string[] = [];
  const index = new Map<string, number>();
  const ref = (id: string): string => {
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = ids.push(id) - 1));
    return i.toString(36);
  };
  let last = 0;
  const entries = log.entries.map((e) => {
    const letter = letterOf(e.action);
    const delta = e.at - last;
    last = e.at;
    return `${delta ? delta.toString(36) : ''}${letter}${KINDS[letter].ids(e.action).map(ref).join('.')}`;
  });
  return [
    MAGIC,
    encodeURIComponent(log.scenario),
    String(log.seed),
    log.mode === 'exam' ? 'e' : 't',
    pace === 'turns' ? 't' : 'r',
    log.time.toString(36),
    ids.map(encodeURIComponent).join(','),
    entries.join(','),
  ].join('|');
}

/**
 * The longest beginning of the log whose text fits `limit` (a log cut after its n-th entry
 * resumes at that entry's time), or null when not even the call's start fits.
 */
export function fitSuspend(
  log: CallLog,
  pace: Pace,
  limit = SUSPEND_LIMIT,
): { readonly text: string; readonly kept: number } | null {
  const whole = encodeSuspend(log, pace);
  if (whole.length <= limit) return { text: whole, kept: log.entries.length };
  const prefix = (n: number): string => {
    const entries = log.entries.slice(0, n);
    const time = n ? entries[n - 1]!.at : 0;
    return encodeSuspend(makeLog(log.scenario, log.seed, log.mode, entries, time), pace);
  };
  // The text grows with the number of entries kept: the longest prefix that fits, by bisection.
  let lo = -1;
  let hi = log.entries.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (prefix(mid).length <= limit) lo = mid;
    else hi = mid;
  }
  return lo < 0 ? null : { text: prefix(lo), kept: lo };
}

const ENTRY = /^([0-9a-z]*)([A-Z])([0-9a-z.]*)$/;

/** Reads suspend data back: the log (checked as any save is, by `parseLog`) and its pace, or null. */
export function decodeSuspend(text: string): Suspended | null {
  const parts = text.split('|');
  if (parts.length !== 8 || parts[0] !== MAGIC) return null;
  const [, scenario, seed, mode, pace, time, idText, entryText] = parts as [string, ...string[]];
  try {
    const ids = idText ? idText.split(',').map(decodeURIComponent) : [];
    const entries: { at: number; action: LoggedAction }[] = [];
    let at = 0;
    for (const raw of entryText ? entryText.split(',') : []) {
      const m = ENTRY.exec(raw);
      const codec = m && (KINDS as Readonly<Record<string, Codec>>)[m[2]!];
      if (!m || !codec) return null;
      at += m[1] ? parseInt(m[1], 36) : 0;
      const args = m[3] ? m[3].split('.').map((x) => ids[parseInt(x, 36)]) : [];
      if (args.some((x) => x === undefined)) return null;
      entries.push({ at, action: codec.make(args as string[]) });
    }
    const parsed = parseLog({
      version: SAVE_VERSION,
      minVersion: READER_MIN_VERSION,
      scenario: decodeURIComponent(scenario!),
      seed: Number(seed),
      mode: mode === 'e' ? 'exam' : mode === 't' ? 'training' : null,
      time: parseInt(time!, 36),
      entries: entries satisfies LogEntry[],
    });
    if (!parsed.ok || (pace !== 'r' && pace !== 't')) return null;
    return { log: parsed.value, pace: pace === 't' ? 'turns' : 'real' };
  } catch {
    // A malformed %-escape (URIError): damaged data, not a call to resume.
    return null;
  }
}
