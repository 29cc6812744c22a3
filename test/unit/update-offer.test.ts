import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LoadedScenario } from '../../src/content/load.ts';
import { UpdateOffer } from '../../src/pwa/update-offer.ts';
import { ALL_CALLS } from '../../src/ui/library.ts';
import { menuView, type MenuActions, type MenuModel } from '../../src/ui/MenuScreen.ts';
import { menuActions } from '../support/menu.ts';
import { boundValues } from '../support/templates.ts';

const t = ((key: string) => key) as unknown as TFunction;
const noop = (): void => {};
const actions = (applyUpdate?: () => void): MenuActions => menuActions(applyUpdate ? { applyUpdate } : {});
const menu = (update: boolean): MenuModel => ({
  calls: [] as LoadedScenario[],
  results: [],
  lang: 'en',
  mode: 'training',
  sound: { volume: 1, muted: false, speech: false },
  notices: [],
  inProgress: [],
  pace: 'real',
  filter: ALL_CALLS,
  guidedSeen: true,
  update,
});
const offered = (m: MenuModel, a: MenuActions): boolean => boundValues(menuView(m, a, t)).includes('menu.updateReady');

afterEach(() => vi.useRealTimers());

describe('the update offer', () => {
  it('is ready once a new version waits, and tells its listeners', () => {
    const offer = new UpdateOffer(noop);
    const heard = vi.fn();
    offer.subscribe(heard);
    expect(offer.ready).toBe(false);
    offer.waiting(async () => {});
    expect(offer.ready).toBe(true);
    expect(offer.state).toBe('waiting');
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('applies the new version only when pressed: it takes over, then the page reloads', async () => {
    vi.useFakeTimers();
    let reloads = 0;
    const skip = vi.fn(async () => {});
    const offer = new UpdateOffer(() => reloads++);
    offer.waiting(skip);
    expect(skip).not.toHaveBeenCalled();
    offer.apply();
    offer.apply();
    expect(skip).toHaveBeenCalledTimes(1);
    expect(reloads).toBe(0);
    offer.tookOver();
    expect(reloads).toBe(1);
    // The fallback reload is dropped once the new version took over.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(reloads).toBe(1);
  });

  it('does not reload a page whose tab did not ask: another tab applied it, this one is offered the reload', () => {
    let reloads = 0;
    const offer = new UpdateOffer(() => reloads++);
    const heard = vi.fn();
    offer.subscribe(heard);
    offer.waiting(async () => {});
    offer.tookOver();
    expect(reloads).toBe(0);
    expect(offer.state).toBe('active');
    expect(heard).toHaveBeenCalledTimes(2);
    offer.apply();
    expect(reloads).toBe(1);
  });

  it('reloads anyway when the new version does not take over', async () => {
    vi.useFakeTimers();
    let reloads = 0;
    const offer = new UpdateOffer(() => reloads++);
    offer.waiting(async () => {});
    offer.apply();
    await vi.advanceTimersByTimeAsync(4000);
    expect(reloads).toBe(0);
    await vi.advanceTimersByTimeAsync(2000);
    expect(reloads).toBe(1);
  });

  it('does nothing when pressed with no new version', () => {
    const reload = vi.fn();
    new UpdateOffer(reload).apply();
    expect(reload).not.toHaveBeenCalled();
  });
});

describe('the menu', () => {
  it('shows the offer when a new version is ready, with a way to apply it', () => {
    const apply = vi.fn();
    expect(offered(menu(true), actions(apply))).toBe(true);
    expect(offered(menu(false), actions(apply))).toBe(false);
    // A menu without the service worker's action (an LMS package) never offers it.
    expect(offered(menu(true), actions())).toBe(false);
  });
});
