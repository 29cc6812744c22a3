// One call analysed into plain data (JSON-able: no Map, no class, no function): what the
// Studio's worker posts to its page and what `scenarios:analyze --json` prints. Pure and
// browser-safe.
import type { PlaybookModel } from '../content/playbook.ts';
import type { ScenarioDoc } from '../content/schema.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { analyze, type Analysis, type AnalyzeOptions, type CauseAnalysis, type EndingScore } from './analyze.ts';
import type { SizeItem, SizeReport } from './size-report.ts';
import { sourceLines, type SourceLines } from './source-lines.ts';
import { lineLengths, STRATEGIES, type StrategyReport, type StrategyResult } from './strategies.ts';

export type CallReportOptions = Omit<AnalyzeOptions, 'strategies'> & {
  /** The call's YAML text: the size report's and the endings' places then carry line numbers. */
  readonly text?: string;
  /** Also play the strategies; with `doc`, lines are measured by their texts (as the command line does). */
  readonly strategies?: boolean;
  readonly doc?: ScenarioDoc;
};

/** An ending with the line where its node is written. */
export type LocatedEnding = EndingScore & { readonly line?: number };

export type CallReport = Omit<Analysis, 'bestLog' | 'bestCard' | 'endingScores' | 'strategies' | 'causes'> & {
  readonly endingScores: readonly LocatedEnding[];
  readonly bestCard: {
    readonly total: number;
    readonly process: number;
    readonly diagnosis: number;
    readonly calmness: number;
    readonly outcome: string;
  } | null;
  readonly strategies?: Readonly<Record<string, StrategyResult>>;
  readonly causes?: readonly (Omit<CauseAnalysis, 'strategies'> & {
    readonly strategies?: Readonly<Record<string, StrategyResult>>;
  })[];
};

/**
 * Analyses one compiled call for the Studio (`model` from `checkCall(...).loaded.model`): winnable,
 * the best score and whether it is exact or a lower bound (`bestIs`), the states, each ending's
 * best and lowest score, and what multiplies the states (`size`, always given here).
 */
export function analyzeCall(
  model: ScenarioModel,
  playbook: PlaybookModel | null,
  options: CallReportOptions = {},
): CallReport {
  const { text, doc, strategies, ...opts } = options;
  const measured = strategies && {
    ...(doc && { lineLengths: lineLengths(doc, playbook?.doc) }),
  };
  const a = analyze(model, { explain: true, ...opts, ...(measured && { strategies: measured }) });
  return reportOf(a, text === undefined ? null : sourceLines(text));
}

/** The plain record of an analysis, its places located in the call's text when given. */
export function reportOf(a: Analysis, lines: SourceLines | null): CallReport {
  const { bestLog: _log, bestCard, strategies, endingScores, size, ...rest } = a;
  return {
    ...rest,
    endingScores: endingScores.map((e) => ({ ...e, ...located(lines, 'node', e.node) })),
    ...(size && { size: locate(size, lines) }),
    bestCard: bestCard && {
      total: bestCard.total,
      process: bestCard.process,
      diagnosis: bestCard.diagnosis.score,
      calmness: bestCard.calmness,
      outcome: bestCard.outcome,
    },
    ...(rest.causes && {
      causes: rest.causes.map(({ strategies: st, ...c }) => ({ ...c, ...(st && { strategies: strategiesJson(st) }) })),
    }),
    ...(strategies && { strategies: strategiesJson(strategies) }),
  };
}

/** The strategies' record: `{ <name>: { score, outcome, passed, applicable } }`. */
function strategiesJson(report: StrategyReport): Record<string, StrategyResult> {
  return Object.fromEntries(
    STRATEGIES.map((name) => {
      const { score, outcome, passed, applicable } = report[name];
      return [name, { score, outcome, passed, applicable }];
    }),
  );
}

function located(lines: SourceLines | null, kind: SizeItem['ref']['kind'], id: string): { line?: number } {
  const line = lines?.lineOf(kind, id);
  return line === undefined ? {} : { line };
}

/** The size report with every place's line number, as plain objects. */
function locate(size: SizeReport, lines: SourceLines | null): SizeReport {
  const item = (x: SizeItem): SizeItem => ({
    ...x,
    ref: { ...x.ref, ...located(lines, x.ref.kind, x.ref.id) },
    by: x.by.map((r) => ({ ...r, ...located(lines, r.kind, r.id) })),
  });
  return { ...size, nodes: size.nodes.map(item), facts: size.facts.map(item), lines: size.lines.map(item) };
}
