// The shared playbook: steps, weights, fatal items, persona reactions and always-available lines.
import { compileCondition } from '../engine/condition.ts';
import { PERSONAS, TONES, type Persona, type PersonaModel, type ScoringModel, type Tone } from '../engine/model.ts';
import { durationMs } from './durations.ts';
import type { PlaybookDoc, StepDoc } from './schema.ts';
import { checkedDuration } from './limits.ts';
import { diagAt, positionOf, type Diagnostic, type SourceFile } from './source.ts';
import { conditionDiag, emptySymbols } from './symbols.ts';
import type { TextEntry } from './texts.ts';

export const PLAYBOOK_NS = 'playbook';
/** A tool run at least this long is a wait the customer should be told about. */
const LONG_WAIT = 10_000;

export type PlaybookModel = {
  readonly doc: PlaybookDoc;
  readonly source: SourceFile;
  readonly steps: readonly StepDoc[];
  readonly scoring: ScoringModel;
  readonly personas: Readonly<Record<Persona, PersonaModel>>;
};

const ms = (v: number | string): number => durationMs(v) ?? 0;

/** Checks the references of a validated playbook and builds its model. */
export function compilePlaybook(
  doc: PlaybookDoc,
  source: SourceFile,
): { playbook: PlaybookModel | null; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const stepLines = new Map<string, number>();
  doc.steps.forEach((st, i) => {
    const first = stepLines.get(st.id);
    if (first !== undefined)
      diags.push(diagAt(source, ['steps', i, 'id'], 'error', 'duplicateId', { id: st.id, line: String(first) }));
    else stepLines.set(st.id, positionOf(source, ['steps', i, 'id']).line);
  });
  const stepIds = new Set(stepLines.keys());
  doc.steps.forEach((st, i) =>
    (st.after ?? []).forEach((a, j) => {
      if (!stepIds.has(a)) diags.push(diagAt(source, ['steps', i, 'after', j], 'error', 'undeclaredStep', { name: a }));
    }),
  );
  diags.push(...afterCycles(source, doc.steps));
  const w = doc.weights;
  if (!(w.process + w.diagnosis + w.calmness + (w.resolution ?? 0) > 0))
    diags.push(diagAt(source, ['weights'], 'error', 'weightsZero'));
  checkDurations(source, doc, diags);
  const symbols = {
    ...emptySymbols(),
    steps: stepIds,
    vars: new Set(['anger', 'patience']),
    choices: new Set(doc.lines.map((l) => l.id)),
  };
  doc.lines.forEach((line, i) => {
    if (!line.if) return;
    const r = compileCondition(line.if, symbols);
    if (!r.ok) for (const e of r.errors) diags.push(conditionDiag(source, ['lines', i, 'if'], e));
  });
  if (diags.some((dg) => dg.severity === 'error')) return { playbook: null, diags };
  return { playbook: buildPlaybook(doc, source), diags };
}

/**
 * Steps that must come after themselves (`after` naming the step, or a cycle of `after`), each
 * reported at the `after` entry that closes the loop (the steps of a file, under `steps:`).
 */
export function afterCycles(source: SourceFile, steps: readonly StepDoc[]): Diagnostic[] {
  const index = new Map<string, number>();
  steps.forEach((st, i) => index.has(st.id) || index.set(st.id, i));
  const out: Diagnostic[] = [];
  // Depth-first, by hand (no recursion): 0 unseen, 1 on the current path, 2 done.
  const state = new Array<number>(steps.length).fill(0);
  for (let root = 0; root < steps.length; root++) {
    if (state[root] !== 0) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [i, j] = top;
      const next = steps[i]!.after?.[j];
      if (next === undefined) {
        state[i] = 2;
        stack.pop();
        continue;
      }
      top[1]++;
      const k = index.get(next);
      if (k === undefined) continue;
      if (state[k] === 0) {
        state[k] = 1;
        stack.push([k, 0]);
      } else if (state[k] === 1) {
        const at = ['steps', i, 'after', j];
        const from = stack.findIndex(([s]) => s === k);
        const cycle = [...stack.slice(from).map(([s]) => steps[s]!.id), next].join(' → ');
        out.push(
          k === i
            ? diagAt(source, at, 'error', 'stepAfterItself', { id: next })
            : diagAt(source, at, 'error', 'stepCycle', { id: steps[i]!.id, cycle }),
        );
      }
    }
  }
  return out;
}

