// Reading a zip archive defensively: the central directory is read first, so the number of
// entries, their names and their declared sizes are judged before a single byte is inflated; each
// entry then inflates into a buffer of its declared size (never more) and must match its CRC-32.
// Pure and browser-safe (fflate's inflate only).
import { inflateSync } from 'fflate';

/** An entry as the central directory declares it. */
export type ZipEntry = {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
};

/** Why an archive could not be read; `name` is the entry concerned, when there is one. */
export type ZipProblem =
  | { readonly kind: 'notZip' }
  | { readonly kind: 'corrupted'; readonly name: string; readonly detail: string }
  | { readonly kind: 'tooManyEntries'; readonly count: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, at: number): number => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

/** The end-of-central-directory record's offset, searched back over the longest possible comment. */
function findEnd(bytes: Uint8Array): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) if (u32(bytes, at) === EOCD) return at;
  return -1;
}

/**
 * The central directory's entries, or a problem: not a zip at all, a directory that does not
 * hold together, or more than `maxEntries` entries (refused before the list is walked).
 */
export function zipEntries(
  bytes: Uint8Array,
  maxEntries: number,
): { ok: true; entries: ZipEntry[] } | { ok: false; problem: ZipProblem } {
  if (bytes.length < 22 || (u32(bytes, 0) !== LOCAL && u32(bytes, 0) !== EOCD))
    return { ok: false, problem: { kind: 'notZip' } };
  const end = findEnd(bytes);
  const bad = (detail: string, name = ''): { ok: false; problem: ZipProblem } => ({
    ok: false,
    problem: { kind: 'corrupted', name, detail },
  });
  if (end < 0) return bad('no central directory');
  const count = u16(bytes, end + 10);
  if (count > maxEntries) return { ok: false, problem: { kind: 'tooManyEntries', count } };
  let at = u32(bytes, end + 16);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8', { fatal: true });
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || u32(bytes, at) !== CENTRAL) return bad('central directory entry out of place');
    const nameLen = u16(bytes, at + 28);
    const next = at + 46 + nameLen + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > end) return bad('central directory entry past its end');
    let name: string;
    try {
      name = names.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    } catch {
      return bad('file name not UTF-8');
    }
    entries.push({
      name,
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at = next;
  }
  return { ok: true, entries };
}

/** One entry's bytes, inflated into its declared size at most and checked against its CRC-32. */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry): Uint8Array | ZipProblem {
  const bad = (detail: string): ZipProblem => ({ kind: 'corrupted', name: e.name, detail });
  if (e.flags & 1) return bad('encrypted');
  const at = e.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) return bad('local header out of place');
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  if (start + e.compressedSize > bytes.length) return bad('data past the end of the file');
  const raw = bytes.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = raw.slice();
  else if (e.method === 8) {
    try {
      // A fixed output buffer: inflate cannot write past the declared size, whatever the stream says.
      out = inflateSync(raw, { out: new Uint8Array(e.size) });
    } catch (err) {
      return bad(err instanceof Error ? err.message : String(err));
    }
  } else return bad(`compression method ${e.method}`);
  if (out.length !== e.size) return bad('size differs from the declared size');
  if (crc32(out) !== e.crc) return bad('checksum differs');
  return out;
}

let table: Uint32Array | null = null;

/** The zip's CRC-32 (IEEE 802.3) of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = table[(crc ^ bytes[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
