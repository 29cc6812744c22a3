// The team screens' data, owned by the TeamController (src/ui/team.ts) and read by the views.
import type { Mode } from '../engine/types.ts';
import type { PublicSession, Room } from '../team/api.ts';
import type { Membership, TrainerKey } from '../team/memberships.ts';

/** A call of a session being played: where it sits in the session, and its result once it ends. */
export type SessionCall = {
  readonly sessionId: string;
  readonly sessionName: string;
  readonly index: number;
  readonly total: number;
  readonly seed: number;
  readonly mode: Mode;
  resultId: string | null;
};

export type TrainerDraft = {
  name: string;
  /** The calls chosen, in the session's order. */
  calls: string[];
  seed: string;
  mode: Mode;
  /** `datetime-local` value, '' for none. */
  deadline: string;
};

export type TrainerScreenState = {
  readonly kind: 'trainer';
  draft: TrainerDraft;
  busy: boolean;
  error: string | null;
  /** The session just created: its key is shown this once. */
  created: TrainerKey | null;
  /** Opening a room from another browser: its code and key. */
  open: { code: string; key: string; error: string | null };
};

export type JoinScreenState = {
  readonly kind: 'join';
  code: string;
  name: string;
  found: PublicSession | null;
  busy: boolean;
  error: string | null;
};

export type SessionScreenState = {
  readonly kind: 'session';
  readonly membership: Membership;
  /** Calls whose content version differs from the server's (their results would be refused). */
  stale: string[];
  /** Imported calls the session brought, still being fetched from the server: not playable yet. */
  fetching: string[];
  /** Imported calls the server could not give: not playable until the page is reloaded. */
  missing: string[];
};

export type RoomScreenState = {
  readonly kind: 'room';
  readonly key: TrainerKey;
  room: Room | null;
  error: string | null;
  updatedAt: string | null;
  projector: boolean;
  showNames: boolean;
  /** The trainee whose results are open, or null. */
  detail: string | null;
  exportError: string | null;
};

export type TeamScreen = TrainerScreenState | JoinScreenState | SessionScreenState | RoomScreenState;
