// The playtest pane (lit-html): the call in text — what was said, the lines on offer as numbered
// buttons, the desk's tools and controls, "let time pass" — and the short result at the end;
// "play from this node" with chosen facts, mood and tool states.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { TFunction } from 'i18next';
import { affordances } from '../engine/affordances.ts';
import { ANGER, PATIENCE, type ScenarioModel, type ToolId } from '../engine/model.ts';
import { scoreCall } from '../engine/scoring.ts';
import type { StartAt } from '../engine/state-at.ts';
import type { CallState, EngineEvent, LoggedAction } from '../engine/types.ts';
import type { PlayAction, PlayRun } from './playtest.ts';
import type { ContentWords } from './texts.ts';
import { clock, say } from '../ui/words.ts';

export type PlayView = {
  readonly model: ScenarioModel | null;
  readonly run: PlayRun | null;
  readonly words: ContentWords;
  /** The node the run started from ("play from this node"), or null for the call's start. */
  readonly from: StartAt | null;
  /** The last edit does not compile: the pane shows the last run that did. */
  readonly stale: boolean;
  readonly formOpen: boolean;
};

export type PlayActions = {
  act(a: PlayAction): void;
  restart(): void;
  openForm(open: boolean): void;
  playFrom(at: StartAt): void;
};

/** The sentence for one event, or null for an event the text playtest does not show. */
function eventLine(e: EngineEvent, sc: ScenarioModel, w: ContentWords, t: TFunction): TemplateResult | null {
  const at = html`<span class="at">${clock(e.at)}</span>`;
  const word = (key: string | null): string => (key ? (w(key) ?? t(key)) : '');
  switch (e.type) {
    case 'customerSpoke':
      return html`<li class="customer">${at}<b>${t('studio.play.customer')}</b> ${word(e.key)}</li>`;
    case 'lineSaid':
      return html`<li class="agent">${at}<b>${t('studio.play.agent')}</b> ${word(e.key)}</li>`;
    case 'customerPrompted':
      return html`<li class="customer">
        ${at}<b>${t('studio.play.customer')}</b> ${t(`customer.prompt.${e.reason}.${sc.persona}`)}
      </li>`;
    case 'toolFinished':
      return html`<li class="desk">
        ${at}<b>${t(`tools.${e.tool}`)}</b> ${e.key ? word(e.key) : t('studio.play.noResult')}
      </li>`;
    case 'toolCrashed':
      return html`<li class="desk bad">${at}${t('studio.play.crashed', { tool: t(`tools.${e.tool}`) })}</li>`;
    case 'toolFroze':
      return html`<li class="desk">${at}${t('studio.play.froze', { tool: t(`tools.${e.tool}`) })}</li>`;
    case 'factLearned':
      return html`<li class="fact">${at}${t('studio.play.learned', { fact: word(`${sc.ns}:facts.${e.fact}`) })}</li>`;
    case 'heldCall':
      return html`<li class="desk">${at}${t(e.asked ? 'studio.play.heldAsked' : 'studio.play.heldSilent')}</li>`;
    case 'resumedCall':
      return html`<li class="desk">${at}${t('studio.play.resumed')}</li>`;
    case 'diagnosed':
      return html`<li class="desk">
        ${at}${t('studio.play.diagnosed', { label: word(`${sc.ns}:diagnoses.${e.diagnosis}`) })}
      </li>`;
    case 'callEnded':
      return html`<li class="end">${at}${t('studio.play.ended', { outcome: t(`outcome.${e.outcome}`) })}</li>`;
    default:
      return null;
  }
}

function describeAction(a: PlayAction, sc: ScenarioModel, w: ContentWords, t: TFunction): string {
  switch (a.type) {
    case 'say': {
      const c = sc.index.choices.get(a.choice);
      return c === undefined ? a.choice : (w(sc.choices[c]!.key) ?? a.choice);
    }
    case 'runTool':
    case 'restartTool':
    case 'pokeTool':
      return `${t(`studio.play.action.${a.type}`)} ${t(`tools.${a.tool}`)}`;
    default:
      return t(`studio.play.action.${a.type}`);
  }
}

