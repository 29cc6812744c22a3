// 16-bit mono PCM WAV encoding and data: URIs. Pure: no DOM, works in node and the browser.

/** The sample rate of every generated sound: small data, enough for phones and beeps. */
export const SAMPLE_RATE = 22050;

const HEADER_BYTES = 44;

/** Encodes float samples (-1..1, clamped) as a 16-bit mono PCM WAV file. */
export function encodeWav(samples: Float32Array, sampleRate: number = SAMPLE_RATE): Uint8Array {
  const dataBytes = samples.length * 2;
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  writeAscii(bytes, 0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  writeAscii(bytes, 8, 'WAVE');
  writeAscii(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size for PCM
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // byte rate
  view.setUint16(32, 2, true); // block align
  view.setUint16(34, 16, true); // bits per sample
  writeAscii(bytes, 36, 'data');
  view.setUint32(40, dataBytes, true);
  // WAV is little-endian, like every platform the game runs on; DataView covers the rest.
  const pcm = LITTLE_ENDIAN ? new Int16Array(bytes.buffer, HEADER_BYTES, samples.length) : null;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i]!;
    const v = Math.round((s > 1 ? 1 : s < -1 ? -1 : s) * 32767);
    if (pcm) pcm[i] = v;
    else view.setInt16(HEADER_BYTES + i * 2, v, true);
  }
  return bytes;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function writeAscii(bytes: Uint8Array, offset: number, text: string): void {
  for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A `data:audio/wav;base64,…` URI for WAV bytes (own encoder: no btoa/Buffer needed). */
export function wavDataUri(bytes: Uint8Array): string {
  const out: string[] = [];
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const left = bytes.length - i;
    chunk.push(
      B64[(n >> 18) & 63]! +
        B64[(n >> 12) & 63]! +
        (left > 1 ? B64[(n >> 6) & 63]! : '=') +
        (left > 2 ? B64[n & 63]! : '='),
    );
    if (chunk.length === 4096) out.push(chunk.splice(0).join(''));
  }
  out.push(chunk.join(''));
  return 'data:audio/wav;base64,' + out.join('');
}
