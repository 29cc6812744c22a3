// The game's content gathered from a tree with a broken YAML file and a call with a bad goto
// (src/content/gather.ts, as vite.config.ts's content plugin runs it): both are left out with the
// checker's errors at file:line:col, the other calls are intact, and the game lists them.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import { problemReport } from '../../src/content/content-plugin.ts';
import { gatherContent, newGatherCache } from '../../src/content/gather.ts';
import { brokenFiles, linkNotice } from '../../src/ui/content-errors.ts';

// bundle.ts fetches the content through the plugin's virtual module: not needed here.
vi.mock('virtual:hotliner-content', () => ({ default: '/content.json' }));
const { libraryOf } = await import('../../src/content/bundle.ts');

const GOOD = ['known-outage-tech', 'tv-no-picture'];
const BAD_GOTO = 'email-wont-send';

/** A copy of the repository's content: two good calls, one with a bad goto, one that is not YAML. */
function tree(): { root: string; gotoLine: number } {
  const root = mkdtempSync(join(tmpdir(), 'hotliner-gather-'));
  cpSync(join(ROOT, 'locales'), join(root, 'locales'), { recursive: true });
  cpSync(join(ROOT, 'scenarios', 'playbook.yaml'), join(root, 'scenarios', 'playbook.yaml'));
  for (const id of GOOD) cpSync(join(ROOT, 'scenarios', `${id}.yaml`), join(root, 'scenarios', `${id}.yaml`));
  const text = readFileSync(join(ROOT, 'scenarios', `${BAD_GOTO}.yaml`), 'utf8');
  const bad = text.replace(/goto: \w+/, 'goto: nowhere_node');
  writeFileSync(join(root, 'scenarios', `${BAD_GOTO}.yaml`), bad);
  const gotoLine = bad.slice(0, bad.indexOf('goto: nowhere_node')).split('\n').length;
  // An unquoted French colon on line 3.
  writeFileSync(join(root, 'scenarios', 'broken.yaml'), 'id: broken\npersona: angry\ntitle: Box : rien ne va\n');
  return { root, gotoLine };
}

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('gathering the content', () => {
  const { root, gotoLine } = tree();
  made.push(root);
  const g = gatherContent(root, () => {});

  it('keeps the good calls, as parsed YAML, and leaves the broken ones out', () => {
    expect(g.content.calls.map((c) => c.file)).toEqual(GOOD.map((id) => `scenarios/${id}.yaml`));
    expect(g.content.calls.map((c) => (c.data as { id: string }).id)).toEqual(GOOD);
    expect(g.problems.map((p) => p.file)).toEqual(['scenarios/broken.yaml', `scenarios/${BAD_GOTO}.yaml`]);
  });

  it("says where each one breaks, with the checker's errors", () => {
    const [yaml, goto] = g.problems;
    expect(yaml!.diags[0]).toMatchObject({ file: 'scenarios/broken.yaml', line: 3, severity: 'error' });
    expect(goto!.diags.some((d) => d.line === gotoLine && JSON.stringify(d.params).includes('nowhere_node'))).toBe(
      true,
    );
    expect(goto!.diags.every((d) => d.severity === 'error' && d.col >= 1)).toBe(true);
  });

  it('tells the terminal the same, file:line:col, in the chosen language', () => {
    const fr = problemReport(g, false, 'fr');
    expect(fr).toContain('scenarios/broken.yaml:3:');
    expect(fr).toContain(`scenarios/${BAD_GOTO}.yaml:${gotoLine}:`);
    expect(fr).toContain('les autres appels se jouent');
    expect(problemReport(g, true, 'en')).toContain('The build stops');
    expect(
      problemReport(
        gatherContent(join(ROOT), () => {}),
        false,
      ),
    ).toBe('');
  });

  it('ships the problems in the content, and the game lists them as calls with nothing to play', () => {
    const lib = libraryOf(JSON.parse(JSON.stringify(g.content)));
    expect(lib.calls.filter((c) => c.model).map((c) => c.model!.id)).toEqual(GOOD);
    const broken = brokenFiles(lib.calls, lib.diags);
    expect(broken.map((b) => b.file)).toEqual(['scenarios/broken.yaml', `scenarios/${BAD_GOTO}.yaml`]);
    expect(broken[0]!.diags[0]!.line).toBe(3);
    expect(linkNotice(lib.calls, BAD_GOTO)?.key).toBe('contentErrors.linkBroken');
    expect(linkNotice(lib.calls, 'broken')?.key).toBe('contentErrors.linkBroken');
    expect(linkNotice(lib.calls, 'no-such-call')?.key).toBe('contentErrors.linkUnknown');
  });

  it('checks again what changed: a fixed call comes back, the others stay as they were', () => {
    const copy = tree();
    made.push(copy.root);
    const cache = newGatherCache();
    expect(gatherContent(copy.root, () => {}, cache).problems).toHaveLength(2);
    cpSync(join(ROOT, 'scenarios', `${BAD_GOTO}.yaml`), join(copy.root, 'scenarios', `${BAD_GOTO}.yaml`));
    const again = gatherContent(copy.root, () => {}, cache);
    expect(again.problems.map((p) => p.file)).toEqual(['scenarios/broken.yaml']);
    expect(again.content.calls.map((c) => c.file)).toContain(`scenarios/${BAD_GOTO}.yaml`);
  });

  it('shows a call that fails to compile in the game, bypassing the checker, with its diagnostics', () => {
    const good = gatherContent(ROOT, () => {}).content;
    const call = good.calls.find((c) => c.file.endsWith(`${BAD_GOTO}.yaml`))!;
    const data = JSON.parse(JSON.stringify(call.data).replace(/"goto":"\w+"/, '"goto":"nowhere_node"'));
    const lib = libraryOf({ ...good, calls: [...good.calls.filter((c) => c !== call), { ...call, data }] });
    const broken = brokenFiles(lib.calls, lib.diags);
    expect(broken.map((b) => b.file)).toEqual([`scenarios/${BAD_GOTO}.yaml`]);
    expect(JSON.stringify(broken[0]!.diags)).toContain('nowhere_node');
    expect(lib.calls.filter((c) => c.model).length).toBe(good.calls.length - 1);
  });
});
