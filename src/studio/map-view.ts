// The call's map as a lit-html template: nodes, lines and stay lines pickable by mouse or keys
// (Enter / Space), pan and zoom with the wheel, a drag, the arrow keys, + − and 0. The view's
// pan and zoom live on its own <svg> element and survive re-renders of the same call.
import { html, svg, type SVGTemplateResult, type TemplateResult } from 'lit-html';
import { ref } from 'lit-html/directives/ref.js';
import { MAP_TEXT } from './map-box.ts';
import { MAP_CSS } from './map-svg.ts';
import type { CallMap } from './map.ts';
import {
  attachView,
  justDragged,
  onKey,
  onPointerDown,
  onPointerMove,
  onPointerUp,
  revealBox,
  wheel,
  zoomFrom,
  ZOOM_STEP,
  type Box,
} from './map-pan.ts';
import { arrowId, cornerOf, LEGEND, mapScene, type MapLabels, type SceneEdge, type SceneNode } from './map-scene.ts';

/** What a pick names: a node, or a line (an arrow or a stay line in a box). */
export type MapTarget = { readonly kind: 'node' | 'line'; readonly id: string };

export type MapViewOptions = {
  readonly labels: MapLabels;
  /** The playtest's node: outlined, its lines highlighted. */
  readonly current?: string | null;
  /** Called on click, Enter or Space, with the file line (0 when unknown). */
  readonly onPick?: (target: MapTarget, fileLine: number) => void;
  /** The drawing's height in CSS pixels (default 400); its width follows its container. */
  readonly height?: number;
};

/** The map of a call, ready to render in the Studio's pane. */
export function mapTemplate(map: CallMap, opts: MapViewOptions): TemplateResult {
  const scene = mapScene(map, opts.labels, opts.current ?? null);
  const attach = (el: Element | undefined): void => {
    if (!(el instanceof SVGSVGElement)) return;
    ensureMapStyle(el.ownerDocument);
    attachView(el, map);
  };
  const pick = (target: MapTarget, line: number) => (e: Event) => {
    if (e instanceof KeyboardEvent && e.key !== 'Enter' && e.key !== ' ') return;
    if (e.type === 'click' && justDragged()) return;
    e.preventDefault();
    e.stopPropagation();
    opts.onPick?.(target, line);
  };
  const reveal = (b: Box) => (e: Event) => revealBox(e.currentTarget as Element, b);
  // Each node then the lines leaving it, rank by rank: the focus order reads the call in order
  // (arrows never cross a box, so painting them after a node hides nothing).
  const across = (n: { x: number; y: number }): number => (map.direction === 'TB' ? n.x : n.y);
  const ordered = [...scene.nodes].sort((a, b) => a.node.rank - b.node.rank || across(a.node) - across(b.node));
  const leaving = new Map<string, SceneEdge[]>();
  for (const e of scene.edges) leaving.set(e.edge.from, [...(leaving.get(e.edge.from) ?? []), e]);
  const shapes = ordered.map(
    (s) =>
      svg`${nodeTemplate(s, pick, reveal)}${(leaving.get(s.node.id) ?? [])
        .sort((a, b) => across(a.edge.label) - across(b.edge.label))
        .map((e) => edgeTemplate(e, arrowId(map.id), pick, reveal))}`,
  );
  return html`<figure class="hl-map" aria-label=${scene.title}>
    <div class="map-toolbar" role="toolbar" aria-label=${scene.title}>
      <button
        type="button"
        class="map-zoom-out"
        aria-label=${opts.labels.zoomOut}
        title=${opts.labels.zoomOut}
        @click=${(e: Event) => zoomFrom(e, 1 / ZOOM_STEP)}
      >
        −
      </button>
      <button
        type="button"
        class="map-zoom-in"
        aria-label=${opts.labels.zoomIn}
        title=${opts.labels.zoomIn}
        @click=${(e: Event) => zoomFrom(e, ZOOM_STEP)}
      >
        +
      </button>
      <button type="button" class="map-fit" @click=${(e: Event) => zoomFrom(e, 0)}>${opts.labels.fit}</button>
      <span class="map-help">${opts.labels.help}</span>
    </div>
    <svg
      class="map-canvas"
      ${ref(attach)}
      role="group"
      tabindex="0"
      width="100%"
      height=${opts.height ?? 400}
      aria-label=${`${scene.title}. ${opts.labels.help}`}
      @keydown=${onKey}
      @wheel=${wheel}
      @pointerdown=${onPointerDown}
      @pointermove=${onPointerMove}
      @pointerup=${onPointerUp}
      @pointercancel=${onPointerUp}
    >
      <defs>
        <marker
          id=${arrowId(map.id)}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="8"
          markerHeight="8"
          markerUnits="userSpaceOnUse"
          orient="auto-start-reverse"
        >
          <path class="map-arrow" d="M0 0L10 5L0 10z"></path>
        </marker>
      </defs>
      ${shapes}
    </svg>
    <ul class="map-legend">
      ${scene.legend.map(
        (it) =>
          html`<li>
            <svg width=${LEGEND.swatchW + 2} height=${LEGEND.swatchH + 2} aria-hidden="true">
              ${
                it.kind === 'box'
                  ? svg`<g class=${it.cls}><rect x="1" y="1" width=${LEGEND.swatchW} height=${LEGEND.swatchH} rx="3"></rect></g>`
                  : svg`<g class=${it.cls}><path d=${`M1 8H${LEGEND.swatchW}`}></path></g>`
              }</svg
            >${it.text}
          </li>`,
      )}
    </ul>
  </figure>`;
}

