// Scenario document → ScenarioModel: every reference resolved and checked, every problem placed.
import { compileCondition, suggest, type CompiledCondition, type Symbols } from '../engine/condition.ts';
import {
  ANGER,
  PERSONA_FIGURE,
  TOOL_IDS,
  type ChoiceModel,
  type EffectsModel,
  type NodeModel,
  type ScenarioModel,
  type StepModel,
  type ToolModel,
  type Tone,
  type UtteranceModel,
} from '../engine/model.ts';
import { durationMs, rangeMs, speakingMs } from './durations.ts';
import { figureOf, resolvePortrait } from '../engine/portrait.ts';
import { checkedDuration, rangeTooLong } from './limits.ts';
import { afterCycles, PLAYBOOK_NS, type PlaybookModel } from './playbook.ts';
import type { ChoiceDoc, ScenarioDoc, ToolConfigDoc } from './schema.ts';
import { diagAt, positionOf, type Diagnostic, type PathPart, type SourceFile } from './source.ts';
import { conditionDiag } from './symbols.ts';

const DEFAULT_LATENCY: Record<string, readonly [number, number]> = {
  crm: [2000, 4000],
  line_test: [30000, 60000],
  kb: [3000, 5000],
  ticket: [3000, 5000],
  remote: [10000, 20000],
  escalation: [5000, 8000],
  supervisor: [20000, 40000],
};
const DEFAULT_MAX_DURATION = 20 * 60_000;
const DEFAULT_CRASH_AFTER = 2000;
const VAR_MIN = 0;
const VAR_MAX = 10;

type Ctx = {
  readonly doc: ScenarioDoc;
  readonly source: SourceFile;
  readonly pb: PlaybookModel;
  readonly symbols: Symbols;
  readonly diags: Diagnostic[];
  readonly ns: string;
  readonly steps: readonly StepModel[];
  readonly stepIndex: ReadonlyMap<string, number>;
  readonly varIndex: ReadonlyMap<string, number>;
  readonly factIndex: ReadonlyMap<string, number>;
  readonly nodeIndex: ReadonlyMap<string, number>;
  readonly diagIndex: ReadonlyMap<string, number>;
};

const indexOf = (ids: readonly string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));

