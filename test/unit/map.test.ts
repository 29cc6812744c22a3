// The call's map (src/studio/map*.ts): layout invariants on every library call, a hand-made call
// with known ranks, file lines, and the standalone SVG.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readScenario, scenarioFiles } from '../../src/cli/repo.ts';
import { callMap, mapSvg, type CallMap } from '../../src/studio/map.ts';
import { mapLabels } from '../../src/studio/map-labels.ts';
import { mapPositions } from '../../src/studio/map-source.ts';
import { loadScenario } from '../../src/content/load.ts';
import { fixture, mini, playbook } from '../support/load.ts';

type Box = { x: number; y: number; w: number; h: number };
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const onBorder = (p: readonly [number, number], b: Box): boolean => {
  const inside = p[0] >= b.x - 0.5 && p[0] <= b.x + b.w + 0.5 && p[1] >= b.y - 0.5 && p[1] <= b.y + b.h + 0.5;
  const edge = [p[0] - b.x, b.x + b.w - p[0], p[1] - b.y, b.y + b.h - p[1]].some((d) => Math.abs(d) < 0.5);
  return inside && edge;
};

/** Everything drawn that holds text must not overlap anything else that does. */
function overlaps(map: CallMap): string[] {
  const boxes: [string, Box][] = [
    ...map.nodes.map((n): [string, Box] => [`node ${n.id}`, n]),
    ...map.edges.map((e): [string, Box] => [`label ${e.id}`, e.label]),
  ];
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlap(boxes[i]![1], boxes[j]![1])) out.push(`${boxes[i]![0]} / ${boxes[j]![0]}`);
  return out;
}

const library = scenarioFiles().map((path) => {
  const loaded = readScenario(path, playbook());
  const text = readFileSync(path, 'utf8');
  const positions = mapPositions(loaded.file, text);
  return { path, loaded, text, map: callMap(loaded.model!, { texts: loaded.texts, positions }) };
});

describe('the map of every library call', () => {
  it.each(library.map((c) => [basename(c.path), c] as const))('%s: boxes and labels never overlap', (_, c) => {
    expect(overlaps(c.map)).toEqual([]);
    for (const n of c.map.nodes)
      expect(n.x >= 0 && n.y >= 0 && n.x + n.w <= c.map.width && n.y + n.h <= c.map.height).toBe(true);
  });

  it.each(library.map((c) => [basename(c.path), c] as const))(
    '%s: one arrow per line that leaves its node, ends on existing boxes, forward to a later rank',
    (_, c) => {
      const model = c.loaded.model!;
      const leaving = model.choices.filter((ch) => ch.node >= 0 && ch.goto >= 0 && ch.goto !== ch.node);
      expect(c.map.edges.map((e) => e.id).sort()).toEqual(leaving.map((ch) => ch.id).sort());
      const byId = new Map(c.map.nodes.map((n) => [n.id, n]));
      for (const e of c.map.edges) {
        const from = byId.get(e.from);
        const to = byId.get(e.to);
        expect(from && to, e.id).toBeTruthy();
        expect(e.back ? to!.rank < from!.rank : to!.rank > from!.rank, `${e.id}: ${from!.rank} → ${to!.rank}`).toBe(
          true,
        );
        expect(onBorder(e.points[0]!, from!), `${e.id} leaves ${e.from}`).toBe(true);
        expect(onBorder(e.points[e.points.length - 1]!, to!), `${e.id} enters ${e.to}`).toBe(true);
      }
      // Every other line of a node is listed in its box.
      const stays = c.map.nodes.flatMap((n) => n.stays.map((s) => s.id));
      const own = model.choices.filter((ch) => ch.node >= 0).length;
      expect(stays.length + c.map.edges.length).toBe(own);
    },
  );

  it.each(library.map((c) => [basename(c.path), c] as const))(
    "%s: each node and line at its YAML's file line",
    (_, c) => {
      const lines = c.text.split('\n');
      for (const n of c.map.nodes) expect(lines[n.fileLine - 1], n.id).toMatch(new RegExp(`^ {2}${n.id}:\\s*(#.*)?$`));
      const said = [...c.map.edges, ...c.map.nodes.flatMap((n) => n.stays)];
      for (const l of said) expect(lines[l.fileLine - 1], l.id).toMatch(new RegExp(`^\\s*- id: ${l.id}\\s*$`));
    },
  );

  it('marks the nodes the analyser names as unreachable, and only those (the library has no orphan)', () => {
    const c = library[0]!;
    const some = c.map.nodes
      .filter((n) => n.kind === 'node')
      .slice(0, 2)
      .map((n) => n.id);
    expect(c.map.nodes.filter((n) => n.unreachable)).toEqual([]);
    const marked = callMap(c.loaded.model!, { unreachable: some });
    expect(marked.nodes.filter((n) => n.unreachable).map((n) => n.id)).toEqual(some);
  });

  it('carries the first customer text of each node', () => {
    const c = library.find((l) => basename(l.path) === 'first-call.yaml')!;
    const node = c.map.nodes.find((n) => n.kind !== 'start' && n.said)!;
    const key = `nodes.${node.id}.customer`;
    expect(c.loaded.texts.find((t) => t.key === key || t.key.startsWith(`variants.${node.id}.`))?.text).toBe(node.said);
  });
});

