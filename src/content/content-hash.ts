// The content version a result was played on: the team server replays a log only against the
// very call the trainee played. Pure and shared: the browser (from the bundled content file) and
// the server (from the YAML it loaded) compute it alike, with WebCrypto (browsers, Node ≥ 20).
import { sha256Hex } from '../team/sha256.ts';

/**
 * The canonical JSON of parsed content: object keys sorted, everything else as `JSON.stringify`
 * writes it (so a value survives the build's JSON round trip unchanged: a YAML `.inf` is `null`
 * on both sides, an undefined property is absent on both).
 */
export function canonicalJson(value: unknown): string {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((v) => (isAbsent(v) ? 'null' : canonicalJson(v))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Readonly<Record<string, unknown>>;
    const parts = Object.keys(obj)
      .sort()
      .filter((k) => !isAbsent(obj[k]))
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`);
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** What JSON drops from an object (and writes as null in an array). */
const isAbsent = (v: unknown): boolean => v === undefined || typeof v === 'function' || typeof v === 'symbol';

/**
 * One call's content version: the lowercase hex SHA-256 of the canonical JSON of
 * `{ playbook, call }`, each the parsed YAML document (`ContentData.playbook.data` and
 * `ContentData.calls[i].data` in the browser). Translations and best paths are left out: they
 * change no replay. Editing another call leaves this call's version as it was.
 */
export async function contentHash(playbook: unknown, call: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson({ playbook, call }));
  // A page over plain HTTP (a team server on the local network) has no WebCrypto digest: the same
  // bytes are hashed in plain JavaScript.
  if (!globalThis.crypto?.subtle) return sha256Hex(bytes);
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
