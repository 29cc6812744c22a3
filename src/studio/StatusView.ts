// The Studio's status line (lit-html): the analyser's verdict on the draft — winnable, best score
// ("at least" when the search stopped at its cap), states, each ending's best — and, past the
// cap, what multiplies the states, in the analyser's own sentences, each place a jump to its line.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Ref, SizeItem, SizeReport } from '../analysis/size-report.ts';
import { checkerText } from '../content/messages.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Verdict } from './analyse-worker.ts';
import type { MapPositions } from './map.ts';

export type StatusModel = {
  readonly verdict: Verdict | null;
  readonly analysing: boolean;
  readonly sizeOpen: boolean;
  readonly lang: Lang;
};

export type StatusActions = {
  toggleSize(): void;
  jumpTo(line: number): void;
  /** Where the draft's nodes and lines are written (read when the size panel is drawn). */
  positions(): MapPositions;
};

function sizePanel(size: SizeReport, m: StatusModel, a: StatusActions, t: TFunction): TemplateResult {
  const tr = (key: string, p: Record<string, string | number> = {}) => checkerText(m.lang, `analyze.${key}`, p);
  const positions = a.positions();
  const lineOf = (r: Ref): number | undefined =>
    r.line ??
    (r.kind === 'node' ? positions.nodes.get(r.id) : r.kind === 'line' ? positions.lines.get(r.id) : undefined);
  const place = (r: Ref): TemplateResult => {
    const line = lineOf(r);
    const label = `${tr(`size.kind.${r.kind}`)} ${r.id}`;
    return line === undefined
      ? html`<span>${label}</span>`
      : html`<button type="button" class="link" @click=${() => a.jumpTo(line)}>
          ${label} (${tr('line', { line })})
        </button>`;
  };
  const item = (x: SizeItem): TemplateResult => {
    const what = x.why === 'share' ? tr('size.share', { share: x.factor }) : tr('size.factor', { factor: x.factor });
    const by = x.by.map((r) => `${tr(`size.kind.${r.kind}`)} ${r.id}`).join(', ') || '-';
    return html`<li>
      ${place(x.ref)} : ${what}<br /><span class="why"
        >${tr(`size.why.${x.ref.kind}.${x.why}`, { by, id: x.ref.id })}</span
      >
    </li>`;
  };
  const groups = [
    ['size.nodes', size.nodes],
    ['size.facts', size.facts],
    ['size.lines', size.lines],
  ] as const;
  return html`<div class="size-panel" role="dialog" aria-label=${t('studio.status.why')}>
    <p>${tr('size.title', { situations: size.situations, states: size.states })}</p>
    ${groups.map(([key, list]) =>
      list.length
        ? html`<h3>${tr(key)}</h3>
            <ul>
              ${list.map(item)}
            </ul>`
        : nothing,
    )}
    <button type="button" @click=${() => a.toggleSize()}>${t('studio.versions.close')}</button>
  </div>`;
}

function verdictText(v: Verdict | null, analysing: boolean, t: TFunction): TemplateResult {
  if (analysing || !v) return html`<span class="busy">${t('studio.status.analysing')}</span>`;
  if (!v.compiles) return html`<span class="bad">${t('studio.status.broken')}</span>`;
  const least = v.capped ? t('studio.status.atLeast') : '';
  const endings = v.endings.map((e) =>
    t(e.passes ? 'studio.status.ending' : 'studio.status.endingFails', { ending: e.ending, best: e.best }),
  );
  const unreachable = v.unreachableNodes.join(', ');
  return html`<span class=${v.winnable ? 'good' : 'bad'}
      >${t(v.winnable ? 'studio.status.winnable' : 'studio.status.notWinnable')}</span
    >
    · ${t('studio.status.best', { score: `${least}${v.bestScore}` })} ·
    ${t('studio.status.states', { count: v.states })}${v.capped ? ` (${t('studio.status.capped')})` : ''}
    ${endings.length ? html` · ${endings.join(' · ')}` : nothing}
    ${unreachable ? html` · <span class="warn">${t('studio.status.unreachable', { nodes: unreachable })}</span>` : nothing}`;
}

export function statusView(m: StatusModel, a: StatusActions, t: TFunction): TemplateResult {
  const v = m.verdict;
  const size = !m.analysing && v?.compiles ? v.size : null;
  const why = size
    ? html` ·
        <button
          type="button"
          class="why-button"
          aria-expanded=${m.sizeOpen ? 'true' : 'false'}
          @click=${() => a.toggleSize()}
        >
          ${t('studio.status.why')}
        </button>`
    : nothing;
  return html`<span class="label">${t('studio.status.title')}</span> ${verdictText(v, m.analysing, t)}${why}
    ${size && m.sizeOpen ? sizePanel(size, m, a, t) : nothing}`;
}
