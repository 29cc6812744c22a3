// The debrief's explanations on real calls played as a person would: the cause of a loss, what
// would have earned a missed line and when, what a hold lacked, where a call parted from the model
// answer, how the total was built — as data, and in both languages' words.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TFunction } from 'i18next';
import { explainCall, type Explanation } from '../../src/analysis/explain.ts';
import type { Hint } from '../../src/analysis/hints.ts';
import { modelAnswerOf, partingOf } from '../../src/analysis/model-answer.ts';
import { scoreBuild } from '../../src/analysis/score-build.ts';
import { affordances } from '../../src/engine/affordances.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { makeLog, replay, replayToEnd, type CallLog, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall, type Scorecard } from '../../src/engine/scoring.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { hintWords } from '../../src/ui/debrief-hints.ts';
import { partingText } from '../../src/ui/debrief-model.ts';
import { causeText, verdictTexts } from '../../src/ui/debrief-words.ts';
import { golden, repoCall } from '../support/golden.ts';
import { repoCalls } from '../support/load.ts';
import { nextLines, playAsPerson, type Move } from '../support/person.ts';
import { realWords } from '../support/words.ts';

const words: Partial<Record<Lang, TFunction>> = {};
beforeAll(async () => {
  words.en = await realWords('en');
  words.fr = await realWords('fr');
});
afterEach(() => vi.restoreAllMocks());

type Played = { sc: ScenarioModel; log: CallLog; card: Scorecard; x: Explanation; entries: LogEntry[] };

function bestOf(id: string): CallLog {
  const g = golden(id);
  return makeLog(id, g.seed, g.mode, g.log, 0);
}

/** Explains a log of a real call, with its golden best path as the model answer. */
function explain(id: string, entries: LogEntry[], seed = 1): Played {
  const sc = repoCall(id);
  const log = makeLog(id, seed, 'training', entries, 0);
  const r = replayToEnd(sc, seed, entries, 'training');
  expect(r.rejected).toEqual([]);
  const card = scoreCall(sc, r.state);
  return { sc, log, card, x: explainCall(sc, log, r, card, bestOf(id)), entries };
}

function play(id: string, moves: readonly Move[]): Played {
  return explain(id, playAsPerson(repoCall(id), moves).entries);
}

const hintsOf = (p: Played, line: string): readonly Hint[] => p.x.hints.get(line) ?? [];

/** Words in a language, failing the test on any key the language lacks. */
function inWords<T>(lang: Lang, f: (t: TFunction) => T): T {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const out = f(words[lang]!);
  expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([]);
  warn.mockRestore();
  return out;
}

describe('a silent recruit, who picks up and says nothing', () => {
  describe.each(repoCalls().map((sc) => [sc.id] as const))('on %s', (id) => {
    const p = explain(id, []);

    it('loses, and the cause is the silence: when they hung up, how long, the hellos unanswered', () => {
      expect(p.card.won).toBe(false);
      expect(p.card.outcome).toBe('lost');
      const c = p.x.verdict.cause;
      expect(c.kind).toBe('silence');
      if (c.kind !== 'silence') return;
      const r = replayToEnd(p.sc, 1, [], 'training');
      const hungUp = r.events.find((e) => e.type === 'customerHungUp')!;
      expect(c.at).toBe(hungUp.at);
      expect(c.seconds).toBe(Math.floor(hungUp.at / 1000));
      const hellos = r.events.filter((e) => e.type === 'customerPrompted' && e.at <= hungUp.at);
      expect(c.prompts).toEqual(hellos.map((e) => e.at));
      expect(c.prompts.length).toBeGreaterThan(0);
    });

    it.each(['en', 'fr'] as const)('says so first, in %s, quoting what the customer asked', (lang) => {
      const c = p.x.verdict.cause;
      const text = inWords(lang, (t) => causeText(t, p.sc.ns, c));
      expect(text).toMatch(/silence/);
      expect(text).toContain(inWords(lang, (t) => t(`${p.sc.ns}:customer.name`)));
      if (c.kind === 'silence' && c.prompt) expect(text).toContain(inWords(lang, (t) => t(c.prompt!)));
    });

    it('is shown the model answer, parting at the first line, with the line the model says', () => {
      const m = p.x.model;
      expect(m).not.toBeNull();
      expect(m!.parting.index).toBe(0);
      expect(m!.parting.mine).toBeNull();
      const first = golden(id).log.find((e) => e.action.type === 'say')!;
      expect(m!.parting.model).toMatchObject({ at: first.at, choice: (first.action as { choice: string }).choice });
      for (const lang of ['en', 'fr'] as const)
        expect(inWords(lang, (t) => partingText({ t, ns: p.sc.ns, customerName: '' }, m!.parting))).toContain(
          inWords(lang, (t) => t(m!.parting.model!.key)).slice(0, 30),
        );
    });
  });
});

