// The game's icon, drawn from code at build time (no image files in the repository): a headset
// on the game's dark brown, described once as shapes and rendered both as SVG and as PNG (a
// small signed-distance rasteriser and a PNG encoder on node:zlib). Node only (vite.config.ts).
import { deflateSync } from 'node:zlib';

/** The page's background (app.css `body`): the manifest's theme and background colour. */
export const THEME_COLOUR = '#2c2621';
const PAPER = '#fffaf1';
const AMBER = '#ffbf00';

type Vec = readonly [number, number];
type Shape =
  | { readonly kind: 'box'; readonly at: Vec; readonly half: Vec; readonly r: number; readonly fill: string }
  | { readonly kind: 'arc'; readonly at: Vec; readonly radius: number; readonly width: number; readonly fill: string }
  | { readonly kind: 'capsule'; readonly from: Vec; readonly to: Vec; readonly r: number; readonly fill: string }
  | { readonly kind: 'disc'; readonly at: Vec; readonly r: number; readonly fill: string };

/** The headset on a 512-unit square, centred on (256, 256): band, ear cups, microphone boom and tip. */
const HEADSET: readonly Shape[] = [
  { kind: 'arc', at: [256, 256], radius: 150, width: 36, fill: PAPER },
  { kind: 'box', at: [112, 280], half: [38, 66], r: 30, fill: PAPER },
  { kind: 'box', at: [400, 280], half: [38, 66], r: 30, fill: PAPER },
  { kind: 'capsule', from: [392, 340], to: [300, 396], r: 11, fill: PAPER },
  { kind: 'disc', at: [284, 400], r: 30, fill: AMBER },
];

/** An icon's look: `any` on a rounded tile, `maskable` full-bleed with the drawing inside the safe circle. */
export type IconPurpose = 'any' | 'maskable';

function shapes(purpose: IconPurpose): { background: Shape; fg: readonly Shape[] } {
  const background: Shape =
    purpose === 'any'
      ? { kind: 'box', at: [256, 256], half: [256, 256], r: 96, fill: THEME_COLOUR }
      : { kind: 'box', at: [256, 256], half: [256, 256], r: 0, fill: THEME_COLOUR };
  // The maskable safe zone is the centred circle of 80% diameter: the drawing shrinks into it.
  const k = purpose === 'any' ? 0.86 : 0.7;
  const p = ([x, y]: Vec): Vec => [256 + (x - 256) * k, 256 + (y - 256) * k];
  const fg = HEADSET.map((s): Shape => {
    switch (s.kind) {
      case 'box':
        return { ...s, at: p(s.at), half: [s.half[0] * k, s.half[1] * k], r: s.r * k };
      case 'arc':
        return { ...s, at: p(s.at), radius: s.radius * k, width: s.width * k };
      case 'capsule':
        return { ...s, from: p(s.from), to: p(s.to), r: s.r * k };
      case 'disc':
        return { ...s, at: p(s.at), r: s.r * k };
    }
  });
  return { background, fg };
}

const n = (x: number): string => String(Math.round(x * 10) / 10);

function svgOf(s: Shape): string {
  switch (s.kind) {
    case 'box':
      return `<rect x="${n(s.at[0] - s.half[0])}" y="${n(s.at[1] - s.half[1])}" width="${n(2 * s.half[0])}" height="${n(2 * s.half[1])}" rx="${n(s.r)}" fill="${s.fill}"/>`;
    case 'arc':
      return `<path d="M${n(s.at[0] - s.radius)} ${n(s.at[1])}A${n(s.radius)} ${n(s.radius)} 0 0 1 ${n(s.at[0] + s.radius)} ${n(s.at[1])}" fill="none" stroke="${s.fill}" stroke-width="${n(s.width)}" stroke-linecap="round"/>`;
    case 'capsule':
      return `<path d="M${n(s.from[0])} ${n(s.from[1])}L${n(s.to[0])} ${n(s.to[1])}" stroke="${s.fill}" stroke-width="${n(2 * s.r)}" stroke-linecap="round"/>`;
    case 'disc':
      return `<circle cx="${n(s.at[0])}" cy="${n(s.at[1])}" r="${n(s.r)}" fill="${s.fill}"/>`;
  }
}

/** The icon as an SVG document (512 units, scalable). */
export function iconSvg(purpose: IconPurpose = 'any'): string {
  const { background, fg } = shapes(purpose);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${[background, ...fg].map(svgOf).join('')}</svg>\n`;
}

const len = (x: number, y: number): number => Math.hypot(x, y);

/** Signed distance from (x, y) to the shape: negative inside. */
function distance(s: Shape, x: number, y: number): number {
  switch (s.kind) {
    case 'box': {
      const qx = Math.abs(x - s.at[0]) - s.half[0] + s.r;
      const qy = Math.abs(y - s.at[1]) - s.half[1] + s.r;
      return len(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - s.r;
    }
    case 'arc': {
      // The upper half of a ring, with round ends.
      const [cx, cy] = s.at;
      if (y <= cy) return Math.abs(len(x - cx, y - cy) - s.radius) - s.width / 2;
      return Math.min(len(x - cx + s.radius, y - cy), len(x - cx - s.radius, y - cy)) - s.width / 2;
    }
    case 'capsule': {
      const [ax, ay] = s.from;
      const [bx, by] = s.to;
      const h = Math.min(
        1,
        Math.max(0, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
      );
      return len(x - ax - h * (bx - ax), y - ay - h * (by - ay)) - s.r;
    }
    case 'disc':
      return len(x - s.at[0], y - s.at[1]) - s.r;
  }
}

const rgb = (hex: string): [number, number, number] =>
  [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];

const SUB = 4;

/** The share of a pixel's 4 × 4 samples inside the shape. */
function coverage(s: Shape, x: number, y: number, unit: number): number {
  let hits = 0;
  for (let sy = 0; sy < SUB; sy++)
    for (let sx = 0; sx < SUB; sx++)
      if (distance(s, (x + (sx + 0.5) / SUB) * unit, (y + (sy + 0.5) / SUB) * unit) <= 0) hits++;
  return hits / (SUB * SUB);
}

/** The icon as RGBA pixels, `size` × `size`, anti-aliased. */
function rasterise(purpose: IconPurpose, size: number): Uint8Array {
  const { background, fg } = shapes(purpose);
  const all = [background, ...fg];
  const colours = all.map((s) => rgb(s.fill));
  const px = new Uint8Array(size * size * 4);
  const unit = 512 / size;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      all.forEach((s, i) => {
        // Sampled only near an edge: a pixel whose centre is a pixel's width from it is wholly in or out.
        const d = distance(s, (x + 0.5) * unit, (y + 0.5) * unit);
        const cover = Math.abs(d) < unit ? coverage(s, x, y, unit) : d <= 0 ? 1 : 0;
        if (!cover) return;
        const [cr, cg, cb] = colours[i]!;
        // "Over" compositing on premultiplied colours (straightened when written).
        r = cr * cover + r * (1 - cover);
        g = cg * cover + g * (1 - cover);
        b = cb * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      });
      const o = (y * size + x) * 4;
      px.set(a ? [r / a, g / a, b / a, a * 255].map(Math.round) : [0, 0, 0, 0], o);
    }
  return px;
}

const CRC = Array.from({ length: 256 }, (_, c) => {
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** The icon as a PNG file (8-bit RGBA), `size` pixels square. */
export function iconPng(size: number, purpose: IconPurpose = 'any'): Buffer {
  const px = rasterise(purpose, size);
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rows.set(px.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}