/** Compiles a validated scenario against the playbook. The model is null when any error is found. */
export function compileScenario(
  doc: ScenarioDoc,
  source: SourceFile,
  pb: PlaybookModel,
): { model: ScenarioModel | null; diags: Diagnostic[] } {
  const diags: Diagnostic[] = [];
  const ns = doc.id;
  const customVars = Object.keys(doc.customer.vars ?? {}).filter((v) => v !== 'anger' && v !== 'patience');
  const varNames = ['anger', 'patience', ...customVars];
  const skip = new Set(doc.skipSteps ?? []);
  (doc.skipSteps ?? []).forEach((s, i) => {
    if (!pb.steps.some((p) => p.id === s))
      diags.push(
        unknownRef(
          source,
          ['skipSteps', i],
          'undeclaredStep',
          s,
          pb.steps.map((p) => p.id),
        ),
      );
  });
  const stepDocs = [...pb.steps.filter((s) => !skip.has(s.id)), ...(doc.steps ?? [])];
  const stepIndex = indexOf(stepDocs.map((s) => s.id));
  (doc.steps ?? []).forEach((s, i) => {
    if (pb.steps.some((p) => p.id === s.id))
      diags.push(
        diagAt(source, ['steps', i, 'id'], 'error', 'duplicateId', { id: s.id, where: 'playbook', line: 'playbook' }),
      );
  });
  const steps: StepModel[] = stepDocs.map((s, i) => ({
    id: s.id,
    phase: s.phase,
    weight: s.weight,
    fatalIfEarly: s.fatalIfEarly ?? false,
    required: s.required ?? true,
    resolves: s.resolves ?? false,
    key: i < stepDocs.length - (doc.steps?.length ?? 0) ? `${PLAYBOOK_NS}:steps.${s.id}` : `${ns}:steps.${s.id}`,
    after: (s.after ?? []).map((a) => stepIndex.get(a)).filter((a): a is number => a !== undefined),
  }));
  const facts = Object.keys(doc.facts ?? {});
  const nodes = Object.keys(doc.nodes);
  const diagnoses = Object.keys(doc.diagnoses);
  const causes = Object.keys(doc.causes ?? {});
  const choiceIds = [
    ...nodes.flatMap((n) => (doc.nodes[n]!.choices ?? []).map((c) => c.id)),
    ...pb.doc.lines.map((l) => l.id),
  ];
  const symbols: Symbols = {
    vars: new Set(varNames),
    facts: new Set(facts),
    steps: new Set(stepIndex.keys()),
    choices: new Set(choiceIds),
    nodes: new Set(nodes),
    diagnoses: new Set(diagnoses),
    tools: new Set(TOOL_IDS),
    causes: new Set(causes),
  };
  const ctx: Ctx = {
    doc,
    source,
    pb,
    symbols,
    diags,
    ns,
    steps,
    stepIndex,
    varIndex: indexOf(varNames),
    factIndex: indexOf(facts),
    nodeIndex: indexOf(nodes),
    diagIndex: indexOf(diagnoses),
  };
  checkHeader(ctx);
  checkDuplicateChoices(ctx);
  const choices: ChoiceModel[] = [];
  const nodeModels: NodeModel[] = nodes.map((id, n) => compileNode(ctx, id, n, choices));
  const generic = pb.doc.lines.map((line) => {
    choices.push(compileChoice(ctx, line as ChoiceDoc, -1, null, `${PLAYBOOK_NS}:lines.${line.id}`));
    return choices.length - 1;
  });
  const tools = TOOL_IDS.map((id) => compileTool(ctx, id, doc.tools?.[id]));
  const vars = compileVars(ctx, varNames);
  const evidence = diagnoses.map((id) => condition(ctx, ['diagnoses', id, 'evidence'], doc.diagnoses[id]!.evidence));
  // A node with no line to say and no end: the call would stop there until the customer hangs up.
  for (const n of nodeModels)
    if (n.choices.length === 0 && !n.end && n.id !== doc.onHangUp)
      diags.push(diagAt(source, ['nodes'], 'error', 'deadEnd', { node: n.id }, n.id));
  if (diags.some((dg) => dg.severity === 'error')) return { model: null, diags };
  const model: ScenarioModel = {
    id: doc.id,
    persona: doc.persona,
    ...portraitOf(doc),
    causes,
    difficulty: doc.difficulty,
    timeScale: doc.timeScale ?? 1,
    ns,
    maxDuration:
      doc.maxDuration !== undefined ? (durationMs(doc.maxDuration) ?? DEFAULT_MAX_DURATION) : DEFAULT_MAX_DURATION,
    varNames,
    ...vars,
    facts,
    steps,
    tools,
    nodes: nodeModels,
    choices,
    generic,
    scoredSteps: steps.flatMap((st, i) => (st.required && st.weight > 0 ? [i] : [])),
    ticketStep: tools[TOOL_IDS.indexOf('ticket')]?.step ?? -1,
    resolveStep: steps.findIndex((st) => st.resolves),
    diagnoses: diagnoses.map((id, i) => ({
      id,
      key: `${ns}:diagnoses.${id}`,
      correct: doc.diagnoses[id]!.correct ?? false,
      cause: causes.indexOf(doc.diagnoses[id]!.cause ?? ''),
      evidence: evidence[i] ?? null,
    })),
    parDiagnosis: durationMs(doc.par.diagnosis) ?? 0,
    ticketNotes: (doc.ticket?.notes ?? []).map((f) => ctx.factIndex.get(f)!),
    ticketNote: facts.map((f) => (doc.ticket?.notes ?? []).includes(f)),
    ticketNotesByCause: causes.map((c) =>
      (doc.ticket?.byCause?.[c] ?? []).flatMap((f) => (ctx.factIndex.has(f) ? [ctx.factIndex.get(f)!] : [])),
    ),
    ticketUnconfirmed: (doc.ticket?.unconfirmed ?? []).map((f) => ctx.factIndex.get(f)!),
    ticketClass:
      doc.ticket?.category && doc.ticket.priority
        ? { category: doc.ticket.category, priority: doc.ticket.priority }
        : null,
    start: ctx.nodeIndex.get(doc.start)!,
    onHangUp: doc.onHangUp ? ctx.nodeIndex.get(doc.onHangUp)! : -1,
    persona_: pb.personas[doc.persona],
    scoring: pb.scoring,
    index: {
      vars: ctx.varIndex,
      facts: ctx.factIndex,
      steps: stepIndex,
      tools: indexOf(TOOL_IDS),
      nodes: ctx.nodeIndex,
      choices: indexOf(choices.map((c) => c.id)),
      diagnoses: ctx.diagIndex,
    },
  };
  return { model, diags };
}

