// Our SCORM 1.2 adapter (the content side): finds the LMS's `API`, opens the session, keeps the
// call in progress in `cmi.suspend_data`, reports the finished call, and closes on leaving.
import type { CallLog } from '../engine/replay.ts';
import type { Lang } from '../i18n/lang.ts';
import type { InProgressSlot } from '../ports/storage.ts';
import type { CallSession } from '../session/call-session.ts';
import type { LmsPort } from './port.ts';
import { reportOf, timespan, type ScormReport } from './report.ts';
import { decodeSuspend, fitSuspend } from './suspend.ts';

/** The SCORM 1.2 runtime an LMS offers as `API` in the window that launches the course. */
export type Scorm12Api = {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
};

/** What the search reads of a window. */
export type ApiWindow = {
  readonly API?: unknown;
  readonly parent?: ApiWindow | null;
  readonly opener?: ApiWindow | null;
  readonly top?: ApiWindow | null;
};

/** How far up the frames the search climbs (ADL's sample stops at 7; LMS players nest a few). */
const MAX_DEPTH = 10;
/** The progress is written at each action, and while waiting every this much call time. */
const SAVE_EVERY_MS = 10_000;
/** Commits (a request to the LMS's server) at most this often, wall time, but for the call's end and leaving. */
const COMMIT_EVERY_MS = 15_000;

/** A call time as the call screen shows it (mm:ss). */
const clockOf = (ms: number): string =>
  `${String(Math.floor(ms / 60_000)).padStart(2, '0')}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`;

const METHODS = ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError'];
const isApi = (v: unknown): v is Scorm12Api =>
  typeof v === 'object' && v !== null && METHODS.every((m) => typeof (v as Record<string, unknown>)[m] === 'function');

/** The API in `win` or the first of its parents that has one, or null. */
function climb(start: ApiWindow | null | undefined): Scorm12Api | null {
  let w = start;
  for (let depth = 0; w && depth <= MAX_DEPTH; depth++) {
    try {
      if (isApi(w.API)) return w.API;
      const parent = w.parent;
      if (!parent || parent === w) return null;
      w = parent;
    } catch {
      // A frame of another origin: its API is not ours to use.
      return null;
    }
  }
  return null;
}

/** The LMS's API: in this window's frames, then in the window that opened it (or opened the top one). */
export function findApi(win: ApiWindow): Scorm12Api | null {
  const opener = (w: ApiWindow | null | undefined): ApiWindow | null => {
    try {
      return w?.opener ?? null;
    } catch {
      return null;
    }
  };
  return climb(win) ?? climb(opener(win)) ?? climb(opener(win.top));
}

export type Scorm12Options = {
  /** The call the package launches (its deep link's `scenario`): other calls played meanwhile are not reported. */
  readonly scenario?: string | null;
  /** Wall time in ms (session time, commit pacing). */
  readonly now?: () => number;
  readonly warn?: (message: string) => void;
};

type Tracked = {
  readonly session: CallSession;
  readonly unsubscribe: () => void;
  entries: number;
  savedAt: number;
  /** Once the log outgrows the limit, what is kept of it (a log only grows: that beginning stays the same). */
  kept: string | null;
};

export class Scorm12Lms implements LmsPort {
  /** Elements the LMS refused, with its error code: for tests and diagnosis. */
  readonly refused: { readonly element: string; readonly code: string }[] = [];
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly mastery: number | null;
  private readonly entry: string;
  private readonly suspended: string;
  /** Review or browse: the LMS shows the course without recording anything. */
  private readonly review: boolean;
  private status: string;
  private tracked: Tracked | null = null;
  private committedAt: number;
  private closed = false;

  /** Opens the session (LMSInitialize) and reads what the LMS knows; null when it refuses. */
  static open(api: Scorm12Api, options: Scorm12Options = {}): Scorm12Lms | null {
    return String(api.LMSInitialize('')) === 'true' ? new Scorm12Lms(api, options) : null;
  }

  private constructor(
    private readonly api: Scorm12Api,
    private readonly options: Scorm12Options,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.startedAt = this.now();
    this.committedAt = this.startedAt;
    const mastery = this.get('cmi.student_data.mastery_score').trim();
    this.mastery = mastery !== '' && Number.isFinite(Number(mastery)) ? Number(mastery) : null;
    this.entry = this.get('cmi.core.entry');
    this.suspended = this.get('cmi.suspend_data');
    const mode = this.get('cmi.core.lesson_mode');
    this.review = mode === 'review' || mode === 'browse';
    this.status = this.get('cmi.core.lesson_status');
    if (!this.review && (this.status === 'not attempted' || this.status === '')) {
      this.set('cmi.core.lesson_status', (this.status = 'incomplete'));
      this.commit();
    }
  }

  resumable(scenario: string, lang: Lang): InProgressSlot | null {
    if (this.review || this.entry === 'ab-initio' || !this.suspended) return null;
    const kept = decodeSuspend(this.suspended);
    if (!kept || kept.log.scenario !== scenario) return null;
    return {
      id: `scorm-${scenario}`,
      log: kept.log,
      lang,
      savedAt: new Date(this.now()).toISOString(),
      pace: kept.pace,
    };
  }

