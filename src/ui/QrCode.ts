// A QR code drawn as SVG from its modules (uqr's encoder): no canvas, no markup string, no
// inline style — the page's Content-Security-Policy holds.
import { html, type TemplateResult } from 'lit-html';
import { encode } from 'uqr';

/** The QR code of `text` as an `<svg role="img">` named by `label`, scaled by CSS. */
export function qrCode(text: string, label: string): TemplateResult {
  const qr = encode(text, { ecc: 'M', border: 2 });
  let d = '';
  qr.data.forEach((row, y) => row.forEach((on, x) => on && (d += `M${x},${y}h1v1h-1z`)));
  return html`<svg
    class="qr"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${qr.size} ${qr.size}"
    shape-rendering="crispEdges"
  >
    <rect width=${qr.size} height=${qr.size} fill="#fff"></rect>
    <path d=${d} fill="#000"></path>
  </svg>`;
}
