// Pure validators for everything read back from storage or a file: a value is either whole or refused.
import { parseLog, type CallLog } from '../engine/replay.ts';
import { isLang } from '../i18n/lang.ts';
import type { InProgress, ResultRecord, ResultSummary, Settings } from '../ports/storage.ts';

export type FieldError = { readonly path: string; readonly code: string };
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export const OUTCOMES = ['resolved', 'escalated', 'left', 'needless', 'lost', 'unfinished'] as const;
export const RESULTS_FORMAT = 'hotliner-results';
export const RESULTS_VERSION = 1;
export const DEFAULT_SETTINGS: Settings = {
  lang: null,
  mode: 'training',
  pace: 'real',
  volume: 0.7,
  muted: false,
  speech: false,
};
const isPace = (v: unknown): boolean => v === 'real' || v === 'turns';

// Full ISO 8601 date-time with zone: Date.parse alone accepts too many loose forms ("1", "May 3").
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoDate = (v: unknown): boolean =>
  typeof v === 'string' && ISO_DATE_TIME.test(v) && Number.isFinite(Date.parse(v));
const isIn = <T extends string>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v);

/** Joins a parent path and a child path: `results[3]` + `summary.total`, `log` + `entries[0]`. */
export function joinPath(parent: string, child: string): string {
  if (!child) return parent;
  if (!parent) return child;
  return child.startsWith('[') ? parent + child : `${parent}.${child}`;
}

const nest = (parent: string, errors: readonly FieldError[]): FieldError[] =>
  errors.map((e) => ({ path: joinPath(parent, e.path), code: e.code }));

// The parsed log, not the raw one, travels on: an older format comes back upgraded.
function checkLog(o: Obj, errors: FieldError[]): CallLog | null {
  const log = parseLog(o.log);
  if (log.ok) return log.value;
  errors.push(...nest('log', log.errors));
  return null;
}

function checkSummary(data: unknown, errors: FieldError[]): void {
  if (!isObject(data)) return void errors.push({ path: 'summary', code: 'notObject' });
  for (const k of ['total', 'process', 'diagnosis', 'calmness'] as const) {
    const v = data[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) errors.push({ path: `summary.${k}`, code: 'badField' });
    else if (v < 0 || v > 100) errors.push({ path: `summary.${k}`, code: 'outOfRange' });
  }
  if (!isIn(OUTCOMES, data.outcome)) errors.push({ path: 'summary.outcome', code: 'badField' });
  if (typeof data.won !== 'boolean') errors.push({ path: 'summary.won', code: 'badField' });
}

/** Validates one finished-call record; never throws. */
export function parseResult(data: unknown): Parsed<ResultRecord> {
  if (!isObject(data)) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  const errors: FieldError[] = [];
  // An empty id cannot be an IndexedDB key worth keeping apart from others.
  if (typeof data.id !== 'string' || data.id === '') errors.push({ path: 'id', code: 'badField' });
  if (typeof data.scenario !== 'string' || data.scenario === '') errors.push({ path: 'scenario', code: 'badField' });
  if (!isLang(data.lang)) errors.push({ path: 'lang', code: 'badField' });
  if (!isIsoDate(data.finishedAt)) errors.push({ path: 'finishedAt', code: 'badDate' });
  const log = checkLog(data, errors);
  checkSummary(data.summary, errors);
  if (errors.length || !log) return { ok: false, errors };
  const s = data.summary as ResultSummary;
  // Rebuilt field by field so unknown extra properties never travel further.
  const value: ResultRecord = {
    id: data.id as string,
    scenario: data.scenario as string,
    lang: data.lang as ResultRecord['lang'],
    finishedAt: data.finishedAt as string,
    log,
    summary: {
      total: s.total,
      process: s.process,
      diagnosis: s.diagnosis,
      calmness: s.calmness,
      outcome: s.outcome,
      won: s.won,
    },
  };
  return { ok: true, value };
}

