// Keys, tokens and join codes. A key is 192 random bits, so a salted SHA-256 is enough to store
// it (scrypt's cost protects guessable passwords, not random keys, and would slow every request).
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

/** Join codes: no 0/O, 1/I/L, so a code read aloud or from a projector is typed right. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 6;

export function newCode(): string {
  let out = '';
  for (let i = 0; i < CODE_LENGTH; i++) out += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return out;
}

/** A code as typed (lower case, spaces, a dash in the middle) in its stored form. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

export const newId = (): string => randomUUID();

/** A fresh secret: 24 random bytes, base64url (32 characters). */
export const newSecret = (): string => randomBytes(24).toString('base64url');

/** `salt$sha256(salt + secret)`, both hex. */
export function hashSecret(secret: string): string {
  const salt = randomBytes(16).toString('hex');
  return `${salt}$${digest(salt, secret)}`;
}

/** Whether `secret` is the one `stored` was made from, in constant time. */
export function secretMatches(secret: string, stored: string): boolean {
  const [salt, hash] = stored.split('$');
  if (!salt || !hash) return false;
  const a = Buffer.from(digest(salt, secret), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

const digest = (salt: string, secret: string): string => createHash('sha256').update(salt).update(secret).digest('hex');

/** A trainee's token names the trainee, so it is checked against one row: `<traineeId>.<secret>`. */
export function traineeToken(traineeId: string, secret: string): string {
  return `${traineeId}.${secret}`;
}

export function splitTraineeToken(token: string): { traineeId: string; secret: string } | null {
  const dot = token.indexOf('.');
  if (dot <= 0 || dot === token.length - 1) return null;
  return { traineeId: token.slice(0, dot), secret: token.slice(dot + 1) };
}