function checkDurations(source: SourceFile, doc: PlaybookDoc, diags: Diagnostic[]): void {
  const check = (path: (string | number)[], v: number | string): void => {
    const { diag } = checkedDuration(source, path, v);
    if (diag) diags.push(diag);
  };
  check(['hold', 'checkInEvery'], doc.hold.checkInEvery);
  check(['calmness', 'deadAirGrace'], doc.calmness.deadAirGrace);
  if (doc.pace) for (const k of ['base', 'perLine', 'max'] as const) check(['pace', 'reading', k], doc.pace.reading[k]);
  check(['calmness', 'transparencyWithin'], doc.calmness.transparencyWithin);
  for (const p of PERSONAS) {
    check(['personas', p, 'deadAir', 'after'], doc.personas[p].deadAir.after);
    check(['personas', p, 'deadAir', 'every'], doc.personas[p].deadAir.every);
    check(['personas', p, 'unexplainedWait', 'after'], doc.personas[p].unexplainedWait.after);
  }
}

function buildPlaybook(doc: PlaybookDoc, source: SourceFile): PlaybookModel {
  const personas = {} as Record<Persona, PersonaModel>;
  for (const p of PERSONAS) {
    const pd = doc.personas[p];
    const tones: Partial<Record<Tone, { anger: number; patience: number }>> = {};
    for (const t of TONES) {
      const r = pd.tones[t];
      if (r) tones[t] = { anger: r.anger ?? 0, patience: r.patience ?? 0 };
    }
    personas[p] = {
      deadAirAfter: ms(pd.deadAir.after),
      deadAirEvery: Math.max(1000, ms(pd.deadAir.every)),
      deadAirAnger: pd.deadAir.anger,
      deadAirPatience: pd.deadAir.patience,
      unexplainedAfter: ms(pd.unexplainedWait.after),
      unexplainedAnger: pd.unexplainedWait.anger,
      tones,
    };
  }
  const scoring: ScoringModel = {
    passScore: doc.passScore,
    weights: { ...doc.weights, resolution: doc.weights.resolution ?? 0 },
    outcomes: { resolved: 1, escalated: 1, left: 1, needless: 0, lost: 0, ...doc.outcomes },
    lostFactor: doc.lostFactor,
    holdWeight: doc.hold.weight,
    checkInEvery: ms(doc.hold.checkInEvery),
    ticketWeight: doc.ticketNotes.weight,
    orderWeight: doc.filterOrder?.weight ?? 0,
    ticket: {
      categories: Object.keys(doc.ticketNotes.categories ?? {}),
      priorities: Object.keys(doc.ticketNotes.priorities ?? {}),
    },
    fatal: doc.fatal.map((f) => ({
      id: f.id,
      key: `${PLAYBOOK_NS}:fatal.${f.id}`,
      tone: f.tone ?? null,
      event: f.event ?? null,
      accountBefore: f.accountBefore ?? null,
    })),
    calm: {
      anger: doc.calmness.anger,
      tone: doc.calmness.tone,
      deadAir: doc.calmness.deadAir,
      transparency: doc.calmness.transparency,
      rageClicks: doc.calmness.rageClicks,
      empathy: doc.calmness.empathy ?? 0,
      empathyLines: doc.calmness.empathyLines ?? 2,
    },
    deadAirGrace: ms(doc.calmness.deadAirGrace),
    transparencyWithin: ms(doc.calmness.transparencyWithin),
    longWait: LONG_WAIT,
    reading: {
      base: ms(doc.pace?.reading.base ?? 0),
      perLine: ms(doc.pace?.reading.perLine ?? 0),
      max: ms(doc.pace?.reading.max ?? 0),
    },
  };
  return { doc, source, steps: doc.steps, scoring, personas };
}

/** The playbook's texts by i18n key (its source-language namespace), with where they stand. */
export function playbookTexts(doc: PlaybookDoc): TextEntry[] {
  const out: TextEntry[] = [
    { key: 'hold', text: doc.hold.label, path: ['hold', 'label'] },
    { key: 'ticketNotes', text: doc.ticketNotes.label, path: ['ticketNotes', 'label'] },
  ];
  if (doc.filterOrder) out.push({ key: 'filterOrder', text: doc.filterOrder.label, path: ['filterOrder', 'label'] });
  for (const part of ['categories', 'priorities'] as const)
    for (const [id, text] of Object.entries(doc.ticketNotes[part] ?? {}))
      out.push({ key: `ticket.${part}.${id}`, text, path: ['ticketNotes', part, id] });
  doc.steps.forEach((s, i) => out.push({ key: `steps.${s.id}`, text: s.label, path: ['steps', i, 'label'] }));
  doc.fatal.forEach((f, i) => out.push({ key: `fatal.${f.id}`, text: f.label, path: ['fatal', i, 'label'] }));
  doc.lines.forEach((l, i) => {
    out.push({ key: `lines.${l.id}.text`, text: l.text, path: ['lines', i, 'text'] });
    if (l.coach) out.push({ key: `lines.${l.id}.coach`, text: l.coach, path: ['lines', i, 'coach'] });
  });
  return out;
}
