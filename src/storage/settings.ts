// Settings in localStorage: small, synchronous, read before anything else opens.
import type { Settings } from '../ports/storage.ts';
import { DEFAULT_SETTINGS, parseSettings, readSettings } from './validate.ts';

export const SETTINGS_KEY = 'hotliner.settings';
export const CORRUPT_SETTINGS_KEY = 'hotliner.settings.corrupt';

/** The part of the Web Storage API this module uses (a test can hand in a plain object). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** localStorage, or null where reading it throws (sandboxed frames, blocked cookies) or it does not exist. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export class LocalSettings {
  /** Set when localStorage could not be read or written: the session keeps its settings in memory. */
  private memory: Settings | null = null;
  /** True once a corrupt stored value has been seen (and copied aside); open() reports it once. */
  corruptFound = false;

  constructor(private readonly storage: KeyValueStorage | null) {}

  load(): Settings {
    if (this.memory) return this.memory;
    let text: string | null;
    try {
      text = this.storage?.getItem(SETTINGS_KEY) ?? null;
    } catch {
      return DEFAULT_SETTINGS;
    }
    if (text === null) return DEFAULT_SETTINGS;
    let data: unknown;
    let parsed = true;
    try {
      data = JSON.parse(text);
    } catch {
      parsed = false;
    }
    const r = readSettings(data);
    if (!parsed || r.repaired.length) this.keepCorrupt(text);
    return r.value;
  }

  save(s: Settings): void {
    const clean = parseSettings(s);
    try {
      if (!this.storage) throw new Error('no localStorage');
      this.storage.setItem(SETTINGS_KEY, JSON.stringify(clean));
      this.memory = null;
    } catch {
      // Full or unavailable: the choice still holds for this session rather than being dropped.
      this.memory = clean;
    }
  }

  // The next save overwrites the bad value, so a copy is set aside first for whoever debugs it.
  private keepCorrupt(text: string): void {
    this.corruptFound = true;
    try {
      if (this.storage?.getItem(CORRUPT_SETTINGS_KEY) !== text) this.storage?.setItem(CORRUPT_SETTINGS_KEY, text);
    } catch {
      // Nothing more can be done without storage; the notice still tells the player.
    }
  }
}
