import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis/analyze.ts';
import { replay, replayToEnd, type LogEntry } from '../../src/engine/replay.ts';
import { scoreCall, type Scorecard } from '../../src/engine/scoring.ts';
import { golden, repoCall } from '../support/golden.ts';
import { mini } from '../support/load.ts';

const sc = mini();
const best = analyze(sc, { randomPlays: 0 });
const bestLog: LogEntry[] = best.bestLog.map((e) => ({ at: e.at, action: e.action }));

function card(log: readonly LogEntry[]): Scorecard {
  const r = replayToEnd(sc, 1, log, 'exam');
  expect(r.rejected).toEqual([]);
  return scoreCall(sc, r.state);
}

const line = (c: Scorecard, id: string) => c.lines.find((l) => l.id === id)!;

/** The best path with one change: entries matching `match` replaced by `by` (or removed). */
function variant(match: (e: LogEntry) => boolean, by: (e: LogEntry) => LogEntry[] = () => []): LogEntry[] {
  return bestLog.flatMap((e) => (match(e) ? by(e) : [e]));
}

describe('scorecard of the best path', () => {
  const c = card(bestLog);

  it('is won, resolved, with every required step done in order', () => {
    expect(best.winnable).toBe(true);
    expect(c.won).toBe(true);
    expect(c.outcome).toBe('resolved');
    expect(c.total).toBe(best.bestScore);
    for (const l of c.lines.filter((x) => x.id.startsWith('step.'))) expect([l.id, l.status]).toEqual([l.id, 'done']);
  });

  it('points every done step at its evidence: a time and an action index in the log', () => {
    for (const l of c.lines.filter((x) => x.id.startsWith('step.'))) {
      const [ev] = l.evidence;
      expect(ev).toBeDefined();
      expect(ev!.action).toBeGreaterThanOrEqual(0);
      expect(ev!.action).toBeLessThan(bestLog.length);
      expect(bestLog[ev!.action]!.at).toBeLessThanOrEqual(ev!.at);
    }
  });

  it('stays within bounds', () => {
    for (const v of [c.process, c.calmness, c.diagnosis.score, c.total]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(100);
    }
  });
});

describe('scoring rules', () => {
  const base = card(bestLog);

  it.each([
    {
      name: 'a curt greeting misses the greeting step',
      log: () => [
        ...variant(
          (e) => e.action.type === 'say' && e.action.choice === 'hello',
          (e) => [{ ...e, action: { type: 'say', choice: 'yeah' } }],
        ),
      ],
      check: (c: Scorecard) => {
        expect(line(c, 'step.greet').status).toBe('missed');
        expect(c.process).toBeLessThan(base.process);
      },
    },
    {
      name: 'looking up the account before verification is no fault (acting on it would be)',
      log: () => [
        { at: 0, action: { type: 'runTool', tool: 'crm' } } as LogEntry,
        ...bestLog.filter((e) => !(e.action.type === 'runTool' && e.action.tool === 'crm')),
      ],
      check: (c: Scorecard) => {
        // The CRM crashes on that first use; nothing here is an automatic fail.
        expect(c.fatal).toEqual([]);
        expect(c.lines.some((l) => l.status === 'fatal')).toBe(false);
        expect(c.total).toBeGreaterThan(0);
      },
    },
    {
      name: 'a ticket without the notes loses the notes line',
      log: () => variant((e) => e.action.type === 'writeTicket'),
      check: (c: Scorecard) => {
        expect(line(c, 'ticketNotes').credit).toBe(0);
        expect(line(c, 'ticketNotes').params.missing).toBe('sync_lost,line_fault');
      },
    },
    {
      name: 'rage clicks on a restarting tool cost calmness, 20 points each',
      log: () =>
        variant(
          (e) => e.action.type === 'restartTool',
          (e) => [
            e,
            { at: e.at, action: { type: 'pokeTool', tool: 'crm' } },
            { at: e.at, action: { type: 'pokeTool', tool: 'crm' } },
          ],
        ),
      check: (c: Scorecard) => {
        expect(line(c, 'calm.rageClicks').credit).toBeCloseTo(0.6);
        expect(line(c, 'calm.rageClicks').evidence).toHaveLength(2);
        expect(c.calmness).toBeLessThan(base.calmness);
      },
    },
    {
      name: 'hanging up on the customer: lost and fatal',
      log: () => [...bestLog.slice(0, 6), { at: bestLog[5]!.at, action: { type: 'hangUp' } } as LogEntry],
      check: (c: Scorecard) => {
        expect(c.outcome).toBe('lost');
        expect(c.fatal).toEqual(['agent_hung_up']);
        expect(c.total).toBe(0);
      },
    },
  ])('$name', ({ log, check }) => {
    check(card(log()));
  });

  it('a hold without asking (so without a reason) or thanks scores a quarter of the hold line at best', () => {
    const log = variant(
      (e) => e.action.type === 'hold' || e.action.type === 'resume',
      (e) => [
        e.action.type === 'hold'
          ? { ...e, action: { type: 'hold', ask: false } }
          : { ...e, action: { type: 'resume', thank: false } },
      ],
    );
    const c = card(log);
    const hold = line(c, 'hold');
    expect(hold.params).toMatchObject({ holds: 1, asked: 0, reasoned: 0, thanked: 0 });
    expect(hold.credit).toBeCloseTo(1 / 4);
    expect(line(base, 'hold').credit).toBe(1);
  });

  it('a diagnosis after par loses points linearly, to zero at three times par', () => {
    const at = (t: number): number => {
      const r = replay(
        sc,
        1,
        bestLog.filter((e) => e.action.type !== 'diagnose'),
        'exam',
      );
      const s = {
        ...r.state,
        diagnosedAt: t,
        stated: [{ at: t, action: 0, diagnosis: 0, correct: true, founded: true }],
      };
      return scoreCall(sc, s).diagnosis.score;
    };
    const par = sc.parDiagnosis;
    expect(at(par)).toBe(100);
    expect(at(2 * par)).toBe(50);
    expect(at(3 * par)).toBe(0);
    expect(at(10 * par)).toBe(0);
  });

  it('a lost call keeps only a share of its total', () => {
    const r = replayToEnd(sc, 1, bestLog, 'exam');
    const lost = { ...r.state, ended: { ...r.state.ended!, outcome: 'lost' as const } };
    const c = scoreCall(sc, lost);
    const won = scoreCall(sc, r.state);
    const w = sc.scoring.weights;
    const average =
      (w.process * c.process + w.diagnosis * c.diagnosis.score + w.calmness * c.calmness) /
      (w.process + w.diagnosis + w.calmness + w.resolution);
    expect(c.resolution).toBe(0);
    expect(won.resolution).toBe(100);
    expect(c.total).toBe(Math.round(average * sc.scoring.lostFactor));
    expect(c.won).toBe(false);
  });
});

