// The Studio's status line, off the page's thread: the analyser's verdict on the draft. The page
// ends this worker and starts a new one on each edit, so a long search never holds up the next.
import './no-eval.ts';
import { analyze, type Analysis } from '../analysis/analyze.ts';
import type { SizeReport } from '../analysis/size-report.ts';
import { playbookFromBytes, scenarioFromBytes } from '../content/from-bytes.ts';
import { draftFiles, type DraftTexts } from './check.ts';

export type AnalyseRequest = {
  readonly playbook: { readonly file: string; readonly text: string };
  readonly draft: DraftTexts;
};

/** An ending's best and worst totals, and whether its best play wins the call. */
export type EndingScore = {
  readonly ending: string;
  readonly best: number;
  readonly worst: number;
  readonly passes: boolean;
};

/** What the status line shows; `compiles` false when the call has errors that stop the analysis. */
export type Verdict =
  | { readonly compiles: false }
  | {
      readonly compiles: true;
      readonly winnable: boolean;
      readonly bestScore: number;
      readonly states: number;
      /** The search stopped at a cap: the best score and the endings are "at least". */
      readonly capped: boolean;
      /** What multiplies the states (given when the search stopped at a cap). */
      readonly size: SizeReport | null;
      readonly endings: readonly EndingScore[];
      readonly unreachableNodes: readonly string[];
    };

self.onmessage = (e: MessageEvent<AnalyseRequest>) => {
  const { playbook: p, draft } = e.data;
  const enc = new TextEncoder();
  const pb = playbookFromBytes(p.file, enc.encode(p.text)).playbook;
  const loaded = pb && scenarioFromBytes(draftFiles(draft).yaml, enc.encode(draft.yaml), {}, pb);
  if (!loaded?.model) return post({ compiles: false });
  post(verdictOf(analyze(loaded.model)));
};

/** The verdict from an analysis; per-ending scores are read from it when the analyser gives them. */
export function verdictOf(a: Analysis): Verdict {
  return {
    compiles: true,
    winnable: a.winnable,
    bestScore: a.bestScore,
    states: a.states,
    capped: a.truncated || a.bestIs === 'atLeast',
    size: a.size ?? null,
    endings: a.endingScores.map((e) => ({ ending: e.ending, best: e.best, worst: e.worst, passes: e.passes })),
    unreachableNodes: a.unreachableNodes,
  };
}

function post(v: Verdict): void {
  (self as unknown as { postMessage: (m: Verdict) => void }).postMessage(v);
}
