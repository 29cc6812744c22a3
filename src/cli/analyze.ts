// npm run scenarios:analyze [-- --json] [--plays N] [--cap N] [--memory MB] [--jobs N] [files…]: can each call be won, how well, by which path.
import { readFileSync } from 'node:fs';
import type { Analysis, EndingScore } from '../analysis/analyze.ts';
import { reportOf } from '../analysis/call-report.ts';
import type { Ref, SizeItem, SizeReport } from '../analysis/size-report.ts';
import { sourceLines, type SourceLines } from '../analysis/source-lines.ts';
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
type T = (k: string, p?: Record<string, string | number>) => string;

/** The verdict and the scores: a search a budget stopped gives a lower bound, never "the best". */
function verdict(a: Analysis, t: T): string {
  if (a.bestIs === 'exact')
    return `${t(a.winnable ? 'winnable' : 'notWinnable')}  ${t('scores', { best: a.bestScore, worst: a.worstScore })}`;
  return `${t(a.winnable ? 'winnable' : 'noWinFound')}  ${t('scoresAtLeast', { best: a.bestScore, worst: a.worstScore })}`;
}

/** Each ending's best and lowest total, with the line of its node. */
function endingLines(endings: readonly EndingScore[], at: boolean, t: T, src: SourceLines | null): string[] {
  if (!endings.length) return [`  ${t('endings')}: -`];
  const width = Math.max(...endings.map((e) => e.ending.length));
  return [
    `  ${t(at ? 'endingsAtLeast' : 'endingScores')}:`,
    ...endings.map((e) => {
      const line = src?.lineOf('node', e.node);
      const where = line === undefined ? '' : `  (${t('line', { line })})`;
      return `    ${e.ending.padEnd(width)}  ${t('endingScore', { best: e.best, worst: e.worst })}  ${t(e.passes ? 'passes' : at ? 'noPassFound' : 'fails')}${where}`;
    }),
  ];
}

/** What multiplies the states, each with what keeps it apart and how to bound it. */
function sizeLines(size: SizeReport, t: T, src: SourceLines | null): string[] {
  const place = (r: Ref): string => {
    const line = r.line ?? src?.lineOf(r.kind, r.id);
    return `${t(`size.kind.${r.kind}`)} ${r.id}${line === undefined ? '' : ` (${t('line', { line })})`}`;
  };
  const item = (x: SizeItem): string[] => {
    const what = x.why === 'share' ? t('size.share', { share: x.factor }) : t('size.factor', { factor: x.factor });
    const by = x.by.map(place).join(', ') || '-';
    return [`    ${place(x.ref)}: ${what}`, `      ${t(`size.why.${x.ref.kind}.${x.why}`, { by, id: x.ref.id })}`];
  };
  const out = [`  ${t('size.title', { situations: size.situations, states: size.states })}`];
  for (const [key, list] of [
    ['size.nodes', size.nodes],
    ['size.facts', size.facts],
    ['size.lines', size.lines],
  ] as const)
    if (list.length) out.push(`   ${t(key)}:`, ...list.flatMap(item));
  return out;
}

function report(a: Analysis, lang: string, budgets: Budgets, src: SourceLines | null): string {
  const t: T = (k, p = {}) => checkerText(lang, `analyze.${k}`, p);
  const lines = [
    `${a.id}  (${a.persona}, ${t('difficulty')} ${a.difficulty})`,
    `  ${verdict(a, t)}`,
    `  ${t('states', { states: a.states })}${stopped(a, t, budgets)}`,
    `  ${t('random', { plays: a.randomPlays, rate: (100 * a.randomWinRate).toFixed(1) })}  ${Object.entries(
      a.randomOutcomes,
    )
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')}${a.randomStoppedBy ? '  ' + t('randomStopped', { plays: a.randomPlays }) : ''}`,
    ...endingLines(a.endingScores, a.bestIs === 'atLeast', t, src),
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
  if (a.size) lines.push(...sizeLines(a.size, t, src));
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
    { stateCap: cap, memoryCap: memoryMb * 1024 * 1024, randomPlays: plays, strategies: {}, explain: json },
    jobCount(jobs, files.length),
  );
  const results: { a: Analysis; src: SourceLines }[] = [];
  for (const r of done) {
    if (r.analysis) results.push({ a: r.analysis, src: sourceLines(readFileSync(r.file, 'utf8')) });
    else process.stderr.write(formatDiagnostics(r.errors, lang));
  }
  if (json)
    process.stdout.write(
      JSON.stringify(
        results.map(({ a, src }) => reportOf(a, src)),
        null,
        2,
      ) + '\n',
    );
  else process.stdout.write(results.map(({ a, src }) => report(a, lang, { cap, memoryMb }, src)).join('\n\n') + '\n');
  return done.some((r) => !r.analysis) ? 1 : 0;
}

process.exitCode = await main(process.argv.slice(2));
