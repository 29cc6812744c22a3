// The save format: a versioned action log, checked field by field and upgraded from older versions.
// The same record is the save, the debrief's timeline and the results record (see replay.ts).
import { parseAction, type ActionErrorCode } from './actions.ts';
import type { LoggedAction, Mode } from './types.ts';

/** The format this build writes. v2 dropped the kinds no screen ever sent: openTool, escalate, consultSupervisor. */
export const SAVE_VERSION = 2;
/** The oldest format this build loads; older entries are upgraded as they are read. */
export const MIN_LOADABLE_VERSION = 1;
/**
 * The oldest reader that can replay what this build writes (a log's `minVersion`). A v1 build
 * replays a v2 log alike: v2 only removed kinds, the kept ones have the same payload and effect,
 * and the rule that changed (saveTicket refused while the ticket tool is busy, a poke in v1)
 * never reaches a log, since refused actions are not logged.
 */
export const READER_MIN_VERSION = 1;
/** Far more than any call holds: a longer list is damage, refused before it is walked. */
export const MAX_ENTRIES = 10_000;
/** A broken log names its first few faults, not thousands. */
const MAX_ERRORS = 20;

export type LogEntry = { readonly at: number; readonly action: LoggedAction };

export type CallLog = {
  readonly version: number;
  readonly minVersion: number;
  readonly scenario: string;
  readonly seed: number;
  readonly mode: Mode;
  readonly entries: readonly LogEntry[];
  /** Simulated time reached, for calls saved mid-way. */
  readonly time: number;
};

export type LogErrorCode = ActionErrorCode | 'badField' | 'tooNew' | 'outOfOrder';
/** `path` names the field from the log's root: `seed`, `entries[3].at`, `entries[3].action.notes[0]`. */
export type LogError = { readonly path: string; readonly code: LogErrorCode };

/** Builds a save record for a call in progress or finished. */
export function makeLog(
  scenario: string,
  seed: number,
  mode: Mode,
  entries: readonly LogEntry[],
  time: number,
): CallLog {
  return { version: SAVE_VERSION, minVersion: READER_MIN_VERSION, scenario, seed, mode, entries, time };
}

type Obj = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);
// The call's clock counts whole milliseconds (see `step`): a fraction in a log is damage.
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isVersion = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_LOADABLE_VERSION;

const DROPPED = Symbol('dropped');

/** v1 kinds that v2 removed, as what they did; null: it did nothing, and the entry is dropped. */
const V1_KINDS: Readonly<Record<string, LoggedAction | null>> = {
  openTool: null,
  escalate: { type: 'runTool', tool: 'escalation' },
  consultSupervisor: { type: 'runTool', tool: 'supervisor' },
};

/** A v1 action in v2 terms; anything else is left to the checks. */
function upgradeV1(action: unknown): unknown {
  const type = isObject(action) ? own(action, 'type') : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(V1_KINDS, type)) return action;
  return V1_KINDS[type] ?? DROPPED;
}

/** Validates (and upgrades) a save read from storage or a file; never throws. */
export function parseLog(data: unknown): { ok: true; value: CallLog } | { ok: false; errors: LogError[] } {
  if (!isObject(data)) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  const minVersion = own(data, 'minVersion');
  // A newer format may mean anything by its other fields: only this is worth saying.
  if (typeof minVersion === 'number' && minVersion > SAVE_VERSION)
    return { ok: false, errors: [{ path: 'minVersion', code: 'tooNew' }] };
  const errors: LogError[] = [];
  const field = (k: string, ok: (v: unknown) => boolean): unknown => {
    const v = own(data, k);
    if (!ok(v)) errors.push({ path: k, code: 'badField' });
    return v;
  };
  field('minVersion', isVersion);
  const version = field('version', isVersion);
  const scenario = field('scenario', (v) => typeof v === 'string');
  const seed = field('seed', (v) => typeof v === 'number' && Number.isFinite(v));
  const mode = field('mode', (v) => v === 'training' || v === 'exam');
  const time = field('time', isTime);
  // Only v1 logs hold the kinds v2 removed; later formats are read as they are.
  const legacy = version === 1;
  const entries = parseEntries(own(data, 'entries'), legacy, errors);
  if (errors.length) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  // Rebuilt field by field, in this build's format: extra properties never travel further.
  return { ok: true, value: makeLog(scenario as string, seed as number, mode as Mode, entries, time as number) };
}

function parseEntries(raw: unknown, legacy: boolean, errors: LogError[]): LogEntry[] {
  if (!Array.isArray(raw) || raw.length > MAX_ENTRIES) {
    errors.push({ path: 'entries', code: Array.isArray(raw) ? 'tooLong' : 'badField' });
    return [];
  }
  const out: LogEntry[] = [];
  let last = 0;
  for (let i = 0; i < raw.length && errors.length < MAX_ERRORS; i++) {
    const where = `entries[${i}]`;
    const entry: unknown = raw[i];
    if (!isObject(entry)) {
      errors.push({ path: where, code: 'notObject' });
      continue;
    }
    const at = own(entry, 'at');
    const timed = isTime(at) && at >= last;
    if (!isTime(at)) errors.push({ path: `${where}.at`, code: 'badField' });
    else if (at < last) errors.push({ path: `${where}.at`, code: 'outOfOrder' });
    else last = at;
    const action = legacy ? upgradeV1(own(entry, 'action')) : own(entry, 'action');
    if (action === DROPPED) continue;
    const parsed = parseAction(action);
    if (!parsed.ok)
      for (const e of parsed.errors)
        errors.push({ path: e.path ? `${where}.action.${e.path}` : `${where}.action`, code: e.code });
    else if (timed) out.push({ at, action: parsed.value });
  }
  return out;
}
