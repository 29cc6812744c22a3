// The logged action kinds as data: one payload check per kind, so the save format, the tests and
// the fuzzers share one definition. The compiler refuses a kind, or a field, left without its check.
import { TOOL_IDS } from './model.ts';
import type { LoggedAction } from './types.ts';

export type ActionKind = LoggedAction['type'];

/** Why a payload was refused. */
export type ActionErrorCode =
  'notObject' | 'missing' | 'badType' | 'empty' | 'tooLong' | 'unknownAction' | 'notLogged' | 'unknownTool';
/** `path` is relative to the action: `type`, `tool`, `notes[2]`; '' for the action itself. */
export type ActionError = { readonly path: string; readonly code: ActionErrorCode };

/** Checks a present field's value: null when it is acceptable, else what is wrong below the field ('' or `[i]`). */
export type FieldCheck = (value: unknown) => ActionError | null;

type Payload<K extends ActionKind> = Omit<Extract<LoggedAction, { type: K }>, 'type'>;
/** A kind's spec: exactly one check per field its action carries. */
export type ActionSpec<K extends ActionKind = ActionKind> = { readonly [F in keyof Payload<K>]-?: FieldCheck };

/** Ids are short keys; a longer string in a save is damage, not content. */
export const MAX_ID_LENGTH = 200;
/** More notes than any call has facts: a longer list is damage. */
export const MAX_NOTES = 200;

const here = (code: ActionErrorCode): ActionError => ({ path: '', code });

const id: FieldCheck = (v) => {
  if (typeof v !== 'string') return here('badType');
  if (v === '') return here('empty');
  return v.length > MAX_ID_LENGTH ? here('tooLong') : null;
};

const tool: FieldCheck = (v) => {
  if (typeof v !== 'string') return here('badType');
  return (TOOL_IDS as readonly string[]).includes(v) ? null : here('unknownTool');
};

const flag: FieldCheck = (v) => (typeof v === 'boolean' ? null : here('badType'));

const ids: FieldCheck = (v) => {
  if (!Array.isArray(v)) return here('badType');
  // Checked before the loop: a huge (or sparse) array is refused without walking it.
  if (v.length > MAX_NOTES) return here('tooLong');
  for (let i = 0; i < v.length; i++) {
    const e = id(v[i]);
    if (e) return { path: `[${i}]`, code: e.code };
  }
  return null;
};

/** Every kind of action a log may hold, with its payload checks. */
export const ACTION_SPECS = {
  say: { choice: id },
  runTool: { tool },
  pokeTool: { tool },
  restartTool: { tool },
  hold: { ask: flag },
  checkIn: {},
  resume: { thank: flag },
  diagnose: { diagnosis: id },
  writeTicket: { notes: ids },
  classifyTicket: { category: id, priority: id },
  saveTicket: {},
  hangUp: {},
} as const satisfies { readonly [K in ActionKind]: ActionSpec<K> };

export const ACTION_KINDS = Object.keys(ACTION_SPECS) as readonly ActionKind[];

type Obj = Readonly<Record<string, unknown>>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
// Own properties only: `toString` or `__proto__` from a prototype is never a field.
const own = (o: Obj, k: string): unknown => (Object.hasOwn(o, k) ? o[k] : undefined);

export function isActionKind(v: unknown): v is ActionKind {
  return typeof v === 'string' && Object.hasOwn(ACTION_SPECS, v);
}

/** Validates one logged action; never throws. The value is rebuilt from its spec's fields only. */
export function parseAction(data: unknown): { ok: true; value: LoggedAction } | { ok: false; errors: ActionError[] } {
  if (!isObject(data)) return { ok: false, errors: [here('notObject')] };
  const type = own(data, 'type');
  // Time is the entry's `at`: a logged tick would be a second clock.
  if (type === 'tick') return { ok: false, errors: [{ path: 'type', code: 'notLogged' }] };
  if (!isActionKind(type))
    return { ok: false, errors: [{ path: 'type', code: type === undefined ? 'missing' : 'unknownAction' }] };
  const spec: Readonly<Record<string, FieldCheck>> = ACTION_SPECS[type];
  const value: Record<string, unknown> = { type };
  const errors: ActionError[] = [];
  for (const [field, check] of Object.entries(spec)) {
    const v = own(data, field);
    const e = v === undefined ? here('missing') : check(v);
    if (e) errors.push({ path: field + e.path, code: e.code });
    else value[field] = Array.isArray(v) ? v.slice() : v;
  }
  // Sound by the spec: each field of this kind was present and passed its check.
  return errors.length ? { ok: false, errors } : { ok: true, value: value as LoggedAction };
}
