// A call as a Mermaid flowchart: nodes, choices, tool events and endings.
import type { ScenarioModel } from '../engine/model.ts';

const esc = (s: string): string => s.replace(/"/g, '#quot;').replace(/[<>]/g, ' ');
const nid = (id: string): string => `n_${id.replace(/-/g, '_')}`;
const secs = (ms: number): string => (ms % 60000 === 0 && ms > 0 ? `${ms / 60000}m` : `${Math.round(ms / 1000)}s`);

/** Mermaid source for a compiled call; `text` maps i18n keys to the source texts. */
export function scenarioGraph(sc: ScenarioModel, text: (key: string) => string): string {
  const out = ['flowchart TD'];
  sc.nodes.forEach((n, i) => {
    const said = n.customer[0] ? text(n.customer[0].key) : '';
    const snippet = said.length > 48 ? `${said.slice(0, 45)}…` : said;
    const label = snippet ? `${esc(n.id)}<br/>${esc(snippet)}` : esc(n.id);
    const shape = n.end ? `(["${label}<br/>⟶ ${n.end}"])` : i === sc.start ? `[["${label}"]]` : `["${label}"]`;
    out.push(`  ${nid(n.id)}${shape}`);
  });
  for (const c of sc.choices) {
    if (c.node < 0) continue;
    const from = nid(sc.nodes[c.node]!.id);
    const tags = [
      c.id,
      ...(c.tones[0] !== 'neutral' ? [c.tones.join('+')] : []),
      ...(c.cond ? [`if ${c.cond.source}`] : []),
    ];
    const label = esc(tags.join(' · '));
    if (c.goto >= 0) out.push(`  ${from} -->|"${label}"| ${nid(sc.nodes[c.goto]!.id)}`);
    else if (c.end) out.push(`  ${from} -->|"${label}"| end_${c.id}(["${c.end}"])`);
    else out.push(`  ${from} -.->|"${label}"| ${from}`);
  }
  if (sc.onHangUp >= 0) out.push(`  hangup_trigger{{"patience 0 / anger 10"}} -.-> ${nid(sc.nodes[sc.onHangUp]!.id)}`);
  const tools = sc.tools.filter((t) => t.configured);
  if (tools.length) {
    out.push('  subgraph tools ["Tools"]');
    for (const t of tools) {
      const faults = [
        `latency ${t.latencyMin === t.latencyMax ? secs(t.latencyMin) : `${secs(t.latencyMin)}..${secs(t.latencyMax)}`}`,
        ...t.crashes.map(
          (c) => `crash ${c.onUse > 0 ? `use ${c.onUse}` : `at ${secs(c.at)}`}, restart ${secs(c.restart)}`,
        ),
        ...t.freezes.map((f) => `freeze ${f.onUse > 0 ? `use ${f.onUse}` : `at ${secs(f.at)}`} for ${secs(f.min)}`),
      ];
      out.push(`    tool_${t.id}{{"${[t.id, ...faults].map(esc).join('<br/>')}"}}`);
    }
    out.push('  end');
    for (const t of tools) {
      for (const o of t.outcomes) {
        for (const f of o.effects.learn) {
          const fact = sc.facts[f]!;
          const targets = new Set(
            sc.choices.filter((c) => c.node >= 0 && c.cond?.reads.facts.includes(fact)).map((c) => c.node),
          );
          for (const n of targets)
            out.push(`  tool_${t.id} -.->|"${esc(`${o.id}: ${fact}`)}"| ${nid(sc.nodes[n]!.id)}`);
        }
      }
    }
  }
  return out.join('\n') + '\n';
}
