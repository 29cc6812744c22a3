// The map as a standalone SVG document (scenarios:graph), and the map's default style. Pure.
import { MAP_TEXT } from './map-box.ts';
import type { CallMap } from './map.ts';
import { arrowId, cornerOf, LEGEND, mapScene, type LegendItem, type MapLabels } from './map-scene.ts';

/**
 * The map's default look; every colour is a custom property set on `.hl-map` (override them to
 * theme it). Shapes also differ by outline (start thick, endings rounded, unreachable dashed,
 * current doubled), so no state is told by colour alone.
 */
export const MAP_CSS = `
.hl-map {
  --map-bg: #ffffff; --map-ink: #1c2333; --map-muted: #5d6678; --map-node: #f3f5fa; --map-line: #55627d;
  --map-start: #1f5fbf; --map-won: #1d7a45; --map-won-bg: #e6f4ec; --map-failed: #b3261e; --map-failed-bg: #fbeaea;
  --map-dead: #8a93a3; --map-dead-bg: #eceef2; --map-current: #c77700; --map-focus: #1f5fbf;
  --map-font: ui-monospace, 'DejaVu Sans Mono', Menlo, Consolas, monospace;
  color: var(--map-ink); background: var(--map-bg);
}
.hl-map text { font-family: var(--map-font); fill: var(--map-ink); }
.hl-map .map-id { font-size: ${MAP_TEXT.title.size}px; font-weight: 700; }
.hl-map .map-end { font-size: ${MAP_TEXT.title.size}px; }
.hl-map .map-stay text, .hl-map .map-more, .hl-map .map-label-text { font-size: ${MAP_TEXT.small.size}px; fill: var(--map-muted); }
.hl-map .map-label-text { text-anchor: middle; }
.hl-map .map-node > rect { fill: var(--map-node); stroke: var(--map-line); stroke-width: 1.2; }
.hl-map .map-node--start > rect { stroke: var(--map-start); stroke-width: 3; }
.hl-map .map-node.is-won > rect { fill: var(--map-won-bg); stroke: var(--map-won); stroke-width: 2; }
.hl-map .map-node.is-failed > rect { fill: var(--map-failed-bg); stroke: var(--map-failed); stroke-width: 2; }
.hl-map .map-node--missing > rect { fill: var(--map-failed-bg); stroke: var(--map-failed); stroke-width: 2; stroke-dasharray: 3 3; }
.hl-map .map-node.is-unreachable > rect { fill: var(--map-dead-bg); stroke: var(--map-dead); stroke-dasharray: 5 3; }
.hl-map .map-node.is-unreachable text { fill: var(--map-dead); }
.hl-map .map-node.is-current > rect { stroke: var(--map-current); stroke-width: 4; }
.hl-map .map-node .map-halo { fill: none; stroke: none; }
.hl-map .map-node.is-current .map-halo { stroke: var(--map-current); stroke-width: 1.5; }
.hl-map .map-edge path { fill: none; stroke: var(--map-line); stroke-width: 1.3; }
.hl-map .map-edge.is-back path { stroke-dasharray: 6 4; }
.hl-map .map-edge.is-unreachable path { stroke: var(--map-dead); stroke-dasharray: 2 3; }
.hl-map .map-edge.is-unreachable text, .hl-map .map-stay.is-unreachable text { fill: var(--map-dead); text-decoration: line-through; }
.hl-map .map-edge.is-from-current path { stroke: var(--map-current); stroke-width: 2.2; }
.hl-map .map-edge rect { fill: var(--map-bg); stroke: none; }
.hl-map .map-arrow { fill: var(--map-line); }
.hl-map .map-stay rect { fill: transparent; }
.hl-map [tabindex] { cursor: pointer; outline: none; }
.hl-map .map-node[tabindex]:hover > rect, .hl-map .map-stay:hover rect, .hl-map .map-edge[tabindex]:hover rect { stroke: var(--map-focus); stroke-width: 2; }
.hl-map [tabindex]:focus-visible > rect, .hl-map .map-stay:focus-visible rect { stroke: var(--map-focus); stroke-width: 3; stroke-dasharray: none; }
.hl-map .map-legend text { font-size: ${MAP_TEXT.small.size}px; fill: var(--map-ink); }
figure.hl-map { margin: 0; display: flex; flex-direction: column; gap: 4px; font: 13px system-ui, sans-serif; background: none; }
.hl-map .map-toolbar { display: flex; gap: 4px; align-items: center; flex-wrap: wrap; }
.hl-map .map-toolbar button { min-width: 2.2em; font: inherit; }
.hl-map .map-help { color: var(--map-muted); font-size: 12px; }
.hl-map .map-canvas { display: block; border: 1px solid var(--map-dead); background: var(--map-bg); touch-action: none; }
.hl-map .map-canvas:focus-visible { outline: 3px solid var(--map-focus); outline-offset: 1px; }
.hl-map ul.map-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; list-style: none; margin: 0; padding: 0; font-size: 12px; }
.hl-map ul.map-legend li { display: flex; align-items: center; gap: 6px; }
`;

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const n1 = (v: number): string => String(Math.round(v * 10) / 10);