describe('a line that loses the call', () => {
  it('a rude line is named, with its moment, as the automatic fail that zeroes the score', () => {
    const p = play('box-no-sync', ['greet_full', 'snap_back']);
    const said = p.entries[1]!;
    expect(p.card.total).toBe(0);
    expect(p.x.verdict.cause).toMatchObject({ kind: 'fatal', at: said.at, line: { choice: 'snap_back' } });
    for (const lang of ['en', 'fr'] as const) {
      const w = inWords(lang, (t) => verdictTexts(t, p.sc.ns, p.x.verdict));
      const line = inWords(lang, (t) => t(`${p.sc.ns}:choices.snap_back.text`)).slice(0, 40);
      expect(w.cause).toContain(line);
      expect(w.cause).toContain(inWords(lang, (t) => t('playbook:fatal.rude_line')));
      // The call it lost is said next, without quoting the line again.
      expect(p.x.verdict.also).toMatchObject({ kind: 'line', line: { choice: 'snap_back' } });
      expect(w.also).toContain(inWords(lang, (t) => t(`${p.sc.ns}:customer.name`)));
      expect(`${w.also} ${w.rises}`).not.toContain(line);
    }
  });

  it('a condescending line the customer leaves on is named with its tone', () => {
    const p = play('known-outage-tech', ['greet_full', 'reboot_first', 'insist_script']);
    const c = p.x.verdict.cause;
    expect(p.card.outcome).toBe('lost');
    expect(c).toMatchObject({ kind: 'line', line: { choice: 'insist_script' }, said: p.entries[2]!.at });
    expect(inWords('en', (t) => causeText(t, p.sc.ns, c))).toContain('condescending');
    expect(inWords('fr', (t) => causeText(t, p.sc.ns, c))).toContain('condescendante');
    // What else raised the anger: the first condescending line; the one the sentence quotes is not repeated.
    const lines = p.x.verdict.rises.flatMap((r) => (r.by.kind === 'line' ? [r.by.line.choice] : []));
    expect(lines).toContain('reboot_first');
    expect(lines).not.toContain('insist_script');
  });

  it('hanging up on the customer is said as such', () => {
    const p = play('known-outage-tech', ['greet_full', { type: 'hangUp' }]);
    expect(p.x.verdict.cause).toMatchObject({ kind: 'agentHungUp', at: p.entries[1]!.at, fatal: true });
    expect(p.x.verdict.also).toBeNull();
  });
});