describe('scoring rules on a real call (box-no-sync, from its golden best path)', () => {
  const call = repoCall('box-no-sync');
  const gold = golden('box-no-sync');
  const said =
    (id: string) =>
    (e: LogEntry): boolean =>
      e.action.type === 'say' && e.action.choice === id;
  const play = (log: readonly LogEntry[]): Scorecard => {
    const r = replayToEnd(call, gold.seed, log, gold.mode);
    expect(r.rejected).toEqual([]);
    return scoreCall(call, r.state);
  };
  const best = play(gold.log);

  it('skipping the reference number misses that step, and only that one, and costs points', () => {
    expect(gold.log.filter(said('give_ref'))).toHaveLength(1);
    const c = play(gold.log.filter((e) => !said('give_ref')(e)));
    expect(line(c, 'step.reference').status).toBe('missed');
    expect(line(best, 'step.reference').status).toBe('done');
    const others = (x: Scorecard) =>
      x.lines.filter((l) => l.id.startsWith('step.') && l.id !== 'step.reference').map((l) => [l.id, l.status]);
    expect(others(c)).toEqual(others(best));
    expect(c.process).toBeLessThan(best.process);
    expect(c.total).toBeLessThan(best.total);
  });

  it('a rude line (snapping back at the venting customer) is an automatic fail: total 0', () => {
    const vent = gold.log.findIndex(said('ack_vent'));
    expect(vent).toBeGreaterThan(0);
    const log = [
      ...gold.log.slice(0, vent),
      { at: gold.log[vent]!.at, action: { type: 'say', choice: 'snap_back' } } as LogEntry,
    ];
    const c = play(log);
    expect(c.fatal).toEqual(['rude_line']);
    expect(line(c, 'fatal.rude_line')).toMatchObject({
      status: 'fatal',
      evidence: [{ at: gold.log[vent]!.at, action: vent }],
    });
    expect(c.total).toBe(0);
    expect(c.won).toBe(false);
    expect(best.fatal).toEqual([]);
  });
});

describe('the search and the ticket notes', () => {
  it('finds the same best path whatever order ticket.notes lists the facts in', () => {
    const swapped = mini((y) =>
      y.replace('ticket: { notes: [sync_lost, line_fault] }', 'ticket: { notes: [line_fault, sync_lost] }'),
    );
    expect(swapped.ticketNotes).not.toEqual(sc.ticketNotes);
    const a = analyze(swapped, { randomPlays: 0 });
    expect(a.winnable).toBe(true);
    expect(a.bestScore).toBe(best.bestScore);
    expect(line(a.bestCard!, 'ticketNotes').credit).toBe(1);
  });
});
