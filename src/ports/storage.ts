// What the game asks of storage (src/storage implements it with IndexedDB and localStorage).
// Nothing stored is ever silently lost: unreadable records are set aside and reported.
import type { Outcome } from '../engine/model.ts';
import type { CallLog } from '../engine/replay.ts';
import type { Lang } from '../i18n/lang.ts';

export type ResultSummary = {
  readonly total: number;
  readonly process: number;
  readonly diagnosis: number;
  readonly calmness: number;
  readonly outcome: Outcome | 'unfinished';
  readonly won: boolean;
};

/** One finished call, as kept in the browser and exported. */
export type ResultRecord = {
  readonly id: string;
  readonly scenario: string;
  readonly lang: Lang;
  /** ISO date-time the call ended (wall clock, stamped by the UI, never by the engine). */
  readonly finishedAt: string;
  readonly log: CallLog;
  readonly summary: ResultSummary;
};

/** `real`: the clock runs with the wall clock; `turns` (step by step): it moves only when the trainee waits. */
export type Pace = 'real' | 'turns';

/** A call cut by a reload or a crash, or left to be resumed, offered for resume on return (at its own pace). */
export type InProgress = {
  readonly log: CallLog;
  readonly lang: Lang;
  readonly savedAt: string;
  /** Absent in a save made before the pace was kept: real time. */
  readonly pace?: Pace;
};

/** A call in progress with the id of its slot (made when the call started): one slot per call. */
export type InProgressSlot = InProgress & { readonly id: string };

export type Settings = {
  readonly lang: Lang | null;
  readonly mode: 'training' | 'exam';
  readonly pace: Pace;
  readonly volume: number;
  readonly muted: boolean;
  readonly speech: boolean;
  /** The invitation to play the guided call first was answered (played or skipped); absent: not yet. */
  readonly guidedSeen?: boolean;
};

/** Something the store had to repair; the UI shows it once (i18n key + params). */
export type StorageNotice = { readonly key: string; readonly params: Readonly<Record<string, string | number>> };

export interface GameStore {
  /** Opens the store; problems found (corrupt records set aside, storage unavailable) are returned. */
  open(): Promise<StorageNotice[]>;
  listResults(): Promise<ResultRecord[]>;
  addResult(r: ResultRecord): Promise<void>;
  /** Every result as a JSON document (the export file's content). */
  exportResults(): Promise<string>;
  /** Writes the call in progress to its own slot (`id`, made when the call started): other calls' slots are untouched. */
  saveInProgress(id: string, p: InProgress): Promise<void>;
  /** Every call in progress, most recently saved first. */
  listInProgress(): Promise<InProgressSlot[]>;
  clearInProgress(id: string): Promise<void>;
  /** What happened to the store since it was opened or last asked (e.g. the database deleted and made again); once each. */
  takeNotices(): StorageNotice[];
  loadSettings(): Settings;
  saveSettings(s: Settings): void;
}

/**
 * A call imported from a pack (src/packs), accepted after the checker and the analyser: kept with
 * its YAML text and its parsed document (the game compiles the document at start, without the
 * YAML parser), its translations and its content version.
 */
export type ImportedCall = {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  /** Its content version (src/content/content-hash.ts), as the team server pins it. */
  readonly hash: string;
  readonly text: string;
  readonly data: unknown;
  /** Translation JSON text by language. */
  readonly translations: Partial<Record<Lang, string>>;
  readonly importedAt: string;
  /** What wrote the pack (its manifest's generator). */
  readonly generator: string;
};

/** The imported calls' store (IdbStore has it; the game imports nothing without it). */
export interface ImportStore {
  listImported(): Promise<ImportedCall[]>;
  /** Adds or replaces (same id) an imported call. */
  putImported(call: ImportedCall): Promise<void>;
  deleteImported(id: string): Promise<void>;
}
