import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { LoadedScenario } from '../../src/content/load.ts';
import { makeLog } from '../../src/engine/replay.ts';
import type { ResultRecord } from '../../src/ports/storage.ts';
import { ALL_CALLS, trainingOrder, type LibraryFilter } from '../../src/ui/library.ts';
import { menuView, type MenuActions, type MenuModel } from '../../src/ui/MenuScreen.ts';
import { menuActions } from '../support/menu.ts';
import { guidedInvitation } from '../../src/ui/GuidedInvite.ts';
import { boundValues } from '../support/templates.ts';
import { repoCalls } from '../support/load.ts';

const t = ((key: string, p?: object) => (p ? `${key}${JSON.stringify(p)}` : key)) as unknown as TFunction;
const calls = repoCalls();
const loaded = calls.map((model) => ({ model }) as unknown as LoadedScenario);
const actions: MenuActions = menuActions();
const result = (scenario: string, total: number, won: boolean): ResultRecord => ({
  id: `${scenario}-${total}`,
  scenario,
  lang: 'en',
  finishedAt: '2026-01-02T10:00:00.000Z',
  log: makeLog(scenario, 1, 'training', [], 0),
  summary: { total, process: 0, diagnosis: 0, calmness: 0, outcome: won ? 'resolved' : 'lost', won },
});
const model = (patch: Partial<MenuModel> = {}): MenuModel => ({
  calls: loaded,
  results: [],
  lang: 'en',
  mode: 'training',
  sound: { volume: 0.8, muted: false, speech: true },
  notices: [],
  inProgress: [],
  pace: 'real',
  filter: ALL_CALLS,
  guidedSeen: false,
  ...patch,
});
// The call titles the menu binds (each card twice: heading and Play's name), in the order shown.
const shownTitles = (m: MenuModel): string[] => [
  ...new Set(
    boundValues(menuView(m, actions, t)).filter((v): v is string => typeof v === 'string' && v.endsWith(':title')),
  ),
];

describe('the menu view', () => {
  it('is built without a DOM, the calls in training order', () => {
    expect(shownTitles(model())).toEqual(trainingOrder(calls).map((sc) => `${sc.ns}:title`));
  });

  it.each([
    { persona: 'angry', difficulty: 'all' },
    { persona: 'all', difficulty: 0 },
    { persona: 'all', difficulty: 3 },
    { persona: 'technical', difficulty: 1 },
  ] satisfies LibraryFilter[])('shows only the calls the filter %o keeps', (filter) => {
    const kept = trainingOrder(calls).filter(
      (sc) =>
        (filter.persona === 'all' || sc.persona === filter.persona) &&
        (filter.difficulty === 'all' || sc.difficulty === filter.difficulty),
    );
    const shown = shownTitles(model({ filter }));
    expect(shown).toEqual(kept.map((sc) => `${sc.ns}:title`));
    if (!kept.length) expect(boundValues(menuView(model({ filter }), actions, t))).toContain('menu.noMatch');
  });

  it("shows a call's best result and how often it was played", () => {
    const sc = calls[0]!;
    const values = boundValues(
      menuView(model({ results: [result(sc.id, 40, false), result(sc.id, 85, true)] }), actions, t),
    );
    expect(values).toContain(`menu.bestWon${JSON.stringify({ score: 85, count: 2 })}`);
    expect(values.filter((v) => v === 'menu.notPlayed')).toHaveLength(calls.length - 1);
  });

  it('offers to resume a cut call, and shows storage notices', () => {
    const cut = {
      id: 'a',
      log: makeLog(calls[0]!.id, 1, 'training', [], 5000),
      lang: 'en',
      savedAt: '2025-03-01T10:00:00Z',
    } as const;
    const values = boundValues(
      menuView(
        model({ inProgress: [cut, { ...cut, id: 'b' }], notices: [{ key: 'storage.unavailable', params: {} }] }),
        actions,
        t,
      ),
    );
    expect(values.filter((v) => v === 'menu.resume')).toHaveLength(2);
    expect(values.filter((v) => v === 'menu.abandon')).toHaveLength(2);
    expect(values).toContain('storage.unavailable{}');
  });
});

describe('the guided call on the menu', () => {
  const guided = calls.find((sc) => sc.difficulty === 0)!;
  const values = (patch: Partial<MenuModel> = {}): unknown[] => boundValues(menuView(model(patch), actions, t));

  it('is the first card, marked "start here" and "guided" rather than dots', () => {
    expect(shownTitles(model())[0]).toBe(`${guided.ns}:title`);
    expect(values()).toContain('menu.startHere');
    expect(values()).toContain('menu.difficultyGuided');
  });

  it('is offered on first launch, until the invitation is answered or a call is finished', () => {
    const invite = `menu.inviteText${JSON.stringify({ title: `${guided.ns}:title` })}`;
    expect(values()).toContain(invite);
    expect(values({ guidedSeen: true })).not.toContain(invite);
    expect(values({ results: [result(calls[0]!.id, 40, false)] })).not.toContain(invite);
  });

  it('is offered by guidedInvitation only to a newcomer, and only if the library has one', () => {
    expect(guidedInvitation(calls, [], false)?.id).toBe(guided.id);
    expect(guidedInvitation(calls, [], true)).toBeNull();
    const others = calls.filter((sc) => sc !== guided);
    expect(guidedInvitation(others, [], false)).toBeNull();
  });
});