describe('what would have earned a missed step', () => {
  // Verification skipped: "I'm opening your account" instead of asking for two identifiers.
  const p = play('known-outage-tech', ['greet_full', 'ack_ids', 'skip_verify', 'restate']);

  it('names a line of this call that performs it, and the first moment it was on offer', () => {
    const [h] = hintsOf(p, 'step.verify');
    expect(h?.kind).toBe('say');
    if (h?.kind !== 'say' || h.at === null) throw new Error(JSON.stringify(h));
    const at = h.at;
    const verify = p.sc.index.steps.get('verify')!;
    expect(p.sc.choices[p.sc.index.choices.get(h.line.choice)!]!.steps).toContain(verify);
    const before = p.entries.filter((e) => e.at < at);
    const offeredAt = (at: number): readonly string[] =>
      affordances(p.sc, replay(p.sc, 1, before, 'training', at).state).lines;
    expect(offeredAt(h.at)).toContain(h.line.choice);
    expect(offeredAt(h.at - 1)).not.toContain(h.line.choice);
    // It was on offer before the trainee skipped it.
    expect(h.at).toBeLessThan(p.entries[2]!.at);
    for (const lang of ['en', 'fr'] as const) {
      const w = inWords(lang, (t) => hintWords(t, h));
      expect(w.at).toBe(h.at);
      expect(w.text).toContain(inWords(lang, (t) => t(h.line.key)).slice(0, 30));
    }
  });

  it('quotes a line that would have done a step whole: its last words may be the ones that do it', () => {
    // Silent from the start: identification is done by "…I'm on it. Your name, and the line's number?".
    const p = play('box-no-sync', []);
    const h = hintsOf(p, 'step.identify').find((x) => x.kind === 'say');
    expect(h).toBeDefined();
    for (const lang of ['en', 'fr'] as const) {
      const full = inWords(lang, (t) => t((h as { line: { key: string } }).line.key));
      expect(full.length).toBeGreaterThan(110);
      const text = inWords(lang, (t) => hintWords(t, h!).text).replace(/\u00a0/g, ' ');
      expect(text).toContain(full.replace(/\.$/, '').slice(-20));
    }
  });

  it('never suggests a tool before the steps it must follow: from when they were done, or not in this call', () => {
    // Verification skipped: no moment of this call would have let the line test run in order.
    expect(hintsOf(p, 'step.line_test')).toEqual([
      { kind: 'tool', tool: 'line_test', at: null, modelAt: expect.any(Number) },
    ]);
    const q = play('known-outage-tech', ['greet_full', 'ack_ids', 'verify_ids', 'restate']);
    const [h] = hintsOf(q, 'step.line_test');
    const verified = replayToEnd(q.sc, 1, q.entries, 'training').state.steps[q.sc.index.steps.get('verify')!];
    expect(verified).not.toBeNull();
    expect(h).toMatchObject({ kind: 'tool', tool: 'line_test', at: verified!.at });
  });

  it('says what should have come first for a step done too early (an automatic fail here)', () => {
    // Taking remote control of a computer before knowing whose it is.
    const q = play('vpn-remote-fix', ['greet_full', { type: 'runTool', tool: 'remote' }]);
    expect(q.x.verdict.cause).toMatchObject({
      kind: 'fatal',
      at: q.entries[1]!.at,
      params: { step: 'playbook:steps.remote_session' },
    });
    expect(hintsOf(q, 'fatal.remote_session_early')).toEqual([
      { kind: 'first', at: q.entries[1]!.at, steps: ['playbook:steps.verify'], escalation: false },
    ]);
    expect(inWords('en', (t) => hintWords(t, hintsOf(q, 'fatal.remote_session_early')[0]!).text)).toContain(
      'Verify identity',
    );
  });

  it('names an early escalation as such, on the resolution line', () => {
    const q = play('voip-needs-l2', [
      'greet_full',
      { type: 'runTool', tool: 'escalation' },
      { type: 'hold', ask: true },
      { wait: 50_000 },
      { type: 'resume', thank: true },
    ]);
    const escalated = replayToEnd(q.sc, 1, q.entries, 'training').state.steps[q.sc.index.steps.get('escalate')!];
    expect(escalated?.inOrder).toBe(false);
    expect(hintsOf(q, 'step.resolve')).toContainEqual({
      kind: 'first',
      at: escalated!.at,
      steps: ['playbook:steps.filter_questions'],
      escalation: true,
    });
    const h = hintsOf(q, 'step.resolve').find((x) => x.kind === 'first')!;
    expect(inWords('en', (t) => hintWords(t, h).text)).toMatch(/^An early escalation/);
    expect(inWords('fr', (t) => hintWords(t, h).text)).toMatch(/^Escalade trop tôt/);
  });
});

