// The model answer after a failure: where the trainee's choices parted from the call's best path,
// then both conversations side by side from there, each as readable as the transcript.
import { html, type TemplateResult } from 'lit-html';
import type { ModelAnswer, Parting } from '../analysis/model-answer.ts';
import type { EngineEvent } from '../engine/types.ts';
import { quote } from './debrief-words.ts';
import { lineOf, type LineContext } from './transcript-view.ts';
import { clock } from './words.ts';

/** Where the two calls parted, in one sentence. */
export function partingText(c: LineContext, p: Parting): string {
  const t = c.t;
  const n = p.index + 1;
  if (p.mine && p.model)
    return t('debrief.model.parted', {
      n,
      at: clock(p.mine.at),
      mine: quote(t, p.mine.key),
      model: quote(t, p.model.key),
    });
  if (p.model)
    return t(p.index === 0 ? 'debrief.model.silent' : 'debrief.model.stopped', {
      n,
      at: clock(p.model.at),
      model: quote(t, p.model.key),
    });
  return t('debrief.model.ended', { n, mine: quote(t, p.mine?.key ?? '') });
}

/** One side: its conversation from `from`, the line where it parted marked. */
function sideView(
  c: LineContext,
  title: string,
  events: readonly EngineEvent[],
  from: number,
  parted: { at: number; choice: string } | null,
): TemplateResult {
  const lines = events.flatMap((e) => {
    if (e.at < from || e.type === 'coached') return [];
    const line = lineOf(e, c);
    const mark = parted !== null && e.type === 'lineSaid' && e.at === parted.at && e.choice === parted.choice;
    return line ? [{ ...line, mark }] : [];
  });
  return html`<section class="side" aria-label=${title}>
    <h3>${title}</h3>
    <ol class="transcript" tabindex="0" aria-label=${title}>
      ${lines.map((l) => {
        const who = l.kind === 'customer' ? c.customerName : c.t(`speaker.${l.kind}`);
        return html`<li class="line ${l.kind} ${l.mark ? 'parted' : ''}">
          <span class="who"><bdi>${who}</bdi> · ${clock(l.at)}</span><span class="words">${l.text}</span>
        </li>`;
      })}
    </ol>
  </section>`;
}

/** The model answer beside the trainee's call. */
export function modelAnswerView(c: LineContext, m: ModelAnswer, mine: readonly EngineEvent[]): TemplateResult {
  const t = c.t;
  return html`<div class="model-answer">
    <p class="parting">${partingText(c, m.parting)}</p>
    <div class="sides">
      ${sideView(c, t('debrief.model.mine'), mine, m.from.mine, m.parting.mine)}
      ${sideView(
        c,
        t('debrief.model.theirs', { outcome: t(`outcome.${m.outcome}`), total: m.total }),
        m.events,
        m.from.model,
        m.parting.model,
      )}
    </div>
  </div>`;
}
