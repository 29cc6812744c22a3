import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { manyQuestions } from '../support/big-call.ts';
import { runCli } from '../support/cli.ts';

const run = runCli;

describe('scenarios:check', () => {
  it('prints compiler-style diagnostics grouped per file and exits 1 on errors', () => {
    const r = run('check.ts', 'test/fixtures/broken/broken-call.yaml', '--lang', 'en');
    expect(r.code).toBe(1);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('test/fixtures/broken/broken-call.yaml');
    expect(r.out).toContain(
      'test/fixtures/broken/broken-call.yaml:7:1  error      Unknown key "custmer": did you mean "customer"?',
    );
    expect(r.out).toMatch(
      /test\/fixtures\/broken\/broken-call\.yaml:\d+:\d+ {2}error {6}The required key "customer" is missing\./,
    );
    expect(r.out).toMatch(/file\(s\) checked: [1-9]\d* error\(s\)/);
  });

  it('speaks French with --lang fr', () => {
    const r = run('check.ts', 'test/fixtures/broken/broken-call.yaml', '--lang', 'fr');
    expect(r.out).toContain('Clé inconnue « custmer » : vouliez-vous dire « customer » ?');
  });

  it('is clean on the repository (a naive strategy that passes a call is its only warning)', () => {
    const r = run('check.ts', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ 0 error\(s\), \d+ warning\(s\)\./);
    const warnings = r.out.split('\n').filter((l) => /:\d+:\d+ {2}warning /.test(l));
    for (const w of warnings) expect(w).toContain('A naive agent passes this call');
  });
});

describe('scenarios:analyze --json', () => {
  it('prints one record per call with the documented fields', () => {
    const r = run('analyze.ts', '--json', '--plays', '50', 'scenarios/box-no-sync.yaml');
    expect(r.code).toBe(0);
    const [a] = JSON.parse(r.out) as Record<string, unknown>[];
    for (const k of [
      'id',
      'persona',
      'difficulty',
      'winnable',
      'bestScore',
      'worstScore',
      'bestPath',
      'unreachableNodes',
      'neverOfferedChoices',
      'softLocks',
      'states',
      'randomWinRate',
    ]) {
      expect(a).toHaveProperty(k);
    }
    expect(a!.id).toBe('box-no-sync');
    expect(a!.winnable).toBe(true);
    expect(a!.bestIs).toBe('exact');
    // Each ending with its best and lowest total and the line of its node; the wrong one fails.
    const endings = a!.endingScores as { ending: string; best: number; worst: number; passes: boolean; line: number }[];
    expect(endings.find((e) => e.ending === 'needless_tech:needless')!.passes).toBe(false);
    const text = readFileSync(join(ROOT, 'scenarios', 'box-no-sync.yaml'), 'utf8').split('\n');
    for (const e of endings) expect(text[e.line - 1]).toMatch(new RegExp(`^\\s+${e.ending.split(':')[0]}:`));
    expect((a!.bestPath as string[])[0]).toMatch(/^say:/);
  });
});

describe('scenarios:analyze on several threads', () => {
  it('gives the same records, in file order, as one thread; a broken file is reported, the others analysed', () => {
    const files = [
      'scenarios/cancel-crm-down.yaml',
      'test/fixtures/broken/broken-call.yaml',
      'scenarios/billing-fault.yaml',
      'scenarios/voip-needs-l2.yaml',
    ];
    const one = run('analyze.ts', '--json', '--plays', '40', '--jobs', '1', '--lang', 'en', ...files);
    const two = run('analyze.ts', '--json', '--plays', '40', '--jobs', '2', '--lang', 'en', ...files);
    expect(two.code).toBe(1);
    expect(two.err).toContain('test/fixtures/broken/broken-call.yaml:7:1  error      Unknown key "custmer"');
    expect((JSON.parse(two.out) as { id: string }[]).map((a) => a.id)).toEqual([
      'cancel-crm-down',
      'billing-fault',
      'voip-needs-l2',
    ]);
    expect(two.out).toBe(one.out);
  });
});