describe('a partial hold says which part was missing', () => {
  // The line test crashes on first use; its restart is at work as the hold is asked: the request gives its
  // reason and an estimate.
  const before: Move[] = [
    'greet_full',
    'ack_ids',
    'verify_ids',
    { type: 'runTool', tool: 'line_test' },
    { type: 'restartTool', tool: 'line_test' },
  ];
  it.each([
    ['no permission asked', before, { type: 'hold', ask: false }, 20_000, true, ['ask']],
    ['no reason to give (no tool at work)', before.slice(0, 3), { type: 'hold', ask: true }, 20_000, true, ['reason']],
    ['no check-in for too long', before, { type: 'hold', ask: true }, 75_000, true, ['checkIn']],
    ['no thanks on return', before, { type: 'hold', ask: true }, 20_000, false, ['thank']],
  ] as const)('%s', (_, moves, hold, wait, thank, missing) => {
    const p = play('known-outage-tech', [...moves, hold, { wait }, { type: 'resume', thank }]);
    const line = p.card.lines.find((l) => l.id === 'hold')!;
    expect(line.status).toBe('partial');
    const [h] = hintsOf(p, 'hold');
    expect(h).toMatchObject({ kind: 'hold', holds: [{ missing }] });
    const part = {
      ask: ['permission', 'permission'],
      reason: ['how long', 'combien de temps'],
      checkIn: ['check back', 'point'],
      thank: ['thank', 'remercier'],
    }[missing[0]];
    expect(inWords('en', (t) => hintWords(t, h!).text)).toContain(part[0]);
    expect(inWords('fr', (t) => hintWords(t, h!).text)).toContain(part[1]);
  });
});

describe('the model answer', () => {
  it('parts where the chosen lines first differ, whatever the times', () => {
    const sc = repoCall('box-no-sync');
    const say = (choice: string, at: number): LogEntry => ({ at, action: { type: 'say', choice } });
    const model = [
      say('greet_full', 0),
      { at: 1, action: { type: 'runTool', tool: 'crm' } } as LogEntry,
      say('ack_vent', 5),
    ];
    expect(partingOf(sc, [say('greet_full', 900), say('ack_vent', 9000)], model)).toMatchObject({
      index: 2,
      mine: null,
      model: null,
    });
    expect(partingOf(sc, [say('greet_full', 3), say('snap_back', 40)], model)).toMatchObject({
      index: 1,
      mine: { at: 40, choice: 'snap_back' },
      model: { at: 5, choice: 'ack_vent' },
    });
    expect(partingOf(sc, [], model)).toMatchObject({ index: 0, mine: null, model: { choice: 'greet_full' } });
  });

  it.each([1, 3])('on a call that follows the golden lines and deviates at line %i, parts there', (k) => {
    const id = 'box-no-sync';
    const said = golden(id)
      .log.filter((e) => e.action.type === 'say')
      .map((e) => (e.action as { choice: string }).choice);
    // The golden's first k lines at a person's pace, then another line on offer there.
    const sc = repoCall(id);
    const other = nextLines(sc, playAsPerson(sc, said.slice(0, k)).state).find((c) => c !== said[k]);
    expect(other).toBeDefined();
    const p = play(id, [...said.slice(0, k), other!]);
    const m = p.x.model!;
    expect(m).not.toBeNull();
    expect(m.parting).toMatchObject({ index: k, mine: { choice: other }, model: { choice: said[k] } });
    expect(m.from.mine).toBeLessThanOrEqual(m.parting.mine!.at);
    expect(m.from.model).toBeLessThanOrEqual(m.parting.model!.at);
    expect(m.outcome).toBe(golden(id).expected.outcome);
    for (const lang of ['en', 'fr'] as const) {
      const text = inWords(lang, (t) => partingText({ t, ns: p.sc.ns, customerName: '' }, m.parting));
      expect(text).toContain(`${k + 1}`);
      // The view quotes with French typography (a no-break space before « : »): compared on plain spaces.
      expect(text.replace(/\u00a0/g, ' ')).toContain(inWords(lang, (t) => t(m.parting.model!.key)).slice(0, 25));
    }
  });

  it('leaves out the lines a call edited since no longer has (they were never said)', () => {
    const id = 'box-no-sync';
    const sc = repoCall(id);
    const entries: LogEntry[] = [{ at: 0, action: { type: 'say', choice: 'a_line_since_removed' } }];
    const r = replayToEnd(sc, 1, entries, 'training');
    expect(r.rejected).toHaveLength(1);
    const x = explainCall(sc, makeLog(id, 1, 'training', entries, 0), r, scoreCall(sc, r.state), bestOf(id));
    expect(x.model!.parting).toMatchObject({ index: 0, mine: null, model: { choice: 'greet_full' } });
    expect(partingOf(sc, entries, bestOf(id).entries).mine).toBeNull();
  });

  it("is none when the best path given is another call's", () => {
    const p = play('box-no-sync', ['greet_full']);
    expect(modelAnswerOf(p.sc, bestOf('tv-no-picture'), p.entries, [])).toBeNull();
  });

  it('is not shown after a passed call, nor when the call has no best path', () => {
    const id = 'box-no-sync';
    const p = explain(id, golden(id).log.slice(), golden(id).seed);
    expect(p.card.won).toBe(true);
    expect(p.x.model).toBeNull();
    expect(p.x.verdict.cause.kind).toBe('passed');
    const sc = repoCall(id);
    const r = replayToEnd(sc, 1, [], 'training');
    expect(explainCall(sc, makeLog(id, 1, 'training', [], 0), r, scoreCall(sc, r.state), null).model).toBeNull();
  });
});

