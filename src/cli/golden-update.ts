// What `npm run golden:update` rewrites: the calls named on the command line, or every call when
// none is named. A golden file belongs to its call; updating one call never touches another's.
import { join } from 'node:path';
import { analyze } from '../analysis/analyze.ts';
import { goldenCard, GOLDEN_SEED, type Golden } from '../analysis/golden.ts';
import { replayToEnd } from '../engine/replay.ts';
import type { ScenarioModel } from '../engine/model.ts';
import { namedCalls } from './named-calls.ts';

/** A call's golden replay: its best path (for a symptom family, of the cause its seed draws) and the scorecard. */
export function goldenOf(sc: ScenarioModel): Golden {
  const a = analyze(sc, { seed: GOLDEN_SEED, randomPlays: 0, oneCause: true });
  const log = a.bestLog.map((e) => ({ at: e.at, action: e.action }));
  return {
    scenario: sc.id,
    seed: GOLDEN_SEED,
    mode: 'exam',
    log,
    expected: goldenCard(replayToEnd(sc, GOLDEN_SEED, log, 'exam').state, sc),
  };
}

export type GoldenIo = {
  /** Every call file of the library. */
  readonly files: readonly string[];
  /** Compiles one call file; null when it does not compile (scenarios:check says why). */
  readonly load: (file: string) => ScenarioModel | null;
  readonly write: (path: string, text: string) => void;
  /** The folder of the golden files. */
  readonly dir: string;
};

export type GoldenReport = {
  readonly written: readonly { readonly path: string; readonly golden: Golden }[];
  readonly unknown: readonly string[];
  /** Named (or listed) call files that do not compile: nothing written for them. */
  readonly broken: readonly string[];
};

/** Rewrites the golden files of the calls named (all when none is): nothing at all when a name is unknown. */
export function updateGoldens(names: readonly string[], io: GoldenIo): GoldenReport {
  const { files, unknown } = namedCalls(io.files, names);
  if (unknown.length) return { written: [], unknown, broken: [] };
  const written: { path: string; golden: Golden }[] = [];
  const broken: string[] = [];
  for (const f of files) {
    const sc = io.load(f);
    if (!sc) {
      broken.push(f);
      continue;
    }
    const golden = goldenOf(sc);
    const path = join(io.dir, `${sc.id}.json`);
    io.write(path, JSON.stringify(golden, null, 1) + '\n');
    written.push({ path, golden });
  }
  return { written, unknown, broken };
}