describe('a call that does not compile', () => {
  it('is drawn from its document as from its model, for every library call', () => {
    for (const c of library) {
      const fromDoc = callMap(c.loaded.doc!, { positions: mapPositions(c.loaded.file, c.text) });
      expect(fromDoc, c.path).toEqual(c.map);
    }
  });

  it('shows a goto to a node that does not exist as an arrow to a missing box, at the line of the goto', () => {
    const text = fixture('mini-call.yaml').replace('then: { goto: problem }', 'then: { goto: nowhere }');
    const loaded = loadScenario({ file: 'mini-call.yaml', text, translations: {} }, playbook());
    expect(loaded.model).toBeNull();
    expect(loaded.diags.map((d) => d.code)).toContain('gotoMissing');
    const map = callMap(loaded.doc!, { positions: mapPositions('mini-call.yaml', text) });
    const missing = map.nodes.find((n) => n.kind === 'missing')!;
    expect(missing.id).toBe('?nowhere');
    const edge = map.edges.find((e) => e.to === missing.id)!;
    expect([edge.id, edge.from]).toEqual(['check_id', 'verify']);
    expect(text.split('\n')[missing.fileLine - 1]).toContain('- id: check_id');
    // What followed the broken line is now out of reach.
    expect(map.nodes.filter((n) => n.unreachable).map((n) => n.id)).toContain('problem');
    const svg = mapSvg(map, { labels: mapLabels('fr') });
    expect(svg).toContain('>goto: nowhere</text>');
    expect(svg).toContain('<title>Nœud inexistant nowhere');
    expect(overlaps(map)).toEqual([]);
  });
});

describe('a hand-made call', () => {
  // mini-call: open → who → verify → problem → lights → waiting → close | gone, close → ref → else
  // → bye, whose farewell ends the call; plus a shortcut, a line back and an orphan node.
  const model = mini((y) =>
    y
      .replace(
        '        then: { goto: verify }\n',
        '        then: { goto: verify }\n      - id: skip\n        text: On passe.\n        then: { goto: problem }\n',
      )
      .replace(
        '        then: { goto: ref }\n',
        '        then: { goto: ref }\n      - id: back_up\n        text: Revenons en arrière.\n        then: { goto: waiting }\n',
      )
      .concat('  lonely:\n    customer: Personne ne vient ici.\n    end: lost\n'),
  );
  const map = callMap(model);
  const rank = (id: string): number | undefined => map.nodes.find((n) => n.id === id)?.rank;

  it('ranks each node by its longest path from the start, a line back not counted', () => {
    const ranks = Object.fromEntries(map.nodes.map((n) => [n.id, n.rank]));
    expect(ranks).toEqual({
      open: 0,
      who: 1,
      verify: 2,
      problem: 3,
      lights: 4,
      waiting: 5,
      close: 6,
      gone: 6,
      ref: 7,
      else: 8,
      bye: 9,
      'end:farewell': 10,
      lonely: 10,
    });
    expect(rank('problem')).toBe(3);
  });

  it('draws the line back against the flow, the farewell to an exit, the orphan unreachable', () => {
    expect(map.edges.filter((e) => e.back).map((e) => e.id)).toEqual(['back_up']);
    const exit = map.nodes.find((n) => n.kind === 'exit')!;
    expect([exit.id, exit.end]).toEqual(['end:farewell', 'resolved']);
    expect(map.edges.find((e) => e.id === 'farewell')?.to).toBe('end:farewell');
    expect(map.nodes.filter((n) => n.unreachable).map((n) => n.id)).toEqual(['lonely']);
    expect(map.nodes.find((n) => n.id === 'open')?.kind).toBe('start');
    expect(map.nodes.find((n) => n.id === 'gone')).toMatchObject({ kind: 'ending', end: 'lost', hangUp: true });
    expect(overlaps(map)).toEqual([]);
  });

  it("marks the lines the analyser never saw offered, and the orphan's lines", () => {
    const marked = callMap(model, { neverOffered: ['blame_box', 'anything'] });
    expect(marked.edges.filter((e) => e.unreachable).map((e) => e.id)).toEqual(['blame_box', 'anything']);
    expect(map.edges.some((e) => e.unreachable)).toBe(false);
    const svg = mapSvg(marked, { labels: mapLabels('en') });
    expect(svg).toMatch(/<g class="map-edge is-unreachable"><title>Line blame_box: from waiting to gone, unreachable</);
  });

  it('lays out left to right on request, ranks then growing along x', () => {
    const lr = callMap(model, { direction: 'LR' });
    const x = (id: string): number => lr.nodes.find((n) => n.id === id)!.x;
    expect(x('open')).toBeLessThan(x('who'));
    expect(x('who')).toBeLessThan(x('bye'));
    expect(overlaps(lr)).toEqual([]);
  });

  it('gives no file lines without positions, and the YAML lines with them', () => {
    expect(map.nodes.every((n) => n.fileLine === 0)).toBe(true);
    const text = fixture('mini-call.yaml');
    const positioned = callMap(mini(), { positions: mapPositions('mini-call.yaml', text) });
    const who = positioned.nodes.find((n) => n.id === 'who')!;
    expect(text.split('\n')[who.fileLine - 1]).toBe('  who:');
  });
});

