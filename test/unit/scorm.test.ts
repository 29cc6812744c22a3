// The SCORM 1.2 adapter against scorm-again playing the LMS: what the LMS receives at a call's
// end (score, status against the mastery score, session time, one interaction per playbook
// item), the call kept in suspend_data within SCORM 1.2's 4,096 characters, and resumed from it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Scorm12API } from 'scorm-again';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { nextEventAt } from '../../src/engine/clock.ts';
import { makeLog, replay, replayToEnd, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import type { Mode } from '../../src/engine/types.ts';
import { reportOf, timespan } from '../../src/lms/report.ts';
import { findApi, Scorm12Lms, type ApiWindow, type Scorm12Api } from '../../src/lms/scorm12.ts';
import { decodeSuspend, encodeSuspend, fitSuspend, SUSPEND_LIMIT } from '../../src/lms/suspend.ts';
import { CallSession } from '../../src/session/call-session.ts';
import { golden, repoCall } from '../support/golden.ts';

const GOLDENS = readdirSync(join(ROOT, 'test', 'golden'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
// SCORM 1.2's own formats, strictly (scorm-again accepts more).
const TIMESPAN = /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/;
const IDENTIFIER = /^[A-Za-z0-9_-]{1,255}$/;

/** scorm-again as the LMS, preloaded with `cmi`, recording every value the course sets. */
function lms(cmi: Record<string, unknown> = {}) {
  const api = new Scorm12API({ logLevel: 5 });
  api.loadFromJSON(cmi);
  const sent: [string, string][] = [];
  const calls: string[] = [];
  api.on('LMSSetValue.cmi.*', (element: string, value: unknown) => void sent.push([element, String(value)]));
  api.on('LMSCommit', () => void calls.push('commit'));
  api.on('LMSFinish', () => void calls.push('finish'));
  const last = (element: string): string | undefined => sent.filter(([e]) => e === element).at(-1)?.[1];
  return { api, sent, calls, last };
}

type Interaction = { id: string; type: string; result: string; weighting: string; latency: string };
/** The interactions the LMS holds (write-only to the course, read here as the LMS stores them). */
function interactions(api: Scorm12API): Interaction[] {
  const sent = api.renderCommitCMI(true) as unknown as { cmi: { interactions?: Record<string, Interaction> } };
  return Object.values(sent.cmi.interactions ?? {});
}

/** The course's window inside the LMS's frame, with the wall clock the adapter reads. */
function open(api: Scorm12API, scenario: string | null = null) {
  const clock = { now: 1_000_000 };
  const lmsWindow: ApiWindow = { API: api };
  const found = findApi({ parent: lmsWindow });
  expect(found).toBe(api);
  const adapter = Scorm12Lms.open(found!, { scenario, now: () => clock.now, warn: () => {} })!;
  return { adapter, clock };
}

/** A call played along its golden path (its first `upTo` actions), as the game's session plays it. */
function played(id: string, mode: Mode, upTo?: number, onStart?: (s: CallSession) => void): CallSession {
  const g = golden(id);
  const session = new CallSession(repoCall(id), g.seed, mode);
  onStart?.(session);
  playOn(session, g.log.slice(0, upTo));
  return session;
}

function playOn(session: CallSession, entries: readonly LogEntry[]): void {
  for (const e of entries) {
    if (e.at > session.state.time) session.wait(e.at - session.state.time);
    session.act(e.action);
  }
}

/** Lets the last words be said until the call ends. */
function toEnd(session: CallSession): void {
  for (let i = 0; i < 10_000 && !session.state.ended; i++) {
    const next = nextEventAt(session.sc, session.state);
    if (!Number.isFinite(next)) break;
    session.wait(next - session.state.time);
  }
}

describe('SCORM 1.2 times', () => {
  it.each([
    [0, '0000:00:00.00'],
    [1234, '0000:00:01.23'],
    [192_500, '0000:03:12.50'],
    [3_600_000 * 27 + 61_005, '0027:01:01.01'],
    [3_600_000 * 20_000, '9999:59:59.99'],
  ])('%i ms is %s', (ms, text) => {
    expect(timespan(ms)).toBe(text);
    expect(text).toMatch(TIMESPAN);
  });
});

describe('suspend_data', () => {
  it.each(GOLDENS)('keeps the golden log of %s within 4,096 characters, and reads it back', (id) => {
    const g = golden(id);
    const log = makeLog(g.scenario, g.seed, g.mode, g.log, g.log[g.log.length - 1]!.at + 1234);
    const text = encodeSuspend(log, 'turns');
    // The longest golden logs (40 actions) take about 630 characters, JSON about 2,900.
    expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(text.length).toBeLessThan(JSON.stringify(log).length / 3);
    expect(text).toMatch(/^[\x20-\x7e]+$/);
    expect(decodeSuspend(text)).toEqual({ log, pace: 'turns' });
  });

  it('keeps ids with separators or accents as they are', () => {
    const entries: LogEntry[] = [
      { at: 0, action: { type: 'say', choice: 'a|b,c.d%é' } },
      { at: 1500, action: { type: 'writeTicket', notes: [] } },
      { at: 1500, action: { type: 'classifyTicket', category: 'x,y', priority: 'p|q' } },
      { at: 99_999, action: { type: 'hold', ask: false } },
      { at: 99_999, action: { type: 'resume', thank: true } },
      { at: 100_000, action: { type: 'hangUp' } },
    ];
    const log = makeLog('odd|call', 0.5, 'training', entries, 100_000);
    expect(decodeSuspend(encodeSuspend(log, 'real'))).toEqual({ log, pace: 'real' });
  });

  it('keeps the longest beginning of a log that would not fit, resumed at its last action', () => {
    const g = golden('wifi-slow-evening');
    const notes = g.log.flatMap((e) => (e.action.type === 'writeTicket' ? [e.action] : [])).at(-1)!;
    const long: LogEntry[] = [...g.log];
    for (let i = 0; i < 600; i++) long.push({ at: 300_000 + i * 1000, action: notes });
    const log = makeLog(g.scenario, g.seed, g.mode, long, 900_000);
    expect(encodeSuspend(log, 'real').length).toBeGreaterThan(SUSPEND_LIMIT);
    const fit = fitSuspend(log, 'real')!;
    expect(fit.text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(fit.kept).toBeGreaterThan(g.log.length);
    expect(fit.kept).toBeLessThan(long.length);
    const back = decodeSuspend(fit.text)!;
    expect(back.log.entries).toEqual(long.slice(0, fit.kept));
    expect(back.log.time).toBe(long[fit.kept - 1]!.at);
    // One more action would not have fitted.
    expect(
      fitSuspend(makeLog(log.scenario, log.seed, log.mode, long.slice(0, fit.kept + 1), 0), 'real', SUSPEND_LIMIT)!
        .kept,
    ).toBe(fit.kept);
    expect(fitSuspend(log, 'real', 10)).toBeNull();
  });

  it.each([
    '',
    'H1',
    'H2|a|1|e|r|0||',
    'H1|a|1|x|r|0||',
    'H1|a|1|e|r|0|x|S5',
    'H1|a|1|e|r|0|x|Z0',
    'H1|a|1|e|r|0|%E0|S0',
    'H1|a|1|e|r|0||S',
  ])('refuses damaged data %j', (text) => expect(decodeSuspend(text)).toBeNull());
});

describe('the API search', () => {
  const api = lms().api as unknown as Scorm12Api;
  it('finds the API in a parent, a grand-parent, the opener or the top window’s opener', () => {
    const top: ApiWindow = { API: api };
    const middle: ApiWindow = { parent: top };
    expect(findApi({ parent: middle })).toBe(api);
    expect(findApi({ opener: { parent: top } })).toBe(api);
    expect(findApi({ top: { opener: top } })).toBe(api);
  });

  it('stops at the top, after ten frames, and at a window of another origin', () => {
    expect(findApi({})).toBeNull();
    const self: { parent?: ApiWindow } = {};
    self.parent = self;
    expect(findApi(self)).toBeNull();
    let deep: ApiWindow = { API: api };
    for (let i = 0; i < 12; i++) deep = { parent: deep };
    expect(findApi(deep)).toBeNull();
    const foreign = Object.defineProperty({}, 'API', {
      get: () => {
        throw new DOMException('Blocked a frame', 'SecurityError');
      },
    });
    expect(findApi({ parent: foreign })).toBeNull();
    expect(findApi({ API: { LMSInitialize: () => 'true' } })).toBeNull();
  });
});

describe('a finished call, reported', () => {
  it('sends the score, passed against the mastery score, the session time and one interaction per process item', () => {
    const id = 'known-outage-tech';
    const { api, sent, calls, last } = lms({ student_data: { mastery_score: '80' } });
    const { adapter, clock } = open(api, id);
    expect(last('cmi.core.lesson_status')).toBe('incomplete');
    const session = played(id, 'exam', undefined, (s) => adapter.callStarted(s));
    toEnd(session);
    clock.now += 192_500;
    adapter.callEnded(session);
    adapter.leave();
    const card = scoreCall(session.sc, session.state);
    expect(card.total).toBe(golden(id).expected.total);
    expect(last('cmi.core.score.raw')).toBe(String(card.total));
    expect(last('cmi.core.score.min')).toBe('0');
    expect(last('cmi.core.score.max')).toBe('100');
    expect(last('cmi.core.lesson_status')).toBe('passed');
    expect(last('cmi.core.session_time')).toBe('0000:03:12.50');
    expect(last('cmi.suspend_data')).toBe('');
    expect(last('cmi.core.exit')).toBe('');
    expect(calls.slice(-2)).toEqual(['commit', 'finish']);
    expect(adapter.refused).toEqual([]);
    // One interaction per process item of the scorecard, in its order, in SCORM 1.2's vocabularies.
    const items = card.lines.filter((l) => l.section === 'process');
    const got = interactions(api);
    expect(got.length).toBe(items.length);
    expect(items.filter((l) => l.id.startsWith('step.')).length).toBe(session.sc.scoredSteps.length);
    items.forEach((line, i) => {
      const x = got[i]!;
      expect(x.id).toBe(line.id.replace('.', '-'));
      expect(x.id).toMatch(IDENTIFIER);
      expect(['performance', 'choice']).toContain(x.type);
      expect(x.result).toBe(
        { done: 'correct', early: 'neutral', partial: 'neutral', missed: 'wrong', fatal: 'wrong' }[line.status],
      );
      expect(Number(x.weighting)).toBe(line.weight);
      const latency = sent.find(([e]) => e === `cmi.interactions.${i}.latency`)?.[1];
      // When in the call it was done, if it was (the order of the questions has no moment of its own).
      if (line.status === 'missed' || !line.evidence.length) expect(latency).toBeUndefined();
      else expect(latency).toBe(timespan(line.evidence[0]!.at));
    });
    // The ticket is written with a tool; the greeting is said.
    expect(got.find((x) => x.id === 'ticketNotes')?.type).toBe('performance');
    expect(got.find((x) => x.id === 'step-greet')?.type).toBe('choice');
  });

  it.each([
    ['known-outage-tech', 'exam', '', 'passed'],
    ['fiber-tech-l2', 'exam', '97', 'passed'],
    ['fiber-tech-l2', 'exam', '98', 'failed'],
    ['known-outage-tech', 'training', '80', 'completed'],
  ] as const)('%s in %s with a mastery score of %j is %s', (id, mode, mastery, status) => {
    const { api, last } = lms({ student_data: { mastery_score: mastery } });
    const { adapter } = open(api, id);
    const session = played(id, mode, undefined, (s) => adapter.callStarted(s));
    toEnd(session);
    adapter.callEnded(session);
    expect(last('cmi.core.lesson_status')).toBe(status);
    expect(last('cmi.core.score.raw')).toBe(String(golden(id).expected.total));
  });

  it('fails a call hung up on, against the playbook when the LMS has no mastery score', () => {
    const { api, last } = lms();
    const { adapter } = open(api);
    const session = played('box-no-sync', 'exam', 3, (s) => adapter.callStarted(s));
    session.act({ type: 'hangUp' });
    toEnd(session);
    adapter.callEnded(session);
    expect(last('cmi.core.lesson_status')).toBe('failed');
    expect(last('cmi.core.score.raw')).toBe('0');
    expect(interactions(api).some((x) => x.id.startsWith('fatal-') && x.result === 'wrong')).toBe(true);
  });

  it('never turns a pass the LMS has into a failure, and adds a retry’s interactions after the first ones', () => {
    const { api, last } = lms();
    const { adapter } = open(api, 'box-no-sync');
    const won = played('box-no-sync', 'exam', undefined, (s) => adapter.callStarted(s));
    toEnd(won);
    adapter.callEnded(won);
    const first = interactions(api).length;
    const lost = played('box-no-sync', 'exam', 3, (s) => adapter.callStarted(s));
    lost.act({ type: 'hangUp' });
    toEnd(lost);
    adapter.callEnded(lost);
    expect(last('cmi.core.lesson_status')).toBe('passed');
    expect(last('cmi.core.score.raw')).toBe('100');
    expect(interactions(api).length).toBeGreaterThan(first);
  });

  it('reports only the call the package launches, and nothing in review mode', () => {
    const other = lms();
    const a = open(other.api, 'tv-no-picture').adapter;
    const session = played('known-outage-tech', 'exam', undefined, (s) => a.callStarted(s));
    toEnd(session);
    a.callEnded(session);
    expect(other.last('cmi.core.score.raw')).toBeUndefined();
    const review = lms({ core: { lesson_mode: 'review', lesson_status: 'passed' } });
    const b = open(review.api).adapter;
    const again = played('known-outage-tech', 'exam', undefined, (s) => b.callStarted(s));
    toEnd(again);
    b.callEnded(again);
    b.leave();
    expect(review.sent).toEqual([]);
    expect(review.calls).toContain('finish');
  });
});

describe('a call left unfinished', () => {
  it.each(GOLDENS)('%s: its whole golden log fits the suspend data the LMS keeps', (id) => {
    const { api, last } = lms();
    const { adapter } = open(api, id);
    const session = played(id, 'exam', undefined, (s) => adapter.callStarted(s));
    adapter.leave();
    const kept = last('cmi.suspend_data')!;
    expect(kept.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    expect(decodeSuspend(kept)?.log).toEqual(session.log);
    expect(last('cmi.core.exit')).toBe('suspend');
  });

  it('is resumed on the next launch where it was left, and its end is reported', () => {
    const id = 'wifi-slow-evening';
    const g = golden(id);
    const first = lms({ student_data: { mastery_score: '80' } });
    const one = open(first.api, id).adapter;
    const session = played(id, 'exam', 20, (s) => one.callStarted(s));
    session.wait(4321);
    one.leave();
    expect(first.calls.at(-1)).toBe('finish');
    const cmi = { suspend_data: first.api.cmi.suspend_data };
    // The LMS launches the course again, with what it kept.
    const second = lms({
      suspend_data: cmi.suspend_data,
      core: { entry: 'resume' },
      student_data: { mastery_score: '80' },
    });
    const two = open(second.api, id).adapter;
    expect(two.resumable('tv-no-picture', 'en')).toBeNull();
    const slot = two.resumable(id, 'en')!;
    expect(slot.pace).toBe('real');
    expect(slot.log).toEqual(session.log);
    const restored = replay(session.sc, slot.log.seed, slot.log.entries, slot.log.mode, slot.log.time).state;
    expect(restored).toEqual(session.state);
    // Played on from there (as App.play does with a slot) to the end: the score is the golden path's.
    const again = new CallSession(session.sc, slot.log.seed, slot.log.mode, restored, slot.log.entries);
    two.callStarted(again);
    playOn(again, g.log.slice(20));
    toEnd(again);
    two.callEnded(again);
    expect(second.last('cmi.core.score.raw')).toBe(String(g.expected.total));
    expect(second.last('cmi.core.lesson_status')).toBe('passed');
    const card = scoreCall(session.sc, replayToEnd(session.sc, g.seed, again.log.entries, 'exam').state);
    expect(reportOf(session.sc, again.log, card, 80).status).toBe('passed');
  });

  it('is not resumed when the LMS starts afresh, nor once abandoned', () => {
    const id = 'tv-no-picture';
    const first = lms();
    const one = open(first.api, id).adapter;
    played(id, 'training', 10, (s) => one.callStarted(s));
    const kept = first.last('cmi.suspend_data')!;
    expect(decodeSuspend(kept)).not.toBeNull();
    const fresh = lms({ suspend_data: kept, core: { entry: 'ab-initio' } });
    expect(open(fresh.api, id).adapter.resumable(id, 'fr')).toBeNull();
    one.callLeft(false);
    expect(first.last('cmi.suspend_data')).toBe('');
  });

  it('keeps the longest beginning that fits when the log outgrows 4,096 characters, and says so once', () => {
    const id = 'wifi-slow-evening';
    const g = golden(id);
    const { api, last, sent } = lms();
    const warnings: string[] = [];
    const adapter = Scorm12Lms.open(api as unknown as Scorm12Api, { scenario: id, warn: (m) => warnings.push(m) })!;
    const session = played(id, 'training', 30, (s) => adapter.callStarted(s));
    const notes = g.log
      .slice(0, 30)
      .flatMap((e) => (e.action.type === 'writeTicket' ? [e.action.notes] : []))
      .at(-1)!;
    // A trainee ticking and unticking the same fact, again and again.
    for (let i = 0; i < 1500; i++) session.act({ type: 'writeTicket', notes: i % 2 ? notes : notes.slice(1) });
    expect(session.log.entries.length).toBeGreaterThan(1000);
    adapter.leave();
    const all = sent.filter(([e]) => e === 'cmi.suspend_data').map(([, v]) => v);
    expect(Math.max(...all.map((v) => v.length))).toBeLessThanOrEqual(SUSPEND_LIMIT);
    const back = decodeSuspend(last('cmi.suspend_data')!)!;
    expect(back.log.entries).toEqual(session.log.entries.slice(0, back.log.entries.length));
    expect(back.log.entries.length).toBeLessThan(session.log.entries.length);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/resumes it at \d\d:\d\d/);
  });
});
