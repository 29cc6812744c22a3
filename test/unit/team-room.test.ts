// The room's tables from the server's answer: the step table counts each step's statuses over
// every result; the call table lists every trainee, ranked only in an exam.
import { describe, expect, it } from 'vitest';
import type { Room, RoomResult } from '../../src/team/api.ts';
import { callTable, progressOf, stepTable } from '../../src/team/room-tables.ts';

const call = (id: string, steps: string[]) => ({
  id,
  titles: { en: id },
  contentHash: 'h',
  steps: steps.map((s) => ({ id: s, key: `playbook:steps.${s}` })),
});

const result = (traineeId: string, callIndex: number, total: number, steps: RoomResult['steps']): RoomResult =>
  ({
    resultId: `${traineeId}-${callIndex}`,
    traineeId,
    name: traineeId,
    scenario: callIndex ? 'b' : 'a',
    callIndex,
    receivedAt: '',
    late: false,
    summary: {
      total,
      process: 0,
      diagnosis: 0,
      diagnosisAt: null,
      diagnosisPar: 0,
      calmness: 0,
      outcome: 'resolved',
      passed: true,
      duration: 0,
    },
    steps,
    fatal: [],
  }) as RoomResult;

const roster = (id: string, callsFinished: number, currentCall: number | null) => ({
  traineeId: id,
  name: id,
  joinedAt: '',
  callsFinished,
  currentCall,
});

const room = {
  session: { calls: [call('a', ['greet', 'verify']), call('b', ['greet', 'ticket'])] },
  roster: [roster('ann', 2, null), roster('bob', 1, 1), roster('cy', 0, 0)],
  results: [
    result('ann', 0, 70, { greet: 'done', verify: 'early' }),
    result('ann', 1, 95, { greet: 'done', ticket: 'partial' }),
    result('bob', 0, 80, { greet: 'missed', verify: 'fatal' }),
  ],
} as unknown as Room;

describe('the step table', () => {
  it('counts each status per step across calls and trainees, steps in their first order', () => {
    const rows = stepTable(room);
    expect(rows.map((r) => r.id)).toEqual(['greet', 'verify', 'ticket']);
    expect(rows[0]).toMatchObject({ key: 'playbook:steps.greet', scored: 3 });
    expect(rows[0]!.counts).toEqual({ done: 2, early: 0, partial: 0, missed: 1, fatal: 0 });
    expect(rows[1]!.counts).toEqual({ done: 0, early: 1, partial: 0, missed: 0, fatal: 1 });
    expect(rows[2]!.counts).toEqual({ done: 0, early: 0, partial: 1, missed: 0, fatal: 0 });
  });

  it('lists a step no call declares but a result scores, and has every step even with no result', () => {
    const extra = { ...room, results: [result('cy', 0, 10, { closing: 'missed' })] } as unknown as Room;
    const rows = stepTable(extra);
    expect(rows.map((r) => r.id)).toEqual(['greet', 'verify', 'ticket', 'closing']);
    expect(rows.find((r) => r.id === 'greet')!.scored).toBe(0);
    expect(rows.find((r) => r.id === 'closing')!.counts.missed).toBe(1);
  });
});

describe('the call table', () => {
  it('keeps the roster order in training, every trainee numbered, with or without a result', () => {
    const rows = callTable(room, 0, false);
    expect(rows.map((r) => [r.number, r.trainee.name, r.result?.summary.total ?? null])).toEqual([
      [1, 'ann', 70],
      [2, 'bob', 80],
      [3, 'cy', null],
    ]);
  });

  it('ranks by total in an exam, those without a result last, keeping their numbers', () => {
    const rows = callTable(room, 0, true);
    expect(rows.map((r) => [r.number, r.trainee.name])).toEqual([
      [2, 'bob'],
      [1, 'ann'],
      [3, 'cy'],
    ]);
  });

  it('says where each trainee is', () => {
    expect(room.roster.map(progressOf)).toEqual(['finished', 'playing', 'joined']);
  });
});
