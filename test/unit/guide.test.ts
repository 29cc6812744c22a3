// Every example of the trainers' guides, checked against the format as it is today.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ROOT } from '../../src/cli/repo.ts';
import { loadScenario } from '../../src/content/load.ts';
import { compileCondition } from '../../src/engine/condition.ts';
import { TOOL_IDS } from '../../src/engine/model.ts';
import { scenarioTexts } from '../../src/content/texts.ts';
import { updateTranslation } from '../../src/cli/translation-update.ts';
import { compile, playbook } from '../support/load.ts';

type Block = { readonly kind: string; readonly arg: string; readonly body: string; readonly line: number };

/** The fenced blocks whose first line is `# check: <kind> [arg]`. */
function checkedBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  const re = /```\w*\n# check: (\S+)(?: (\S+))?\n([\s\S]*?)```/g;
  for (let m = re.exec(markdown); m; m = re.exec(markdown)) {
    out.push({ kind: m[1]!, arg: m[2] ?? '', body: m[3]!, line: markdown.slice(0, m.index).split('\n').length });
  }
  return out;
}

const errorsOf = (yaml: string, id: string): string[] =>
  loadScenario({ file: `${id}.yaml`, text: yaml, translations: {} }, playbook())
    .diags.filter((d) => d.severity === 'error' && !d.code.startsWith('translation'))
    .map((d) => `${d.line}:${d.col} ${d.code} ${JSON.stringify(d.params)}`);

describe.each(['en', 'fr'])('docs/authoring.%s.md', (lang) => {
  const text = readFileSync(join(ROOT, 'docs', `authoring.${lang}.md`), 'utf8');
  const blocks = checkedBlocks(text);
  const calls = new Map<string, string>([
    ['box-no-sync', readFileSync(join(ROOT, 'scenarios', 'box-no-sync.yaml'), 'utf8')],
  ]);

  it('has checked examples of every kind', () => {
    expect(new Set(blocks.map((b) => b.kind))).toEqual(
      new Set(['call', 'patch', 'conditions', 'output', 'call-header', 'add-missing']),
    );
  });

  it('checks every YAML and JSON example (each starts with its # check: line)', () => {
    const fences = [...text.matchAll(/^```(yaml|json)\n(.*)$/gm)].map((m) => m[2]!);
    expect(fences.length).toBeGreaterThan(5);
    for (const first of fences) expect(first).toMatch(/^# check: \S+/);
    expect(blocks.filter((b) => b.kind !== 'conditions' && b.kind !== 'output').length).toBe(fences.length);
  });

  it.each(blocks.map((b) => [`${b.kind} ${b.arg} (line ${b.line})`, b] as const))('%s', (_name, b) => {
    if (b.kind === 'call') {
      const id = /^id: (\S+)/m.exec(b.body)![1]!;
      expect(errorsOf(b.body, id)).toEqual([]);
      calls.set(id, b.body);
    } else if (b.kind === 'patch') {
      const base = parse(calls.get(b.arg)!) as Record<string, Record<string, unknown>>;
      const patch = parse(b.body) as Record<string, Record<string, unknown>>;
      for (const [k, v] of Object.entries(patch)) base[k] = k === 'nodes' ? { ...base[k], ...v } : v;
      expect(errorsOf(stringify(base), b.arg)).toEqual([]);
    } else if (b.kind === 'conditions') {
      const sc = compile(calls.get('box-no-sync')!, 'box-no-sync');
      const symbols = {
        vars: new Set(sc.varNames),
        facts: new Set(sc.facts),
        steps: new Set(sc.steps.map((s) => s.id)),
        choices: new Set(sc.choices.map((c) => c.id)),
        nodes: new Set(sc.nodes.map((n) => n.id)),
        diagnoses: new Set(sc.diagnoses.map((d) => d.id)),
        tools: new Set<string>(TOOL_IDS),
        causes: new Set(sc.causes),
      };
      for (const cond of b.body.split('\n').filter((l) => l.trim()))
        expect([cond, compileCondition(cond, symbols).ok]).toEqual([cond, true]);
    } else if (b.kind === 'output') {
      const r = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src', 'cli', 'check.ts'), b.arg, '--lang', lang],
        { cwd: ROOT, encoding: 'utf8' },
      );
      for (const line of b.body.split('\n').filter((l) => l.trim())) expect(r.stdout.split('\n')).toContain(line);
    } else if (b.kind === 'add-missing') {
      // What scenarios:i18n --add-missing writes for this call: every line of the example, in order.
      const doc = loadScenario({ file: `${b.arg}.yaml`, text: calls.get(b.arg)!, translations: {} }, playbook()).doc!;
      const r = updateTranslation(scenarioTexts(doc), doc.lang, null, { stamp: false, addMissing: true });
      const written = r.ok && r.text ? r.text.split('\n').map((l) => l.trim()) : [];
      const lines = b.body
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      const at = written.indexOf(lines[0]!);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(written.slice(at, at + lines.length)).toEqual(lines);
    } else if (b.kind === 'call-header') {
      expect(b.body.trim()).toBe(readFileSync(join(ROOT, 'scenarios', 'box-no-sync.yaml'), 'utf8').split('\n')[0]);
    }
  });
});