  callStarted(session: CallSession): void {
    if (this.closed || this.review || !this.ours(session)) return;
    this.untrack();
    const tracked: Tracked = {
      session,
      unsubscribe: session.subscribe(() => this.progress(tracked)),
      entries: -1,
      savedAt: 0,
      kept: null,
    };
    this.tracked = tracked;
    this.save(tracked, true);
  }

  callEnded(session: CallSession): void {
    if (this.closed || this.tracked?.session !== session) return;
    this.untrack();
    this.report(reportOf(session.sc, session.log, session.scorecard, this.mastery));
    // Over: nothing to resume; the next launch starts afresh.
    this.set('cmi.suspend_data', '');
    this.set('cmi.core.exit', '');
    this.set('cmi.core.session_time', this.sessionTime());
    this.commit();
  }

  callLeft(kept: boolean): void {
    const t = this.tracked;
    if (this.closed || !t) return;
    if (kept) this.save(t, true);
    else {
      this.set('cmi.suspend_data', '');
      this.set('cmi.core.exit', '');
      this.commit();
    }
    this.untrack();
  }

  /** The page goes away: the call in progress is kept, the time said, and the session closed (LMSFinish). */
  leave(): void {
    if (this.closed) return;
    const t = this.tracked;
    if (t && !t.session.state.ended) this.save(t, false);
    if (!this.review) this.set('cmi.core.session_time', this.sessionTime());
    this.commit();
    this.api.LMSFinish('');
    this.closed = true;
    this.untrack();
  }

  private ours(session: CallSession): boolean {
    return !this.options.scenario || session.sc.id === this.options.scenario;
  }

  private untrack(): void {
    this.tracked?.unsubscribe();
    this.tracked = null;
  }

  /** Every change of the call: its log is written after each action, and now and then while time passes. */
  private progress(t: Tracked): void {
    const s = t.session;
    if (this.tracked !== t || s.state.ended) return;
    const entries = s.log.entries.length;
    if (entries !== t.entries || s.state.time - t.savedAt >= SAVE_EVERY_MS) this.save(t, false);
  }

  private save(t: Tracked, commitNow: boolean): void {
    const log = t.session.log;
    t.entries = log.entries.length;
    t.savedAt = log.time;
    const text = t.kept ?? this.fit(t, log);
    this.set('cmi.suspend_data', text);
    this.set('cmi.core.exit', text ? 'suspend' : '');
    this.set('cmi.core.session_time', this.sessionTime());
    if (commitNow || this.now() - this.committedAt >= COMMIT_EVERY_MS) this.commit();
  }

  /** The log as suspend data; once it outgrows SCORM 1.2's limit, its longest beginning that fits (or nothing), said once. */
  private fit(t: Tracked, log: CallLog): string {
    const fit = fitSuspend(log, t.session.pace);
    if (fit && fit.kept === log.entries.length) return fit.text;
    t.kept = fit?.text ?? '';
    const at = fit && clockOf(fit.kept ? log.entries[fit.kept - 1]!.at : 0);
    this.options.warn?.(
      at === null
        ? 'Hotliner: this call cannot be kept in the LMS (4,096 characters of suspend data): a relaunch starts it afresh.'
        : `Hotliner: this call's log is longer than the LMS keeps (4,096 characters of suspend data): a relaunch resumes it at ${at}.`,
    );
    return t.kept;
  }

  /** Score, status and the scorecard's items; a pass already recorded is never turned into a failure. */
  private report(r: ScormReport): void {
    if (!(this.status === 'passed' && r.status === 'failed')) {
      this.set('cmi.core.score.raw', String(r.raw));
      this.set('cmi.core.score.min', String(r.min));
      this.set('cmi.core.score.max', String(r.max));
      this.set('cmi.core.lesson_status', (this.status = r.status));
    }
    // Interactions are a journal: each attempt adds its own after those already recorded.
    const first = Number(this.get('cmi.interactions._count')) || 0;
    r.interactions.forEach((x, i) => {
      const at = `cmi.interactions.${first + i}`;
      this.set(`${at}.id`, x.id);
      this.set(`${at}.type`, x.type);
      this.set(`${at}.weighting`, String(x.weighting));
      if (x.response !== null) this.set(`${at}.student_response`, x.response);
      this.set(`${at}.result`, x.result);
      if (x.latency !== null) this.set(`${at}.latency`, x.latency);
    });
  }

  private sessionTime(): string {
    return timespan(this.now() - this.startedAt);
  }

  private get(element: string): string {
    const v = this.api.LMSGetValue(element);
    return typeof v === 'string' ? v : v == null ? '' : String(v);
  }

  private set(element: string, value: string): void {
    if (String(this.api.LMSSetValue(element, value)) !== 'true')
      this.refused.push({ element, code: String(this.api.LMSGetLastError()) });
  }

  private commit(): void {
    this.committedAt = this.now();
    this.api.LMSCommit('');
  }
}

/** The game's link to an LMS that launched it, or null (then nothing changes); closed when the page goes away. */
export function connectScorm12(win: Window, scenario: string | null): LmsPort | null {
  const api = findApi(win as unknown as ApiWindow);
  const lms = api && Scorm12Lms.open(api, { scenario, warn: (m) => console.warn(m) });
  if (!lms) return null;
  win.addEventListener('pagehide', () => lms.leave());
  return lms;
}