function unknownRef(
  source: SourceFile,
  path: readonly PathPart[],
  code: string,
  name: string,
  known: Iterable<string>,
  key?: string,
): Diagnostic {
  const s = suggest(name, known);
  return diagAt(source, path, 'error', s ? `${code}Suggest` : code, { name, suggestion: s ?? '' }, key);
}

function checkHeader(ctx: Ctx): void {
  const { doc, source, diags } = ctx;
  const base = source.file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  if (doc.id !== base) diags.push(diagAt(source, ['id'], 'error', 'idMismatch', { id: doc.id, file: base }));
  if (!ctx.nodeIndex.has(doc.start))
    diags.push(unknownRef(source, ['start'], 'gotoMissing', doc.start, ctx.symbols.nodes));
  if (doc.onHangUp && !ctx.nodeIndex.has(doc.onHangUp))
    diags.push(unknownRef(source, ['onHangUp'], 'gotoMissing', doc.onHangUp, ctx.symbols.nodes));
  if (!Object.values(doc.diagnoses).some((dg) => dg.correct))
    diags.push(diagAt(source, ['diagnoses'], 'error', 'noCorrectDiagnosis'));
  const causes = Object.keys(doc.causes ?? {});
  let strayCause = false;
  for (const [id, dg] of Object.entries(doc.diagnoses))
    if (dg.cause !== undefined && !causes.includes(dg.cause)) {
      diags.push(unknownRef(source, ['diagnoses', id, 'cause'], 'undeclaredCause', dg.cause, causes));
      strayCause = true;
    }
  // Each cause needs its right diagnosis: one marked correct for it, or correct whatever the cause
  // (not said again when a diagnosis names a cause that does not exist: that is the error).
  if (!strayCause)
    for (const c of causes)
      if (!Object.values(doc.diagnoses).some((dg) => dg.correct && (dg.cause === undefined || dg.cause === c)))
        diags.push(diagAt(source, ['causes', c], 'error', 'causeWithoutDiagnosis', { name: c }));
  for (const [c, notes] of Object.entries(doc.ticket?.byCause ?? {})) {
    if (!causes.includes(c)) diags.push(unknownRef(source, ['ticket', 'byCause', c], 'undeclaredCause', c, causes));
    notes.forEach((f, i) => {
      if (!ctx.factIndex.has(f))
        diags.push(unknownRef(source, ['ticket', 'byCause', c, i], 'undeclaredFact', f, ctx.symbols.facts));
    });
  }
  (doc.ticket?.notes ?? []).forEach((f, i) => {
    if (!ctx.factIndex.has(f))
      diags.push(unknownRef(source, ['ticket', 'notes', i], 'undeclaredFact', f, ctx.symbols.facts));
  });
  (doc.ticket?.unconfirmed ?? []).forEach((f, i) => {
    if (!ctx.factIndex.has(f))
      diags.push(unknownRef(source, ['ticket', 'unconfirmed', i], 'undeclaredFact', f, ctx.symbols.facts));
    else if (doc.ticket?.notes.includes(f))
      diags.push(diagAt(source, ['ticket', 'unconfirmed', i], 'error', 'unconfirmedNoted', { name: f }));
  });
  const t = ctx.pb.scoring.ticket;
  if (doc.ticket?.category !== undefined && !t.categories.includes(doc.ticket.category))
    diags.push(unknownRef(source, ['ticket', 'category'], 'undeclaredCategory', doc.ticket.category, t.categories));
  if (doc.ticket?.priority !== undefined && !t.priorities.includes(doc.ticket.priority))
    diags.push(unknownRef(source, ['ticket', 'priority'], 'undeclaredPriority', doc.ticket.priority, t.priorities));
  if ((doc.ticket?.category === undefined) !== (doc.ticket?.priority === undefined))
    diags.push(diagAt(source, ['ticket'], 'error', 'classHalf'));
  checkDuration(ctx, ['par', 'diagnosis'], doc.par.diagnosis, true);
  if (doc.maxDuration !== undefined) checkDuration(ctx, ['maxDuration'], doc.maxDuration, true);
  (doc.steps ?? []).forEach((s, i) =>
    (s.after ?? []).forEach((a, j) => {
      if (!ctx.stepIndex.has(a))
        diags.push(unknownRef(source, ['steps', i, 'after', j], 'undeclaredStep', a, ctx.symbols.steps));
    }),
  );
  diags.push(...afterCycles(source, doc.steps ?? []));
}

