// Anger and patience: a number, a word and a bar, so they never rely on colour alone.
import { html, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { ANGER, PATIENCE } from '../engine/model.ts';
import { css, type Styled } from './Stage.ts';

type Kind = 'anger' | 'patience';
type Level = 'low' | 'mid' | 'high';

/** The word for a value: its bands are how the gauge reads, not a rule of the call. */
function levelOf(kind: Kind, v: number): Level {
  if (kind === 'anger') return v >= 8 ? 'high' : v >= 5 ? 'mid' : 'low';
  return v <= 2 ? 'low' : v <= 5 ? 'mid' : 'high';
}

function meter(kind: Kind, v: number, t: TFunction): TemplateResult {
  const level = levelOf(kind, v);
  const word = t(`gauge.${kind}.${level}`);
  return html`<div
    class="gauge ${kind}"
    role="meter"
    aria-valuemin="0"
    aria-valuemax="10"
    aria-valuenow=${v}
    aria-valuetext="${v}/10, ${word}"
    aria-label=${t(`call.${kind}`)}
    data-level=${level}
  >
    <span class="label">${t(`call.${kind}`)}</span
    ><span class="bar"><span class="fill" ${css({ width: `${v * 10}%` })}></span></span
    ><span class="value">${v}/10 · ${word}</span>
  </div>`;
}

/** The customer's mood panel, from the call's variables. */
export function gaugesView(vars: readonly number[], t: TFunction, style: Styled): TemplateResult {
  return html`<section class="gauges panel" aria-label=${t('call.gauges')} ${style}>
    ${meter('anger', vars[ANGER]!, t)}${meter('patience', vars[PATIENCE]!, t)}
  </section>`;
}