/** Tags opened and closed in order (self-closing ones aside); the first problem, or null. */
function unbalanced(xml: string): string | null {
  const stack: string[] = [];
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name, , self] = m;
    if (self) continue;
    if (!close) stack.push(name!);
    else if (stack.pop() !== name) return `</${name}> at ${m.index}`;
  }
  return stack.length ? `unclosed <${stack.pop()}>` : null;
}

describe('the standalone SVG', () => {
  const c = library.find((l) => basename(l.path) === 'box-no-sync.yaml')!;

  it('is well formed, titled and legended in the language asked for', () => {
    const en = mapSvg(c.map, { labels: mapLabels('en') });
    expect(unbalanced(en)).toBeNull();
    expect(en.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(en).toContain('<title>Map of the call box-no-sync</title>');
    expect(en).toContain('>Unreachable</text>');
    const fr = mapSvg(c.map, { labels: mapLabels('fr') });
    expect(fr).toContain('<title>Carte de l&#39;appel box-no-sync</title>');
    expect(fr).toContain('>Inaccessible</text>');
    // Hovering a node shows the customer's first words there.
    const vent = c.map.nodes.find((n) => n.id === 'vent')!;
    expect(vent.said.length).toBeGreaterThan(0);
    const escaped = vent.said.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
    expect(en).toContain(`\n“${escaped}”</title>`);
    expect(fr).toContain(`\n«\u00a0${escaped}\u00a0»</title>`);
    // Every node and every line's id is drawn.
    for (const n of c.map.nodes) expect(en).toContain(`>${n.id}</text>`);
    for (const e of c.map.edges) expect(en).toContain(`>${e.id}</text>`);
  });

  it('escapes what the trainer wrote and marks the current node', () => {
    const hostile: CallMap = { ...c.map, nodes: c.map.nodes.map((n) => ({ ...n, said: '<b>"R&D"</b>' })) };
    const out = mapSvg(hostile, { labels: mapLabels('en'), current: 'vent' });
    expect(unbalanced(out)).toBeNull();
    expect(out).not.toContain('<b>');
    expect(out).toContain('&lt;b&gt;&quot;R&amp;D&quot;&lt;/b&gt;');
    const marks = (svg: string): number => svg.match(/class="[^"]*is-current[^"]*"/g)?.length ?? 0;
    // The legend shows the mark once; the current node is the only other one.
    expect(marks(out) - marks(mapSvg(hostile, { labels: mapLabels('en') }))).toBe(1);
    expect(out).toMatch(/<g class="map-node map-node--node is-current"><title>Node vent, current node \(line \d+\)/);
  });
});