describe('scenarios:graph', () => {
  it('writes the map of each call named as a standalone SVG file and says where', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotliner-map-'));
    try {
      const r = run('graph.ts', 'box-no-sync', 'scenarios/tv-no-picture.yaml', '--out', dir, '--lang', 'fr');
      expect(r.code).toBe(0);
      for (const id of ['box-no-sync', 'tv-no-picture']) {
        const file = join(dir, `${id}.svg`);
        expect(r.out).toContain(`Carte de l'appel écrite : ${file}`);
        const svg = readFileSync(file, 'utf8');
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg).toContain(`<title>Carte de l&#39;appel ${id}</title>`);
      }
      const one = join(dir, 'one.svg');
      expect(run('graph.ts', 'first-call', '--out', one, '--lang', 'en').out).toContain(
        `Map of the call written: ${one}`,
      );
      expect(readFileSync(one, 'utf8')).toContain('>end_resolved</text>');
      const two = run('graph.ts', 'first-call', 'box-no-sync', '--out', one, '--lang', 'en');
      expect([two.code, two.err]).toEqual([2, '--out names one .svg file: give one call, or a folder for several.\n']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints a Mermaid flowchart with nodes, choices, tools and endings with --mermaid', () => {
    const r = run('graph.ts', 'box-no-sync', '--mermaid');
    expect(r.code).toBe(0);
    expect(r.out.startsWith('flowchart TD\n')).toBe(true);
    expect(r.out).toContain('n_start -->|"greet_full"| n_vent');
    expect(r.out).toMatch(/n_end_resolved\(\["end_resolved<br\/>.*⟶ resolved"\]\)/);
    expect(r.out).toContain('tool_crm{{"crm<br/>latency 3s..6s<br/>crash use 1, restart 1m"}}');
  });

  it('says how to use it when no call is named', () => {
    const r = run('graph.ts');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage');
  });
});

describe('scenarios:analyze on a call it cannot finish', () => {
  it("says what stopped the search, in the trainer's language", () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotliner-big-'));
    const file = join(dir, 'mini-call.yaml');
    writeFileSync(file, manyQuestions(readFileSync(join(ROOT, 'test', 'fixtures', 'mini-call.yaml'), 'utf8'), 40));
    try {
      const en = run('analyze.ts', '--plays', '10', '--memory', '4', '--lang', 'en', file);
      expect(en.out).toContain('(memory budget reached, about 4 MB: search incomplete, see random play)');
      const fr = run('analyze.ts', '--plays', '10', '--cap', '300', '--lang', 'fr', file);
      expect(fr.out).toContain('(plafond de 300 états atteint : exploration incomplète, voir le jeu aléatoire)');
      // A lower bound, never "the best"; and what multiplies the states, named with its line.
      expect(en.out).toContain('best score at least');
      expect(en.out).toContain('what multiplies the states');
      expect(fr.out).toContain('meilleur score au moins');
      expect(fr.out).toMatch(/fait f\d+ \(ligne \d+\)/);
      const json = run('analyze.ts', '--json', '--plays', '10', '--cap', '300', file);
      const [a] = JSON.parse(json.out) as {
        stoppedBy: string;
        bestIs: string;
        size: { facts: { ref: { id: string; line: number } }[] };
      }[];
      expect([a!.stoppedBy, a!.bestIs]).toEqual(['states', 'atLeast']);
      const fact = a!.size.facts[0]!.ref;
      expect(readFileSync(file, 'utf8').split('\n')[fact.line - 1]).toContain(`${fact.id}:`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the precompiled tools (npm run scenarios:…, through src/cli/run.mjs)', () => {
  // A bundle of its own, so a run elsewhere (a trainer's terminal, another test) is not disturbed.
  mkdirSync(join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const cache = mkdtempSync(join(ROOT, 'node_modules', '.cache', 'cli-test-'));
  afterAll(() => rmSync(cache, { recursive: true, force: true }));
  const precompiled = (...args: string[]): { code: number; out: string; err: string } => {
    const r = spawnSync(process.execPath, [join(ROOT, 'src', 'cli', 'run.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C', HOTLINER_CLI_CACHE: join(cache, 'bundle') },
    });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };

  it('are built on first use and print what the sources print, on one thread or two', () => {
    const files = ['scenarios/first-call.yaml', 'scenarios/vpn-remote-fix.yaml'];
    const source = run('analyze.ts', '--json', '--plays', '40', '--lang', 'en', ...files);
    const one = precompiled('analyze', '--json', '--plays', '40', '--lang', 'en', ...files);
    expect(existsSync(join(cache, 'bundle', 'analyze.mjs'))).toBe(true);
    expect(one.err).toBe('');
    expect(one.out).toBe(source.out);
    // The workers run the bundle beside it, not the sources.
    const two = precompiled('analyze', '--json', '--plays', '40', '--lang', 'en', '--jobs', '2', ...files);
    expect(two.out).toBe(source.out);
    const check = precompiled('check', 'test/fixtures/broken/broken-call.yaml', '--lang', 'en');
    expect(check.code).toBe(1);
    expect(check.out).toBe(run('check.ts', 'test/fixtures/broken/broken-call.yaml', '--lang', 'en').out);
  });

  it('name the tools when asked for one that does not exist', () => {
    const r = precompiled('analyse');
    expect(r.code).toBe(2);
    expect(r.err).toContain('usage: node src/cli/run.mjs <check|analyze|graph|i18n|schema|golden|scorm|import>');
  });
});