describe('the score explainer', () => {
  it.each([
    ['a silent, lost call', [] as LogEntry[]],
    ['a rude line', playAsPerson(repoCall('box-no-sync'), ['greet_full', 'snap_back']).entries],
    ['the best path', golden('box-no-sync').log.slice()],
  ])('rebuilds the total of %s from the model', (_, entries) => {
    const p = explain('box-no-sync', entries, entries.length > 3 ? golden('box-no-sync').seed : 1);
    const b = p.x.build;
    const w = p.sc.scoring.weights;
    expect(b.terms.map((x) => x.weight)).toEqual([w.process, w.diagnosis, w.calmness, w.resolution]);
    const exact = b.terms.reduce((a, x) => a + x.weight * x.score, 0) / b.weights;
    const expected = p.card.fatal.length ? 0 : Math.round(exact * (b.lostFactor ?? 1));
    expect(b.total).toBe(expected);
    expect(b.total).toBe(p.card.total);
    expect(b.won).toBe(b.needs.finished && b.needs.noFatal && b.needs.score);
    expect(b.pass).toBe(p.sc.scoring.passScore);
  });

  it('follows the weights, the lost factor and the pass mark of the model, not numbers of its own', () => {
    const sc = repoCall('box-no-sync');
    const other = {
      ...sc,
      scoring: {
        ...sc.scoring,
        weights: { process: 1, diagnosis: 1, calmness: 2, resolution: 0 },
        lostFactor: 0.25,
        passScore: 80,
      },
    };
    const r = replayToEnd(other, 1, [], 'training');
    const b = scoreBuild(other, scoreCall(other, r.state));
    expect(b.weights).toBe(4);
    expect(b.lostFactor).toBe(0.25);
    expect(b.pass).toBe(80);
  });
});

describe('every explanation has its words', () => {
  it.each(['en', 'fr'] as const)('in %s, for lost, failed and passed calls', (lang) => {
    const plays = [
      explain('box-no-sync', []),
      play('box-no-sync', ['greet_full', 'snap_back']),
      play('known-outage-tech', ['greet_full', 'ack_ids', 'skip_verify', 'restate']),
      play('known-outage-tech', [
        'greet_full',
        'ack_ids',
        'verify_ids',
        { type: 'hold', ask: false },
        { wait: 75_000 },
        { type: 'resume', thank: false },
      ]),
      explain('box-no-sync', golden('box-no-sync').log.slice(), golden('box-no-sync').seed),
    ];
    for (const p of plays)
      inWords(lang, (t) => {
        const v = verdictTexts(t, p.sc.ns, p.x.verdict);
        expect(v.cause).not.toMatch(/debrief\.|{{|undefined/);
        for (const hints of p.x.hints.values())
          for (const h of hints) expect(hintWords(t, h).text).not.toMatch(/debrief\.|{{|undefined|NaN/);
      });
  });
});