function controls(sc: ScenarioModel, s: CallState, w: ContentWords, t: TFunction, a: PlayActions): TemplateResult {
  const aff = affordances(sc, s);
  const act = (x: LoggedAction | { type: 'wait' }) => () => a.act(x);
  const lines = aff.lines.map((id, i) => {
    const c = sc.choices[sc.index.choices.get(id)!]!;
    return html`<li>
      <button type="button" class="line" @click=${act({ type: 'say', choice: id })}>
        <span class="num">${i + 1}</span> ${w(c.key) ?? id}
      </button>
    </li>`;
  });
  const tools = aff.tools
    .filter((x) => sc.tools[sc.index.tools.get(x.id)!]!.configured)
    .map(
      (x) =>
        html`<button type="button" ?disabled=${!x.action} @click=${() => x.action && a.act(x.action)}>
          ${t(`tools.${x.id}`)} ·
          ${t(`toolStatus.${x.status}`)}${x.press ? ` → ${t(`studio.play.press.${x.press}`)}` : ''}
        </button>`,
    );
  const diagnose = (e: Event) => {
    const sel = (e.currentTarget as HTMLElement).parentElement!.querySelector('select')!;
    if (sel.value) a.act({ type: 'diagnose', diagnosis: sel.value });
  };
  return html` ${
      aff.lines.length
        ? html`<ol class="lines" aria-label=${t('studio.play.lines')}>
            ${lines}
          </ol>`
        : html`<p class="waiting">${t(aff.onHold ? 'studio.play.onHold' : 'studio.play.noLine')}</p>`
    }
    <div class="desk-tools" role="group" aria-label=${t('studio.play.tools')}>${tools}</div>
    <div class="desk-controls" role="group" aria-label=${t('studio.play.controls')}>
      <button type="button" class="primary" @click=${act({ type: 'wait' })}>${t('studio.play.wait')}</button>
      ${aff.controls.hold ? html`<button type="button" @click=${act({ type: 'hold', ask: true })}>${t('studio.play.hold')}</button>` : nothing}
      ${
        aff.controls.resume
          ? html`<button type="button" @click=${act({ type: 'resume', thank: true })}>
              ${t('studio.play.resume')}
            </button>`
          : nothing
      }
      ${
        aff.diagnoses.length
          ? html`<span class="diagnose"
              ><select aria-label=${t('studio.play.diagnosis')}>
                ${aff.diagnoses.map((d) => html`<option value=${d}>${w(`${sc.ns}:diagnoses.${d}`) ?? d}</option>`)}</select
              ><button type="button" @click=${diagnose}>${t('studio.play.diagnose')}</button></span
            >`
          : nothing
      }
      <button
        type="button"
        @click=${act({ type: 'writeTicket', notes: aff.notable.filter((f) => aff.facts.includes(f)) })}
      >
        ${t('studio.play.writeTicket', { count: aff.facts.length })}
      </button>
      ${aff.controls.saveTicket ? html`<button type="button" @click=${act({ type: 'saveTicket' })}>${t('studio.play.saveTicket')}</button>` : nothing}
      <button type="button" class="danger" @click=${act({ type: 'hangUp' })}>${t('studio.play.hangUp')}</button>
    </div>
    <p class="mood">
      ${t('studio.play.mood', { time: clock(s.time), anger: s.vars[ANGER] ?? 0, patience: s.vars[PATIENCE] ?? 0 })}
    </p>`;
}

function result(sc: ScenarioModel, s: CallState, w: ContentWords, t: TFunction): TemplateResult {
  const card = scoreCall(sc, s);
  // Worded as the debrief words them (times as mm:ss, "—" when never done); the draft's own words first.
  const tw = ((key: string, params?: Record<string, unknown>) => w(key) ?? t(key, params)) as TFunction;
  const missed = card.lines.filter((l) => l.status === 'missed' || l.status === 'fatal' || l.status === 'partial');
  return html`<section class="result" aria-label=${t('studio.play.result')}>
    <p class="score ${card.won ? 'won' : 'lost'}">
      ${t('studio.play.score', { total: card.total, outcome: t(`outcome.${card.outcome}`) })}
    </p>
    ${
      missed.length
        ? html`<p>${t('studio.play.missed')}</p>
            <ul class="missed">
              ${missed.map((l) => html`<li>${say(tw, l.key, l.params)} (${t(`studio.play.status.${l.status}`)})</li>`)}
            </ul>`
        : html`<p>${t('studio.play.nothingMissed')}</p>`
    }
  </section>`;
}