type Pick = (target: MapTarget, line: number) => (e: Event) => void;
type Reveal = (b: Box) => (e: Event) => void;

function nodeTemplate(s: SceneNode, pick: Pick, reveal: Reveal): SVGTemplateResult {
  const n = s.node;
  const onNode = pick({ kind: 'node', id: n.id }, n.fileLine);
  return svg`<g class=${s.cls} role="button" tabindex="0" aria-label=${s.aria} data-node=${n.id}
      @click=${onNode} @keydown=${onNode} @focus=${reveal(n)}>
    <title>${s.tooltip}</title>
    <rect x=${n.x} y=${n.y} width=${n.w} height=${n.h} rx=${cornerOf(n)}></rect>
    <rect class="map-halo" x=${n.x - 4} y=${n.y - 4} width=${n.w + 8} height=${n.h + 8} rx=${cornerOf(n) + 4}></rect>
    ${s.texts.map((t) => svg`<text x=${t.x} y=${t.y} class=${t.cls}>${t.text}</text>`)}
    ${s.stays.map((st) => {
      const onStay = pick({ kind: 'line', id: st.id }, st.fileLine);
      return svg`<g class=${st.cls} role="button" tabindex="0" aria-label=${st.aria} data-line=${st.id}
          @click=${onStay} @keydown=${onStay} @focus=${reveal(st)}>
        <title>${st.aria}</title>
        <rect x=${st.x} y=${st.y} width=${st.w} height=${st.h} rx="2"></rect>
        <text x=${st.x + MAP_TEXT.padX / 2} y=${st.y + MAP_TEXT.small.size}>${st.text}</text>
      </g>`;
    })}
  </g>`;
}

function edgeTemplate(s: SceneEdge, arrow: string, pick: Pick, reveal: Reveal): SVGTemplateResult {
  const e = s.edge;
  const l = e.label;
  const onLine = pick({ kind: 'line', id: e.id }, e.fileLine);
  return svg`<g class=${s.cls} role="button" tabindex="0" aria-label=${s.aria} data-line=${e.id}
      @click=${onLine} @keydown=${onLine} @focus=${reveal(l)}>
    <title>${s.aria}</title>
    <path d=${s.d} marker-end=${`url(#${arrow})`}></path>
    <rect x=${l.x} y=${l.y} width=${l.w} height=${l.h} rx="3"></rect>
    <text x=${s.text.x} y=${s.text.y} class=${s.text.cls}>${s.text.text}</text>
  </g>`;
}

const adopted = new WeakSet<Document>();

/**
 * Adds the map's default style to a page once, first in its head: the page's own style sheets,
 * read after it, override it (`.hl-map { --map-bg: … }` and the classes of MAP_CSS).
 */
export function ensureMapStyle(doc: Document): void {
  if (doc.head.querySelector('style[data-hl-map]') || adopted.has(doc)) return;
  // A constructed sheet first: a page whose Content-Security-Policy refuses inline <style>
  // (studio.html: style-src 'self') still takes it.
  const Sheet = doc.defaultView?.CSSStyleSheet;
  if (Sheet && 'adoptedStyleSheets' in doc) {
    const sheet = new Sheet();
    sheet.replaceSync(MAP_CSS);
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
    adopted.add(doc);
    return;
  }
  const style = doc.createElement('style');
  style.dataset.hlMap = '';
  style.textContent = MAP_CSS;
  doc.head.prepend(style);
}