/** Legend height in the standalone SVG (one row above the map). */
const LEGEND_H = 30;

/** The map as a standalone SVG document (its own style and legend): opens in any browser, offline. */
export function mapSvg(map: CallMap, opts: { labels: MapLabels; current?: string | null }): string {
  const scene = mapScene(map, opts.labels, opts.current ?? null);
  const legend = legendRow(scene.legend);
  const width = Math.ceil(Math.max(map.width, legend.width));
  const height = Math.ceil(map.height + LEGEND_H);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="hl-map" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(scene.title)}">`,
    `<title>${esc(scene.title)}</title>`,
    `<style>${MAP_CSS}</style>`,
    `<rect width="${width}" height="${height}" fill="var(--map-bg)"/>`,
    arrowDefs(map.id),
    legend.svg,
    `<g transform="translate(0 ${LEGEND_H})">`,
  ];
  const arrow = arrowId(map.id);
  for (const e of scene.edges) {
    const l = e.edge.label;
    out.push(
      `<g class="${e.cls}"><title>${esc(e.aria)}</title>`,
      `<path d="${e.d}" marker-end="url(#${arrow})"/>`,
      `<rect x="${n1(l.x)}" y="${n1(l.y)}" width="${n1(l.w)}" height="${n1(l.h)}" rx="3"/>`,
      `<text x="${n1(e.text.x)}" y="${n1(e.text.y)}" class="${e.text.cls}">${esc(e.text.text)}</text></g>`,
    );
  }
  for (const s of scene.nodes) {
    const n = s.node;
    out.push(
      `<g class="${s.cls}"><title>${esc(s.tooltip)}</title>`,
      `<rect x="${n1(n.x)}" y="${n1(n.y)}" width="${n.w}" height="${n.h}" rx="${cornerOf(n)}"/>`,
      `<rect class="map-halo" x="${n1(n.x - 4)}" y="${n1(n.y - 4)}" width="${n.w + 8}" height="${n.h + 8}" rx="${cornerOf(n) + 4}"/>`,
      ...s.texts.map((t) => `<text x="${n1(t.x)}" y="${n1(t.y)}" class="${t.cls}">${esc(t.text)}</text>`),
      ...s.stays.map(
        (st) =>
          `<g class="${st.cls}"><title>${esc(st.aria)}</title><rect x="${n1(st.x)}" y="${n1(st.y)}" width="${n1(st.w)}" height="${st.h}"/><text x="${n1(st.x + MAP_TEXT.padX / 2)}" y="${n1(st.y + MAP_TEXT.small.size)}">${esc(st.text)}</text></g>`,
      ),
      `</g>`,
    );
  }
  out.push('</g></svg>');
  return out.join('\n') + '\n';
}

function arrowDefs(mapId: string): string {
  return `<defs><marker id="${arrowId(mapId)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" markerUnits="userSpaceOnUse" orient="auto-start-reverse"><path class="map-arrow" d="M0 0L10 5L0 10z"/></marker></defs>`;
}

function legendRow(items: readonly LegendItem[]): { svg: string; width: number } {
  let x = 12;
  const y = 8;
  const parts: string[] = ['<g class="map-legend">'];
  for (const it of items) {
    const sw =
      it.kind === 'box'
        ? `<g class="${it.cls}"><rect x="${x}" y="${y}" width="${LEGEND.swatchW}" height="${LEGEND.swatchH}" rx="3"/></g>`
        : `<g class="${it.cls}"><path d="M${x} ${y + 7}H${x + LEGEND.swatchW}"/></g>`;
    parts.push(sw, `<text x="${x + LEGEND.swatchW + LEGEND.gap}" y="${y + 11}">${esc(it.text)}</text>`);
    x += LEGEND.swatchW + LEGEND.gap + [...it.text].length * MAP_TEXT.small.char + LEGEND.itemGap;
  }
  parts.push('</g>');
  return { svg: parts.join(''), width: x };
}
