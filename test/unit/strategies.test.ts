import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.ts';
import { analyze, describe as describeAction } from '../../src/analysis/analyze.ts';
import {
  BAD,
  lineLengths,
  NAIVE,
  playStrategy,
  strategyReport,
  STRATEGIES,
  type StrategyName,
  type StrategyOptions,
} from '../../src/analysis/strategies.ts';
import { loadScenario } from '../../src/content/load.ts';
import type { ScenarioModel } from '../../src/engine/model.ts';
import { replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
import { fixture, playbook } from '../support/load.ts';

/** A mini call with the options the CLI gives the strategies: lines measured by their source text. */
function call(patch: (yaml: string) => string = (y) => y): { sc: ScenarioModel; opts: StrategyOptions } {
  const loaded = loadScenario(
    { file: 'mini-call.yaml', text: patch(fixture('mini-call.yaml')), translations: {} },
    playbook(),
  );
  if (!loaded.model || !loaded.doc) throw new Error(JSON.stringify(loaded.diags));
  return { sc: loaded.model, opts: { lineLengths: lineLengths(loaded.doc, playbook().doc) } };
}

/** Adds lines (YAML list items, indented six spaces) to a node of mini-call, before its own. */
const addLines =
  (node: string, lines: string) =>
  (y: string): string => {
    const first = y.indexOf('      - id:', y.indexOf(`\n  ${node}:\n`));
    return y.slice(0, first) + lines + y.slice(first);
  };

const said = (sc: ScenarioModel, name: StrategyName, opts: StrategyOptions): string[] =>
  playStrategy(sc, name, opts)!
    .log.map((e) => describeAction(e.action))
    .filter((a) => a.startsWith('say:'));

// A wrong line longer than every right one, and offered first: form picks it, judgment does not.
const LECTURE = `      - id: lecture
        text: >-
          Écoutez, monsieur, avant de vous plaindre, vérifiez donc vos branchements vous-même, comme
          tout le monde le fait avant d'appeler une hotline.
        tone: condescending
        then: { goto: gone }
`;

describe('naive strategies on a call where the longest line is the wrong one', () => {
  const { sc, opts } = call(addLines('who', LECTURE));

  it('longest says the long condescending line and loses', () => {
    const play = playStrategy(sc, 'longest', opts)!;
    expect(said(sc, 'longest', opts)).toEqual(['say:hello', 'say:lecture']);
    expect(play.card.outcome).toBe('lost');
    expect(play.card.won).toBe(false);
  });

  it('first says the first line offered, the same wrong one, and loses', () => {
    expect(said(sc, 'first', opts)).toContain('say:lecture');
    expect(playStrategy(sc, 'first', opts)!.card.won).toBe(false);
  });

  it('shortest prefers the curt greeting', () => {
    expect(said(sc, 'shortest', opts)[0]).toBe('say:yeah');
  });

  it('checklistGreedy ticks the steps, skips the hurtful lines, waits for the line test and wins', () => {
    const lines = said(sc, 'checklistGreedy', opts);
    // The greeting ticks a step; "Ouais ?" does not. The lecture ticks none and is condescending.
    expect(lines[0]).toBe('say:hello');
    expect(lines).toContain('say:sorry');
    expect(lines).not.toContain('say:lecture');
    // At the last question only the condescending "it's your box" is on offer until the line
    // test answers: the greedy agent does not say it, the desk routine keeps the customer waiting.
    expect(lines).not.toContain('say:blame_box');
    expect(lines).toContain('say:tell_fault');
    const play = playStrategy(sc, 'checklistGreedy', opts)!;
    expect(play.card.outcome).toBe('resolved');
    expect(play.card.won).toBe(true);
  });

  it('the verdict is the engine scorecard of the play: its log replays to the same card', () => {
    for (const name of [...NAIVE, ...BAD]) {
      const play = playStrategy(sc, name, opts);
      if (!play) continue;
      const r = replayToEnd(sc, 1, play.log, 'exam');
      expect(r.rejected, name).toEqual([]);
      const card = scoreCall(sc, r.state);
      expect([card.total, card.outcome, card.won], name).toEqual([play.card.total, play.card.outcome, play.card.won]);
    }
  });
});

describe('the longest line by its source text', () => {
  it('is measured on the text, not on the speaking time set by hand', () => {
    // "Ouais ?" made to last 20 s: by its speaking time it would be the longest line.
    const { sc, opts } = call((y) => y.replace('        tone: curt\n', '        tone: curt\n        duration: 20s\n'));
    expect(said(sc, 'longest', opts)[0]).toBe('say:hello');
    expect(said(sc, 'longest', {})[0]).toBe('say:yeah');
  });
});

describe('scripted bad agents', () => {
  const { sc, opts } = call();

  it('are not applicable when the call offers no way to make their mistake', () => {
    const report = strategyReport(sc, opts);
    // No line asks for a password, no escalation tool or line, no needless ending in mini-call.
    for (const name of ['asksPassword', 'escalatesAtOnce', 'needlessTechnician'] as const) {
      expect(report[name], name).toEqual({ score: null, outcome: null, passed: false, applicable: false });
      expect(playStrategy(sc, name, opts)).toBeNull();
    }
    expect(report.neverVerifies.applicable).toBe(true);
    expect(report.forgetsTicket.applicable).toBe(true);
    // Without a random play made beside it, random is not applicable either.
    expect(report.random.applicable).toBe(false);
  });

  it('neverVerifies never says the verification line, and loses', () => {
    const lines = said(sc, 'neverVerifies', opts);
    expect(lines).not.toContain('say:check_id');
    expect(playStrategy(sc, 'neverVerifies', opts)!.card.won).toBe(false);
  });

  it('forgetsTicket never runs the ticket tool nor gives the reference', () => {
    const play = playStrategy(sc, 'forgetsTicket', opts)!;
    const actions = play.log.map((e) => describeAction(e.action));
    expect(actions).not.toContain('runTool:ticket');
    expect(actions).not.toContain('say:give_ref');
    expect(play.card.won).toBe(false);
  });

  it('asksPassword says the password line as soon as it is offered: an automatic fail', () => {
    const { sc: withPassword, opts: o } = call(
      addLines(
        'verify',
        `      - id: ask_password
        text: Pouvez-vous me donner votre mot de passe, que je vérifie ?
        critical: password
        then: { goto: problem }
`,
      ),
    );
    const play = playStrategy(withPassword, 'asksPassword', o)!;
    expect(said(withPassword, 'asksPassword', o)).toContain('say:ask_password');
    expect(play.card.fatal).toContain('password');
    expect(play.card.won).toBe(false);
    // The checklist-greedy agent it is built on says the verification line instead.
    expect(said(withPassword, 'checklistGreedy', o)).not.toContain('say:ask_password');
  });

  it('escalatesAtOnce runs the escalation tool before any filter question', () => {
    const { sc: withL2, opts: o } = call((y) =>
      y.replace(
        '  ticket:\n    latency: 3s',
        '  escalation:\n    latency: 20s\n    outcomes:\n      - id: bounced\n        text: Renvoyé\n  ticket:\n    latency: 3s',
      ),
    );
    const actions = playStrategy(withL2, 'escalatesAtOnce', o)!.log.map((e) => describeAction(e.action));
    const escalated = actions.indexOf('runTool:escalation');
    // At the first moment it can: before the greeting, and long before the filter question.
    expect(escalated).toBe(0);
    expect(actions).toContain('say:ask_lights');
    expect(escalated).toBeLessThan(actions.indexOf('say:ask_lights'));
    expect(strategyReport(withL2, o).escalatesAtOnce.applicable).toBe(true);
  });

  it('needlessTechnician heads for the needless ending, even from a line away', () => {
    const { sc: withTech, opts: o } = call((y) =>
      addLines(
        'lights',
        `      - id: send_tech
        text: Je vous envoie un technicien, ce sera plus simple.
        then: { goto: tech_offer }
`,
      )(y).replace(
        '  gone:\n',
        `  tech_offer:
    customer: Un technicien ? D'accord…
    choices:
      - id: book_needless
        text: Il passera demain.
        then: { end: needless }
  gone:
`,
      ),
    );
    const play = playStrategy(withTech, 'needlessTechnician', o)!;
    expect(said(withTech, 'needlessTechnician', o)).toEqual(
      expect.arrayContaining(['say:send_tech', 'say:book_needless']),
    );
    expect(play.card.outcome).toBe('needless');
    expect(play.card.won).toBe(false);
    expect(said(withTech, 'checklistGreedy', o)).not.toContain('say:send_tech');
  });
});

describe('determinism', () => {
  it('gives the same report twice, and the same as through the analyser', () => {
    const { sc, opts } = call(addLines('who', LECTURE));
    const a = strategyReport(sc, opts);
    expect(strategyReport(sc, opts)).toEqual(a);
    const viaAnalysis = analyze(sc, { randomPlays: 30, strategies: opts }).strategies!;
    for (const name of STRATEGIES) if (name !== 'random') expect(viaAnalysis[name], name).toEqual(a[name]);
    expect(viaAnalysis.random.applicable).toBe(true);
    expect(viaAnalysis.random.winRate).toBeGreaterThanOrEqual(0);
    expect(analyze(sc, { randomPlays: 30, strategies: opts }).strategies).toEqual(viaAnalysis);
  });
});

const run = runCli;

describe('the CLIs', () => {
  it('scenarios:analyze --json gives every strategy as { score, outcome, passed, applicable }', () => {
    const r = run('analyze.ts', '--json', '--plays', '20', 'scenarios/first-call.yaml');
    expect(r.code).toBe(0);
    const [a] = JSON.parse(r.out) as { strategies: Record<string, Record<string, unknown>> }[];
    expect(Object.keys(a!.strategies)).toEqual([...STRATEGIES]);
    for (const name of STRATEGIES) {
      const s = a!.strategies[name]!;
      expect(Object.keys(s).sort(), name).toEqual(['applicable', 'outcome', 'passed', 'score']);
      expect(typeof s.passed).toBe('boolean');
      if (s.applicable) expect(typeof s.score).toBe('number');
      else expect(s.score).toBeNull();
    }
  });

  it('scenarios:analyze prints the strategies as a table after the rest', () => {
    const r = run('analyze.ts', '--plays', '20', '--lang', 'en', 'scenarios/first-call.yaml');
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    const head = lines.findIndex((l) => l.includes('strategies (naive and bad agents):'));
    expect(head).toBeGreaterThan(0);
    expect(lines[head + 1]).toMatch(/^ {4}strategy +score {2}outcome +passed$/);
    expect(lines.slice(head + 2).map((l) => l.trim().split(/\s+/)[0])).toEqual([...STRATEGIES]);
  });

  it('scenarios:check warns, in English and French, when a naive strategy passes: a warning, not an error', () => {
    // Mini-call without its wrong lines: whatever the agent says, it wins.
    const easy = fixture('mini-call.yaml')
      .replace(/      - id: yeah\n[\s\S]*?then: \{ goto: who \}\n/, '')
      .replace(/      - id: blame_box\n[\s\S]*?then: \{ diagnose: box_fault, goto: gone \}\n/, '');
    const dir = mkdtempSync(join(tmpdir(), 'hotliner-naive-'));
    const file = join(dir, 'mini-call.yaml');
    writeFileSync(file, easy);
    const en = run('check.ts', file, '--lang', 'en');
    expect(en.out).toMatch(
      /mini-call\.yaml:\d+:\d+ {2}warning {4}A naive agent passes this call: the "longest" strategy \(always the longest line\) scores \d+ \(resolved\)\./,
    );
    for (const name of NAIVE) expect(en.out).toContain(`the "${name}" strategy`);
    // The one error is the missing English translation of this copy; the naive passes are warnings.
    expect(en.out).toMatch(/1 error\(s\), [4-9]\d* warning\(s\)/);
    expect(en.out.split('\n').filter((l) => /\d  error /.test(l))).toHaveLength(1);
    expect(en.out).toContain('locales/en/mini-call.json');
    const fr = run('check.ts', file, '--lang', 'fr');
    expect(fr.out).toContain(
      'Un agent naïf réussit cet appel : la stratégie « first » (toujours la première réplique proposée)',
    );
    // The call has no English translation (an error); with warnings only, the checker exits 0.
    const only = run('check.ts', file, '--lang', 'en', '--errors-only');
    expect(only.out).not.toContain('naive agent');
  });

  it('scenarios:check does not warn about the naive strategies a call defeats', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotliner-naive-'));
    const file = join(dir, 'mini-call.yaml');
    writeFileSync(file, addLines('who', LECTURE)(fixture('mini-call.yaml')));
    const r = run('check.ts', file, '--lang', 'en');
    // checklistGreedy wins this call (see above): it is the one naive warning left.
    expect(r.out).not.toContain('the "longest" strategy');
    expect(r.out).not.toContain('the "first" strategy');
    expect(r.out).toContain('the "checklistGreedy" strategy');
  });
});
