// What this browser keeps about sessions: the ones its trainee joined (token, display name, the
// session's calls) and the ones its trainer created (the trainer key, shown once by the server).
import type { PublicSession } from './api.ts';

export type Membership = {
  readonly kind: 'trainee';
  readonly session: PublicSession;
  readonly traineeId: string;
  readonly token: string;
  readonly name: string;
  readonly joinedAt: string;
};

export type TrainerKey = {
  readonly kind: 'trainer';
  readonly sessionId: string;
  readonly code: string;
  readonly name: string;
  readonly trainerKey: string;
  readonly joinUrl: string;
  readonly createdAt: string;
};

/** Where they are kept (IndexedDB in the browser): one record per key, `trainee:<id>` or `trainer:<id>`. */
export interface TeamKeyStore {
  listTeam(): Promise<unknown[]>;
  putTeam(key: string, value: Membership | TrainerKey): Promise<void>;
}

export const teamKey = (r: Membership | TrainerKey): string =>
  r.kind === 'trainee' ? `trainee:${r.session.id}` : `trainer:${r.sessionId}`;

const text = (v: unknown): v is string => typeof v === 'string' && v.length > 0;

/** A record read back, or null when it is not one of ours. */
export function parseTeamRecord(raw: unknown): Membership | TrainerKey | null {
  if (raw === null || typeof raw !== 'object') return null;
  const r = raw as Record<string, unknown>;
  if (r.kind === 'trainer')
    return text(r.sessionId) && text(r.code) && text(r.trainerKey) && typeof r.name === 'string'
      ? (r as TrainerKey)
      : null;
  if (r.kind === 'trainee') {
    const s = r.session as Record<string, unknown> | null;
    return s && text(s.id) && Array.isArray(s.calls) && text(r.token) && text(r.traineeId) ? (r as Membership) : null;
  }
  return null;
}