/** Validates a saved call in progress; never throws. */
export function parseInProgress(data: unknown): Parsed<InProgress> {
  if (!isObject(data)) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  const errors: FieldError[] = [];
  const log = checkLog(data, errors);
  if (!isLang(data.lang)) errors.push({ path: 'lang', code: 'badField' });
  if (!isIsoDate(data.savedAt)) errors.push({ path: 'savedAt', code: 'badDate' });
  // Saved before the pace was kept: it was played in real time.
  if ('pace' in data && !isPace(data.pace)) errors.push({ path: 'pace', code: 'badField' });
  if (errors.length || !log) return { ok: false, errors };
  const pace = (data.pace ?? 'real') as InProgress['pace'];
  return { ok: true, value: { log, lang: data.lang as InProgress['lang'], savedAt: data.savedAt as string, pace } };
}

/** Reads settings field by field; `repaired` names the fields that held a bad value (missing ones are not bad). */
export function readSettings(data: unknown): { value: Settings; repaired: string[] } {
  if (!isObject(data)) return { value: DEFAULT_SETTINGS, repaired: [''] };
  const repaired: string[] = [];
  const pick = <K extends keyof Settings>(k: K, ok: (v: unknown) => boolean): Settings[K] => {
    if (!(k in data)) return DEFAULT_SETTINGS[k];
    if (ok(data[k])) return data[k] as Settings[K];
    repaired.push(k);
    return DEFAULT_SETTINGS[k];
  };
  const value: Settings = {
    lang: pick('lang', (v) => v === null || isLang(v)),
    mode: pick('mode', (v) => v === 'training' || v === 'exam'),
    pace: pick('pace', isPace),
    volume: pick('volume', (v) => typeof v === 'number' && v >= 0 && v <= 1),
    muted: pick('muted', (v) => typeof v === 'boolean'),
    speech: pick('speech', (v) => typeof v === 'boolean'),
    guidedSeen: pick('guidedSeen', (v) => typeof v === 'boolean'),
  };
  return { value, repaired };
}

/** Settings never fail to load: each bad field falls back to its default. */
export function parseSettings(data: unknown): Settings {
  return readSettings(data).value;
}

/** The export file's content (the inverse of parseResultsFile). */
export function serializeResults(results: readonly ResultRecord[], exportedAt: string): string {
  return JSON.stringify({ format: RESULTS_FORMAT, version: RESULTS_VERSION, exportedAt, results }, null, 2);
}

/** Validates an imported results file; one bad record rejects the whole file, never half-loaded. */
export function parseResultsFile(text: string): Parsed<ResultRecord[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ path: '', code: 'notJson' }] };
  }
  if (!isObject(data)) return { ok: false, errors: [{ path: '', code: 'notObject' }] };
  if (data.format !== RESULTS_FORMAT) return { ok: false, errors: [{ path: 'format', code: 'notResultsFile' }] };
  if (typeof data.version !== 'number') return { ok: false, errors: [{ path: 'version', code: 'badField' }] };
  if (data.version > RESULTS_VERSION) return { ok: false, errors: [{ path: 'version', code: 'tooNew' }] };
  if (!Array.isArray(data.results)) return { ok: false, errors: [{ path: 'results', code: 'badField' }] };
  const errors: FieldError[] = [];
  const value: ResultRecord[] = [];
  const seen = new Set<string>();
  data.results.forEach((item: unknown, i: number) => {
    const r = parseResult(item);
    if (!r.ok) return void errors.push(...nest(`results[${i}]`, r.errors));
    // Two records with one id would silently overwrite each other once stored.
    if (seen.has(r.value.id)) return void errors.push({ path: `results[${i}].id`, code: 'duplicateId' });
    seen.add(r.value.id);
    value.push(r.value);
  });
  return errors.length ? { ok: false, errors } : { ok: true, value };
}
