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

export function isActionKind(v: unknown): v is ActionKind {
  return typeof v === 'string' && Object.hasOwn(ACTION_SPECS, v);
}

const NOT_OBJECT: ActionError = Object.freeze(here('notObject'));
// Time is the entry's `at`: a logged tick would be a second clock.
const NOT_LOGGED: ActionError = Object.freeze({ path: 'type', code: 'notLogged' });
const NO_TYPE: ActionError = Object.freeze({ path: 'type', code: 'missing' });
const UNKNOWN: ActionError = Object.freeze({ path: 'type', code: 'unknownAction' });

/**
 * An object's own fields, to read: itself when it is a plain object, else a copy of its own
 * fields (a prototype's `type` or `notes` is never a field; an array is no action).
 */
function fieldsOf(data: unknown): Obj | null {
  if (typeof data !== 'object' || data === null) return null;
  const proto: unknown = Object.getPrototypeOf(data);
  if (proto === Object.prototype || proto === null) return data as Obj;
  return Array.isArray(data) ? null : { ...data };
}

/** A field's check, with its path from the action; null when it is sound. */
function field(name: string, v: unknown, check: FieldCheck): ActionError | null {
  if (v === undefined) return { path: name, code: 'missing' };
  const e = check(v);
  return e && { path: name + e.path, code: e.code };
}

const S = ACTION_SPECS;

/**
 * The one check of an action, shared by `step` (which calls it on every action it is handed, the
 * analyser millions of times) and the save format: a switch on the kind routing each field to its
 * check in ACTION_SPECS. The first fault, or null; allocates nothing for a sound action.
 */
function check(a: Obj): ActionError | null {
  switch (a.type) {
    case 'say':
      return field('choice', a.choice, S.say.choice);
    case 'runTool':
      return field('tool', a.tool, S.runTool.tool);
    case 'pokeTool':
      return field('tool', a.tool, S.pokeTool.tool);
    case 'restartTool':
      return field('tool', a.tool, S.restartTool.tool);
    case 'hold':
      return field('ask', a.ask, S.hold.ask);
    case 'resume':
      return field('thank', a.thank, S.resume.thank);
    case 'diagnose':
      return field('diagnosis', a.diagnosis, S.diagnose.diagnosis);
    case 'writeTicket':
      return field('notes', a.notes, S.writeTicket.notes);
    case 'classifyTicket':
      return (
        field('category', a.category, S.classifyTicket.category) ??
        field('priority', a.priority, S.classifyTicket.priority)
      );
    case 'checkIn':
    case 'saveTicket':
    case 'hangUp':
      return null;
    case 'tick':
      return NOT_LOGGED;
    case undefined:
      return NO_TYPE;
    default:
      return UNKNOWN;
  }
}

/** What is wrong with a logged action (its first fault: a tick is `notLogged`), or null; never throws. */
export function checkAction(data: unknown): ActionError | null {
  const a = fieldsOf(data);
  return a ? check(a) : NOT_OBJECT;
}

/** Validates one logged action; never throws. The value is rebuilt from its spec's fields only. */
export function parseAction(data: unknown): { ok: true; value: LoggedAction } | { ok: false; errors: ActionError[] } {
  const a = fieldsOf(data);
  const e = a ? check(a) : NOT_OBJECT;
  if (e || !a) return { ok: false, errors: [{ ...(e ?? NOT_OBJECT) }] };
  const type = a.type as ActionKind;
  const value: Record<string, unknown> = { type };
  for (const f of Object.keys(ACTION_SPECS[type])) {
    const v = a[f];
    value[f] = Array.isArray(v) ? v.slice() : v;
  }
  // Sound by the spec: each field of this kind was present and passed its check.
  return { ok: true, value: value as LoggedAction };
}
