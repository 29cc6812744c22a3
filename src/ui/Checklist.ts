// The process checklist (training mode) and the facts found. Compact, so that every phase (the
// closing too) is in view at once: a phase whose steps are all done folds into one line. The
// coaching notes are read in the conversation.
import { html, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { PHASES, type ScenarioModel } from '../engine/model.ts';
import type { CallState, Mode } from '../engine/types.ts';
import type { Styled } from './Stage.ts';

/** How a step of the process stands, as the engine recorded it. */
function stepState(s: CallState, i: number): 'todo' | 'done' | 'early' {
  const rec = s.steps[i];
  return !rec ? 'todo' : rec.inOrder ? 'done' : 'early';
}

function steps(sc: ScenarioModel, s: CallState, t: TFunction): TemplateResult[] {
  return PHASES.map((phase) => {
    const mine = sc.scoredSteps.filter((i) => sc.steps[i]!.phase === phase);
    const done = mine.filter((i) => s.steps[i]).length;
    if (mine.length && done === mine.length)
      return html`<h3 class="phase-done">
        ${t(`phase.${phase}`)} <span class="count">${t('checklist.phaseDone', { count: done })}</span>
      </h3>`;
    return html`<h3>${t(`phase.${phase}`)} <span class="count">${done}/${mine.length}</span></h3>
      <ul class="steps">
        ${mine.map((i) => {
          const state = stepState(s, i);
          const label = t(sc.steps[i]!.key);
          return html`<li
            class="step"
            data-state=${state}
            title=${label}
            aria-label="${label} — ${t(`checklist.${state}`)}"
          >
            ${label}
          </li>`;
        })}
      </ul>`;
  });
}

/** The process (training) or a word that an exam has none. */
export function checklistView(
  sc: ScenarioModel,
  mode: Mode,
  s: CallState,
  t: TFunction,
  style: Styled,
): TemplateResult {
  return html`<section class="checklist panel" aria-label=${t('call.checklist')} ${style}>
    <h2>${t(mode === 'training' ? 'call.checklist' : 'call.exam')}</h2>
    ${mode === 'training' ? steps(sc, s, t) : html`<p class="exam">${t('call.examNoHelp')}</p>`}
  </section>`;
}

/** The facts known (the engine's list), the latest first: what the diagnosis and the ticket rest on. */
export function factsView(sc: ScenarioModel, facts: readonly string[], t: TFunction, style: Styled): TemplateResult {
  return html`<section class="facts-panel panel" aria-labelledby="facts-title" ${style}>
    <h2 id="facts-title">${t('call.facts')} <span class="count">${facts.length}</span></h2>
    ${
      facts.length
        ? html`<ul class="facts" aria-label=${t('call.facts')}>
            ${[...facts].reverse().map((f) => html`<li>${t(`${sc.ns}:facts.${f}`)}</li>`)}
          </ul>`
        : html`<p class="none">${t('call.noFacts')}</p>`
    }
  </section>`;
}