function checkDuration(ctx: Ctx, path: PathPart[], v: number | string, positive = false): number {
  const { ms, diag } = checkedDuration(ctx.source, path, v, positive);
  if (diag) ctx.diags.push(diag);
  return ms;
}

function checkDuplicateChoices(ctx: Ctx): void {
  // The first one's path, not its line: finding a position costs a walk, paid only for a duplicate.
  const seen = new Map<string, PathPart[]>();
  const generic = new Set(ctx.pb.doc.lines.map((l) => l.id));
  for (const [node, nd] of Object.entries(ctx.doc.nodes)) {
    (nd.choices ?? []).forEach((c, i) => {
      const first = seen.get(c.id);
      const path = ['nodes', node, 'choices', i, 'id'];
      if (first !== undefined)
        ctx.diags.push(
          diagAt(ctx.source, path, 'error', 'duplicateId', {
            id: c.id,
            line: String(positionOf(ctx.source, first).line),
          }),
        );
      else if (generic.has(c.id))
        ctx.diags.push(diagAt(ctx.source, path, 'error', 'duplicateId', { id: c.id, line: 'playbook' }));
      else seen.set(c.id, path);
    });
  }
}

function condition(ctx: Ctx, path: PathPart[], text: string | undefined): CompiledCondition | null {
  if (text === undefined) return null;
  const r = compileCondition(text, ctx.symbols);
  if (r.ok) return r.value;
  for (const e of r.errors) ctx.diags.push(conditionDiag(ctx.source, path, e));
  return null;
}

type VarFx = {
  set?: Record<string, number> | undefined;
  add?: Record<string, number> | undefined;
  learn?: string[] | undefined;
};

function effects(ctx: Ctx, path: PathPart[], fx: VarFx | undefined): EffectsModel {
  const vars = (kind: 'set' | 'add'): [number, number][] =>
    Object.entries(fx?.[kind] ?? {}).flatMap(([name, value]) => {
      const v = ctx.varIndex.get(name);
      if (v === undefined) {
        ctx.diags.push(unknownRef(ctx.source, [...path, kind], 'undeclaredVar', name, ctx.symbols.vars, name));
        return [];
      }
      return [[v, value]];
    });
  const learn = (fx?.learn ?? []).flatMap((f, i) => {
    const idx = ctx.factIndex.get(f);
    if (idx === undefined)
      ctx.diags.push(unknownRef(ctx.source, [...path, 'learn', i], 'undeclaredFact', f, ctx.symbols.facts));
    return idx === undefined ? [] : [idx];
  });
  return { set: vars('set'), add: vars('add'), learn };
}

function compileNode(ctx: Ctx, id: string, n: number, choices: ChoiceModel[]): NodeModel {
  const nd = ctx.doc.nodes[id]!;
  const path: PathPart[] = ['nodes', id];
  let customer: UtteranceModel[] = [];
  if (typeof nd.customer === 'string') {
    customer = [
      { id: 'customer', key: `${ctx.ns}:nodes.${id}.customer`, cond: null, duration: speakingMs(nd.customer) },
    ];
  } else if (nd.customer) {
    customer = variants(ctx, nd.customer, [...path, 'customer'], `${ctx.ns}:variants.${id}`);
  }
  const idx = (nd.choices ?? []).map((c, i) => {
    choices.push(compileChoice(ctx, c, n, [...path, 'choices', i], `${ctx.ns}:choices.${c.id}`));
    return choices.length - 1;
  });
  return { id, customer, enter: effects(ctx, [...path, 'enter'], nd.enter), choices: idx, end: nd.end ?? null };
}

/** An id met again in one list (variants, tool results) is reported with the line of the first. */
function uniqueId(ctx: Ctx, seen: Map<string, PathPart[]>, id: string, idPath: PathPart[]): void {
  const first = seen.get(id);
  if (first !== undefined)
    ctx.diags.push(
      diagAt(ctx.source, idPath, 'error', 'duplicateId', { id, line: String(positionOf(ctx.source, first).line) }),
    );
  else seen.set(id, idPath);
}

/** A line said in variants (by mood…): the first whose condition holds is said. Ids unique among them. */
function variants(
  ctx: Ctx,
  list: readonly { id: string; if?: string | undefined; text: string }[],
  path: PathPart[],
  keyBase: string,
): UtteranceModel[] {
  const seen = new Map<string, PathPart[]>();
  return list.map((v, i) => {
    uniqueId(ctx, seen, v.id, [...path, i, 'id']);
    return {
      id: v.id,
      key: `${keyBase}.${v.id}`,
      cond: condition(ctx, [...path, i, 'if'], v.if),
      duration: speakingMs(v.text),
    };
  });
}