/** The "play from this node" form: node, facts, mood and tools down at the start. */
function startForm(
  sc: ScenarioModel,
  w: ContentWords,
  t: TFunction,
  a: PlayActions,
  from: StartAt | null,
): TemplateResult {
  const submit = (e: Event) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget as HTMLFormElement);
    const num = (k: string): number | undefined => {
      const v = f.get(k);
      return v === null || v === '' ? undefined : Number(v);
    };
    const tools: Partial<Record<ToolId, 'crashed'>> = {};
    for (const id of f.getAll('down')) tools[id as ToolId] = 'crashed';
    a.playFrom({
      node: String(f.get('node')),
      facts: f.getAll('fact').map(String),
      ...(num('anger') !== undefined && { anger: num('anger')! }),
      ...(num('patience') !== undefined && { patience: num('patience')! }),
      tools,
    });
  };
  const known = new Set(from?.facts ?? []);
  return html`<form class="start-form" @submit=${submit} aria-label=${t('studio.play.fromTitle')}>
    <label
      >${t('studio.play.node')}
      <select name="node">
        ${sc.nodes.map((n) => html`<option value=${n.id} ?selected=${from?.node === n.id}>${n.id}</option>`)}
      </select></label
    >
    <fieldset>
      <legend>${t('studio.play.facts')}</legend>
      ${sc.facts.map(
        (f) =>
          html`<label class="check"
            ><input type="checkbox" name="fact" value=${f} ?checked=${known.has(f)} />
            ${w(`${sc.ns}:facts.${f}`) ?? f}</label
          >`,
      )}
    </fieldset>
    <div class="mood-fields">
      <label
        >${t('studio.play.anger')}
        <input
          type="number"
          name="anger"
          min=${sc.varMin[ANGER]!}
          max=${sc.varMax[ANGER]!}
          placeholder=${String(sc.varInit[ANGER])}
      /></label>
      <label
        >${t('studio.play.patience')}
        <input
          type="number"
          name="patience"
          min=${sc.varMin[PATIENCE]!}
          max=${sc.varMax[PATIENCE]!}
          placeholder=${String(sc.varInit[PATIENCE])}
      /></label>
    </div>
    <fieldset>
      <legend>${t('studio.play.down')}</legend>
      ${sc.tools
        .filter((x) => x.configured)
        .map(
          (x) =>
            html`<label class="check"
              ><input type="checkbox" name="down" value=${x.id} /> ${t(`tools.${x.id}`)}</label
            >`,
        )}
    </fieldset>
    <div class="form-actions">
      <button type="submit" class="primary">${t('studio.play.fromStart')}</button>
      <button type="button" @click=${() => a.openForm(false)}>${t('studio.play.cancel')}</button>
    </div>
  </form>`;
}

export function playPane(v: PlayView, a: PlayActions, t: TFunction): TemplateResult {
  const sc = v.model;
  if (!sc) return html`<p class="waiting">${t('studio.play.noModel')}</p>`;
  const run = v.run;
  const stopped = run?.stopped
    ? html`<p class="notice" role="status">
        ${t('studio.play.stopped', { n: run.stopped.index + 1, action: describeAction(run.stopped.action, sc, v.words, t), reason: t(`studio.reject.${run.stopped.reason}`) })}
      </p>`
    : nothing;
  const startError = run?.startError
    ? html`<p class="notice" role="status">${t(`studio.startError.${run.startError.code}`, { ...run.startError })}</p>`
    : nothing;
  const s = run?.state ?? null;
  const events = run ? run.events.map((e) => eventLine(e, sc, v.words, t)).filter((x) => x !== null) : [];
  return html`<div class="play-head">
      <p class="from">${v.from ? t('studio.play.fromNode', { node: v.from.node }) : t('studio.play.fromCallStart')}</p>
      <button type="button" @click=${() => a.restart()}>${t('studio.play.restart')}</button>
      <button type="button" aria-expanded=${v.formOpen ? 'true' : 'false'} @click=${() => a.openForm(!v.formOpen)}>
        ${t('studio.play.from')}
      </button>
    </div>
    ${v.stale ? html`<p class="notice" role="status">${t('studio.play.stale')}</p>` : nothing} ${stopped} ${startError}
    ${v.formOpen ? startForm(sc, v.words, t, a, v.from) : nothing}
    <ol class="transcript" aria-label=${t('studio.play.transcript')}>
      ${events}
    </ol>
    ${s ? (s.ended ? result(sc, s, v.words, t) : controls(sc, s, v.words, t, a)) : nothing}`;
}
