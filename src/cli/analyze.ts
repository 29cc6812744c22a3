// npm run scenarios:analyze [-- --json] [--plays N] [--cap N] [--memory MB] [--jobs N] [files…]: can each call be won, how well, by which path.
import type { Analysis } from '../analysis/analyze.ts';
import { NAIVE, STRATEGIES, type StrategyReport } from '../analysis/strategies.ts';
import { checkerText } from '../content/messages.ts';
import { analyzeFiles, jobCount } from './analyze-pool.ts';
import { cliLang, fileArgs, readPlaybook, scenarioFiles } from './repo.ts';
import { formatDiagnostics } from './format.ts';

function numberFlag(args: readonly string[], flag: string, fallback: number): number {
  const i = args.indexOf(flag);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isFinite(v) && v >= 0 ? v : fallback;
}

/** The strategies' JSON record: `{ <name>: { score, outcome, passed, applicable } }`. */
function strategiesJson(strategies: StrategyReport): Record<string, unknown> {
  return Object.fromEntries(
    STRATEGIES.map((name) => {
      const { score, outcome, passed, applicable } = strategies[name];
      return [name, { score, outcome, passed, applicable }];
    }),
  );
}

/** The JSON record of one call, as documented in the README. */
export function analysisJson(a: Analysis): Record<string, unknown> {
  const { bestLog: _log, bestCard, strategies, causes, ...rest } = a;
  return {
    ...rest,
    ...(causes && {
      causes: causes.map(({ strategies: s, ...c }) => ({ ...c, ...(s && { strategies: strategiesJson(s) }) })),
    }),
    bestCard: bestCard && {
      total: bestCard.total,
      process: bestCard.process,
      diagnosis: bestCard.diagnosis.score,
      calmness: bestCard.calmness,
      outcome: bestCard.outcome,
    },
    ...(strategies && { strategies: strategiesJson(strategies) }),
  };
}

/** The strategies as a compact table: name, score, outcome, passed (random: its best play, and its win rate). */
function strategyTable(report: StrategyReport, t: (k: string) => string): string[] {
  const rows = STRATEGIES.map((name) => {
    const r = report[name];
    if (!r.applicable) return [name, '-', '-', t('strategy.notApplicable')];
    const passed = t(r.passed ? 'strategy.yes' : 'strategy.no');
    const rate = r.winRate === undefined ? '' : ` (${(100 * r.winRate).toFixed(1)}%)`;
    return [name, String(r.score), r.outcome ?? '-', passed + rate];
  });
  const head = ['strategy.name', 'strategy.score', 'strategy.outcome', 'strategy.passed'].map(t);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    '    ' +
    cells
      .map((c, i) => (i === 1 ? c.padStart(width[i]!) : i === cells.length - 1 ? c : c.padEnd(width[i]!)))
      .join('  ');
  return [`  ${t('strategies')}:`, line(head), ...rows.map(line)];
}

/** Why the search stopped early, in words, or nothing. */
function stopped(a: Analysis, t: (k: string, p?: Record<string, string | number>) => string, b: Budgets): string {
  if (a.stoppedBy === 'states') return '  ' + t('truncated', { cap: b.cap });
  if (a.stoppedBy === 'memory') return '  ' + t('stoppedMemory', { mb: b.memoryMb });
  if (a.stoppedBy === 'work') return '  ' + t('stoppedWork');
  return '';
}

type Budgets = { readonly cap: number; readonly memoryMb: number };

function report(a: Analysis, lang: string, budgets: Budgets): string {
  const t = (k: string, p: Record<string, string | number> = {}): string => checkerText(lang, `analyze.${k}`, p);
  const lines = [
    `${a.id}  (${a.persona}, ${t('difficulty')} ${a.difficulty})`,
    `  ${t(a.winnable ? 'winnable' : 'notWinnable')}  ${t('scores', { best: a.bestScore, worst: a.worstScore })}`,
    `  ${t('states', { states: a.states })}${stopped(a, t, budgets)}`,
    `  ${t('random', { plays: a.randomPlays, rate: (100 * a.randomWinRate).toFixed(1) })}  ${Object.entries(
      a.randomOutcomes,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}${a.randomStoppedBy ? '  ' + t('randomStopped', { plays: a.randomPlays }) : ''}`,
    `  ${t('endings')}: ${a.endings.join(', ') || '-'}`,
    `  ${t('bestPath')}: ${a.bestPath.join(' → ') || '-'}`,
  ];
  const list = (key: string, items: readonly string[]): void => {
    if (items.length) lines.push(`  ${t(key)}: ${items.join(', ')}`);
  };
  list('unreachableNodes', a.unreachableNodes);
  list('neverOffered', a.neverOfferedChoices);
  list('stepsNeverDone', a.stepsNeverDone);
  list('softLocks', a.softLocks);
  for (const c of a.causes ?? []) {
    const naive = c.strategies ? Math.max(...NAIVE.map((n) => c.strategies![n].score ?? 0)) : null;
    lines.push(
      `  ${t('cause', { cause: c.cause, seed: c.seed })}: ${t(c.winnable ? 'winnable' : 'notWinnable')}, ${t('causeBest', { best: c.bestScore })}${naive === null ? '' : ', ' + t('causeNaive', { naive })}`,
    );
  }
  if (a.strategies) lines.push(...strategyTable(a.strategies, t));
  return lines.join('\n');
}

async function main(args: string[]): Promise<number> {
  const lang = cliLang(args);
  const json = args.includes('--json');
  const plays = numberFlag(args, '--plays', 2000);
  const cap = numberFlag(args, '--cap', 200_000);
  const memoryMb = numberFlag(args, '--memory', 256);
  const jobs = args.includes('--jobs') ? numberFlag(args, '--jobs', 0) : null;
  const pb = readPlaybook();
  if (!pb.playbook) {
    process.stderr.write(formatDiagnostics(pb.diags, lang));
    return 1;
  }
  const given = fileArgs(args, ['--lang', '--plays', '--cap', '--memory', '--jobs']);
  const files = given.length ? given : scenarioFiles();
  const done = await analyzeFiles(
    files,
    { stateCap: cap, memoryCap: memoryMb * 1024 * 1024, randomPlays: plays, strategies: {} },
    jobCount(jobs, files.length),
  );
  const results: Analysis[] = [];
  for (const r of done) {
    if (r.analysis) results.push(r.analysis);
    else process.stderr.write(formatDiagnostics(r.errors, lang));
  }
  if (json) process.stdout.write(JSON.stringify(results.map(analysisJson), null, 2) + '\n');
  else process.stdout.write(results.map((a) => report(a, lang, { cap, memoryMb })).join('\n\n') + '\n');
  return done.some((r) => !r.analysis) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