function compileChoice(ctx: Ctx, c: ChoiceDoc, node: number, path: PathPart[] | null, key: string): ChoiceModel {
  // Playbook lines were checked with the playbook; their problems are reported there.
  const sub = ctx.diags.length;
  const p = path ?? ['nodes'];
  const stepIds = c.step === undefined ? [] : Array.isArray(c.step) ? c.step : [c.step];
  const steps = stepIds.flatMap((s, i) => {
    const idx = ctx.stepIndex.get(s);
    if (idx === undefined)
      ctx.diags.push(
        unknownRef(
          ctx.source,
          [...p, 'step', ...(Array.isArray(c.step) ? [i] : [])],
          'undeclaredStep',
          s,
          ctx.symbols.steps,
        ),
      );
    return idx === undefined ? [] : [idx];
  });
  const then = c.then;
  let goto = -1;
  if (then?.goto !== undefined) {
    goto = ctx.nodeIndex.get(then.goto) ?? -1;
    if (goto < 0)
      ctx.diags.push(unknownRef(ctx.source, [...p, 'then', 'goto'], 'gotoMissing', then.goto, ctx.symbols.nodes));
  }
  let diagnose = -1;
  if (then?.diagnose !== undefined) {
    diagnose = ctx.diagIndex.get(then.diagnose) ?? -1;
    if (diagnose < 0)
      ctx.diags.push(
        unknownRef(ctx.source, [...p, 'then', 'diagnose'], 'undeclaredDiagnosis', then.diagnose, ctx.symbols.diagnoses),
      );
  }
  if (c.critical !== undefined && !ctx.pb.scoring.fatal.some((f) => f.id === c.critical))
    ctx.diags.push(
      unknownRef(
        ctx.source,
        [...p, 'critical'],
        'undeclaredCritical',
        c.critical,
        ctx.pb.scoring.fatal.map((f) => f.id),
      ),
    );
  const tones: Tone[] = c.tone === undefined ? ['neutral'] : Array.isArray(c.tone) ? c.tone : [c.tone];
  const cond = condition(ctx, [...p, 'if'], c.if);
  const model: ChoiceModel = {
    id: c.id,
    key: `${key}.text`,
    node,
    steps,
    tones,
    cond,
    explains: tones.includes('transparent') ? toolsNamed(cond) : [],
    once: c.once ?? goto < 0,
    duration: c.duration !== undefined ? checkDuration(ctx, [...p, 'duration'], c.duration) : speakingMs(c.text),
    reply:
      c.reply === undefined
        ? null
        : typeof c.reply === 'string'
          ? [{ id: 'reply', key: `${key}.reply`, cond: null, duration: speakingMs(c.reply) }]
          : variants(ctx, c.reply, [...p, 'reply'], `${ctx.ns}:replies.${c.id}`),
    coachKey: c.coach ? `${key}.coach` : null,
    effects: effects(ctx, [...p, 'then'], then),
    diagnose,
    goto,
    end: then?.end ?? null,
    critical: c.critical ?? null,
    account: c.account ?? false,
    rank: c.rank ?? 0,
  };
  if (!path) ctx.diags.length = sub;
  return model;
}

/** The tools a condition names (`any`: all of them), as indices. */
function toolsNamed(cond: CompiledCondition | null): number[] {
  const named = cond?.reads.tools ?? [];
  if (named.includes('any')) return TOOL_IDS.map((_, i) => i);
  return TOOL_IDS.flatMap((t, i) => (named.includes(t) ? [i] : []));
}

/** A duration range as the trainer wrote it (no JSON quotes around a plain "2m..1m"). */
const rangeText = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

