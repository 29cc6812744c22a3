// The process checklist (training mode), the facts found, and the latest coaching note.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { PHASES, type ScenarioModel } from '../engine/model.ts';
import type { CallState, CoachTone, Mode } from '../engine/types.ts';

export type CoachNote = { readonly text: string; readonly tone: CoachTone };

/** How a step of the process stands, as the engine recorded it. */
function stepState(s: CallState, i: number): 'todo' | 'done' | 'early' {
  const rec = s.steps[i];
  return !rec ? 'todo' : rec.inOrder ? 'done' : 'early';
}

function steps(sc: ScenarioModel, s: CallState, t: TFunction): TemplateResult[] {
  return PHASES.map((phase) => {
    const mine = sc.scoredSteps.filter((i) => sc.steps[i]!.phase === phase);
    return html`<h3>${t(`phase.${phase}`)}</h3>
      <ul class="steps">
        ${mine.map((i) => {
          const state = stepState(s, i);
          const label = t(sc.steps[i]!.key);
          return html`<li class="step" data-state=${state} aria-label="${label} — ${t(`checklist.${state}`)}">
            ${label}
          </li>`;
        })}
      </ul>`;
  });
}

/** `facts`: the facts known (the engine's list); `note`: the last coaching note, if any. */
export function checklistView(
  sc: ScenarioModel,
  mode: Mode,
  s: CallState,
  facts: readonly string[],
  note: CoachNote | null,
  t: TFunction,
  style: string,
): TemplateResult {
  return html`<section class="checklist panel" aria-label=${t('call.checklist')} style=${style}>
    <h2>${t(mode === 'training' ? 'call.checklist' : 'call.exam')}</h2>
    ${mode === 'training' ? steps(sc, s, t) : html`<p class="exam">${t('call.examNoHelp')}</p>`}
    <h3>${t('call.facts')}</h3>
    <ul class="facts" aria-label=${t('call.facts')}>
      ${facts.map((f) => html`<li>${t(`${sc.ns}:facts.${f}`)}</li>`)}
    </ul>
    <p class="coach-note" role="status" aria-live="polite" data-tone=${note?.tone ?? nothing}>
      ${note?.text ?? nothing}
    </p>
  </section>`;
}
