// Warnings: what is legal but suspicious in a call (found without playing it).
import { WINNING, type ScenarioModel } from '../engine/model.ts';
import type { ScenarioDoc } from './schema.ts';
import { diagAt, type Diagnostic, type SourceFile } from './source.ts';

/** Structural warnings: unreachable nodes, unused facts, missing fallbacks (a dead end is an error: compile.ts). */
export function lintScenario(doc: ScenarioDoc, source: SourceFile, sc: ScenarioModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  const targeted = new Set<number>([sc.start, sc.onHangUp]);
  for (const c of sc.choices) if (c.goto >= 0) targeted.add(c.goto);
  sc.nodes.forEach((n, i) => {
    if (!targeted.has(i)) out.push(diagAt(source, ['nodes'], 'warning', 'nodeNeverTargeted', { node: n.id }, n.id));
    const nd = doc.nodes[n.id]!;
    if (Array.isArray(nd.customer) && nd.customer[nd.customer.length - 1]?.if) {
      out.push(
        diagAt(source, ['nodes', n.id, 'customer', nd.customer.length - 1], 'warning', 'lastVariantConditional', {
          node: n.id,
        }),
      );
    }
    (nd.choices ?? []).forEach((c, j) => {
      if (Array.isArray(c.reply) && c.reply[c.reply.length - 1]?.if)
        out.push(
          diagAt(
            source,
            ['nodes', n.id, 'choices', j, 'reply', c.reply.length - 1],
            'warning',
            'lastVariantConditional',
            { node: `${n.id} (${c.id})` },
          ),
        );
    });
  });
  if (
    !sc.nodes.some((n) => n.end !== null && WINNING.has(n.end)) &&
    !sc.choices.some((c) => c.end !== null && WINNING.has(c.end))
  ) {
    out.push(diagAt(source, ['nodes'], 'warning', 'noWinningEnd', {}));
  }
  const learned = new Set<number>();
  const fx = [
    ...sc.choices.map((c) => c.effects),
    ...sc.nodes.map((n) => n.enter),
    ...sc.tools.flatMap((t) => t.outcomes.map((o) => o.effects)),
  ];
  for (const e of fx) for (const f of e.learn) learned.add(f);
  const used = new Set<string>();
  const conds = [
    ...sc.choices.map((c) => c.cond),
    ...sc.nodes.flatMap((n) => n.customer.map((u) => u.cond)),
    ...sc.choices.flatMap((c) => (c.reply ?? []).map((u) => u.cond)),
    ...sc.tools.flatMap((t) => t.outcomes.map((o) => o.cond)),
    // A fact that proves a diagnosis is used.
    ...sc.diagnoses.map((dg) => dg.evidence),
  ];
  for (const c of conds) for (const f of c?.reads.facts ?? []) used.add(f);
  for (const f of [...sc.ticketNotes, ...sc.ticketNotesByCause.flat(), ...sc.ticketUnconfirmed]) used.add(sc.facts[f]!);
  sc.facts.forEach((f, i) => {
    // An unconfirmed statement (ticket.unconfirmed) is never learned, by design.
    if (!learned.has(i) && !sc.ticketUnconfirmed.includes(i))
      out.push(diagAt(source, ['facts'], 'warning', 'factNeverLearned', { fact: f }, f));
    else if (!used.has(f)) out.push(diagAt(source, ['facts'], 'warning', 'factUnused', { fact: f }, f));
  });
  for (const t of sc.tools) {
    if (t.outcomes.length && t.outcomes[t.outcomes.length - 1]!.cond) {
      out.push(
        diagAt(source, ['tools', t.id, 'outcomes', t.outcomes.length - 1], 'warning', 'outcomeNoFallback', {
          tool: t.id,
        }),
      );
    }
  }
  sc.scoredSteps.forEach((i) => {
    const st = sc.steps[i]!;
    const byChoice = sc.choices.some((c) => c.steps.includes(i));
    const byTool = sc.tools.some((t) => t.step === i);
    if (!byChoice && !byTool) out.push(diagAt(source, ['id'], 'warning', 'stepNeverDoable', { step: st.id }));
  });
  return out;
}