function compileTool(ctx: Ctx, id: (typeof TOOL_IDS)[number], cfg: ToolConfigDoc | undefined): ToolModel {
  const path: PathPart[] = ['tools', id];
  let latency = DEFAULT_LATENCY[id] ?? [3000, 3000];
  if (cfg?.latency !== undefined) {
    const r = rangeMs(cfg.latency);
    if (!r)
      ctx.diags.push(
        diagAt(ctx.source, [...path, 'latency'], 'error', 'badDuration', {
          value: rangeText(cfg.latency),
          path: `tools.${id}.latency`,
        }),
      );
    else {
      const long = rangeTooLong(ctx.source, [...path, 'latency'], rangeText(cfg.latency), r);
      if (long) ctx.diags.push(long);
      latency = r;
    }
  }
  const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const crashDocs = list(cfg?.crash);
  const freezeDocs = list(cfg?.freeze);
  const faultPath = (kind: string, i: number, multi: boolean): PathPart[] => [...path, kind, ...(multi ? [i] : [])];
  const crashes = crashDocs.map((c, i) => {
    const fp = faultPath('crash', i, Array.isArray(cfg?.crash));
    if (c.onUse === undefined && c.at === undefined)
      ctx.diags.push(diagAt(ctx.source, fp, 'error', 'faultNoTrigger', { tool: id }));
    return {
      onUse: c.onUse ?? -1,
      at: c.at !== undefined ? checkDuration(ctx, [...fp, 'at'], c.at) : -1,
      after: c.after !== undefined ? checkDuration(ctx, [...fp, 'after'], c.after) : DEFAULT_CRASH_AFTER,
      restart: checkDuration(ctx, [...fp, 'restart'], c.restart),
    };
  });
  const freezes = freezeDocs.map((f, i) => {
    const fp = faultPath('freeze', i, Array.isArray(cfg?.freeze));
    if (f.onUse === undefined && f.at === undefined)
      ctx.diags.push(diagAt(ctx.source, fp, 'error', 'faultNoTrigger', { tool: id }));
    const r = rangeMs(f.for);
    const long = r && rangeTooLong(ctx.source, [...fp, 'for'], rangeText(f.for), r);
    if (!r)
      ctx.diags.push(
        diagAt(ctx.source, [...fp, 'for'], 'error', 'badDuration', {
          value: rangeText(f.for),
          path: [...fp, 'for'].join('.'),
        }),
      );
    else if (long) ctx.diags.push(long);
    return {
      onUse: f.onUse ?? -1,
      at: f.at !== undefined ? checkDuration(ctx, [...fp, 'at'], f.at) : -1,
      min: r?.[0] ?? 0,
      max: r?.[1] ?? 0,
    };
  });
  const seen = new Map<string, PathPart[]>();
  const outcomes = (cfg?.outcomes ?? []).map((o, i) => {
    uniqueId(ctx, seen, o.id, [...path, 'outcomes', i, 'id']);
    return {
      id: o.id,
      key: `${ctx.ns}:tools.${id}.${o.id}`,
      cond: condition(ctx, [...path, 'outcomes', i, 'if'], o.if),
      effects: effects(ctx, [...path, 'outcomes', i], o),
    };
  });
  const stepId = ctx.steps.findIndex(
    (s) => ctx.pb.steps.concat(ctx.doc.steps ?? []).find((d) => d.id === s.id)?.tool === id,
  );
  return {
    id,
    configured: cfg !== undefined,
    latencyMin: latency[0],
    latencyMax: latency[1],
    crashes,
    freezes,
    outcomes,
    step: stepId,
    timed: [...crashes, ...freezes].filter((f) => f.at >= 0),
  };
}

function compileVars(ctx: Ctx, names: readonly string[]): { varInit: number[]; varMin: number[]; varMax: number[] } {
  const persona = ctx.pb.doc.personas[ctx.doc.persona].vars;
  const decls = ctx.doc.customer.vars ?? {};
  const varInit: number[] = [];
  const varMin: number[] = [];
  const varMax: number[] = [];
  names.forEach((name, i) => {
    const decl = decls[name];
    const base = i === ANGER ? persona.anger : i === 1 ? persona.patience : 0;
    const init = decl === undefined ? base : typeof decl === 'number' ? decl : decl.init;
    const min = typeof decl === 'object' ? (decl.min ?? VAR_MIN) : VAR_MIN;
    const max = typeof decl === 'object' ? (decl.max ?? VAR_MAX) : VAR_MAX;
    if (init < min || init > max)
      ctx.diags.push(
        diagAt(ctx.source, ['customer', 'vars', name], 'error', 'varOutOfRange', {
          name,
          value: String(init),
          min: String(min),
          max: String(max),
        }),
      );
    (varInit.push(init), varMin.push(min), varMax.push(max));
  });
  return { varInit, varMin, varMax };
}

/** The customer's figure and portrait: the call's `portrait:` decides, else `figure:`, else the persona. */
function portraitOf(doc: ScenarioDoc): Pick<ScenarioModel, 'figure' | 'portrait'> {
  const asked = doc.customer.figure ?? PERSONA_FIGURE[doc.persona];
  const portrait = resolvePortrait(doc.persona, asked, doc.customer.portrait);
  return { figure: figureOf(portrait, asked), portrait };
}
