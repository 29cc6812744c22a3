// The debrief's explanations as templates: the cause at the top, a hint under each line not fully
// earned (with a link to its moment), and the expandable "how the total is built".
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import type { Hint } from '../analysis/hints.ts';
import type { Verdict } from '../analysis/loss-cause.ts';
import type { ScoreBuild } from '../analysis/score-build.ts';
import { hintWords } from './debrief-hints.ts';
import { verdictTexts } from './debrief-words.ts';
import { clock, say } from './words.ts';

/** A small button that shows a moment of the call in the conversation. */
export function momentButton(t: TFunction, at: number, onPick: (at: number) => void): TemplateResult {
  return html`<button
    type="button"
    class="evidence"
    aria-label=${t('debrief.evidence', { at: clock(at) })}
    @click=${() => onPick(at)}
  >
    ${clock(at)}
  </button>`;
}

/** Why the call ended as it did, in one sentence (then what else counts), with its moment. */
export function causeView(t: TFunction, ns: string, v: Verdict, onPick: (at: number) => void): TemplateResult {
  const w = verdictTexts(t, ns, v);
  const won = v.cause.kind === 'passed';
  return html`<div class="cause ${won ? 'won' : 'failed'}">
    <p class="cause-main">${w.cause} ${momentButton(t, v.cause.at, onPick)}</p>
    ${w.also || w.rises ? html`<p class="cause-more">${[w.also, w.rises].filter(Boolean).join(' ')}</p>` : nothing}
  </div>`;
}

/** The hints of one scorecard line: what would have earned it, each with its moment when it has one. */
export function hintsView(t: TFunction, hints: readonly Hint[], onPick: (at: number) => void): TemplateResult {
  // Paragraphs, not a nested list: the scorecard reads as one list item per line.
  return html`<div class="hints">
    ${hints.map((h) => {
      const w = hintWords(t, h);
      return w.text
        ? html`<p class="hint" data-hint=${h.kind}>
            <span class="hint-text">${w.text}</span>${w.at !== null ? momentButton(t, w.at, onPick) : nothing}
          </p>`
        : nothing;
    })}
  </div>`;
}

const mark = (t: TFunction, ok: boolean): TemplateResult =>
  html`<span class="need-mark" aria-hidden="true">${ok ? '✓' : '✗'}</span
    ><span class="sr-only">${t(ok ? 'debrief.explain.met' : 'debrief.explain.notMet')}</span>`;

/** How the Total was built, with this call's numbers: an expandable section. */
export function explainerView(t: TFunction, b: ScoreBuild, par: number): TemplateResult {
  const terms = b.terms
    .map((x) => t('debrief.explain.term', { weight: x.weight, section: t(`scorecard.${x.section}`), score: x.score }))
    .join(' + ');
  const lost = b.lostFactor !== null ? Math.round(b.average * b.lostFactor * 10) / 10 : null;
  const fatal = b.fatal.map((f) => say(t, f.key, f.params)).join(', ');
  return html`<details class="explainer">
    <summary>${t('debrief.explain.title')}</summary>
    <div class="explainer-body">
      <p class="formula">${t('debrief.explain.formula', { terms, weights: b.weights, average: b.average })}</p>
      ${lost !== null ? html`<p>${t('debrief.explain.lost', { factor: b.lostFactor, value: lost })}</p>` : nothing}
      ${b.fatal.length ? html`<p>${t('debrief.explain.fatal', { labels: fatal })}</p>` : nothing}
      <p>${t('debrief.explain.total', { total: b.total })}</p>
      <ul class="sections">
        <li>${t('debrief.explain.process')}</li>
        <li>${t('debrief.explain.diagnosis', { par: clock(par) })}</li>
        <li>${t('debrief.explain.calmness')}</li>
        ${b.outcomes ? html`<li>${t('debrief.explain.resolution', b.outcomes)}</li>` : nothing}
      </ul>
      <p>${t('debrief.explain.needs', { pass: b.pass })}</p>
      <ul class="needs">
        <li>${mark(t, b.needs.finished)} ${t('debrief.explain.needFinished')}</li>
        <li>${mark(t, b.needs.noFatal)} ${t('debrief.explain.needNoFatal')}</li>
        <li>${mark(t, b.needs.score)} ${t('debrief.explain.needScore', { pass: b.pass, total: b.total })}</li>
      </ul>
    </div>
  </details>`;
}
