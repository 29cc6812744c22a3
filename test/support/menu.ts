// The menu's actions for view tests: every one a no-op, some replaced.
import type { MenuActions } from '../../src/ui/MenuScreen.ts';

const noop = (): void => {};

export function menuActions(overrides: Partial<MenuActions> = {}): MenuActions {
  return {
    play: noop,
    setLang: noop,
    setMode: noop,
    setPace: noop,
    setFilter: noop,
    setSound: noop,
    exportResults: noop,
    openResult: noop,
    resume: noop,
    abandon: noop,
    help: noop,
    guidedSeen: noop,
    ...overrides,
  };
}
