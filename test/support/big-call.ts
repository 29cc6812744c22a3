// Generated calls of any size, for the checker's limits and its speed on big files.

export type BigCallOptions = {
  /** Dialogue nodes in a chain (the last one ends the call). */
  readonly nodes: number;
  /** Every line goes to a node that does not exist. */
  readonly brokenGotos?: boolean;
};

/** A valid call of `nodes` nodes (unless broken on purpose), with the given id. */
export function bigCall(id: string, o: BigCallOptions): string {
  const out = [
    `id: ${id}`,
    'title: Appel géant',
    'persona: confused',
    'difficulty: 1',
    'lang: fr',
    'customer: { name: M. Grand }',
    'facts: { seen: Un fait }',
    'diagnoses:',
    '  right: { label: Le bon diagnostic, correct: true, evidence: knows(seen) }',
    'par: { diagnosis: 4m }',
    'start: n0',
    'nodes:',
  ];
  // Compact (flow style, short texts) so that 2,000 nodes stay under the reader's size limit.
  for (let i = 0; i < o.nodes; i++) {
    const target = o.brokenGotos ? `x${i}` : `n${i + 1}`;
    const then = i === o.nodes - 1 ? '{ learn: [seen], diagnose: right, end: resolved }' : `{ goto: ${target} }`;
    out.push(`  n${i}:`, `    customer: C${i}.`, `    choices: [{ id: c${i}, text: A${i}., then: ${then} }]`);
  }
  return out.join('\n') + '\n';
}

/**
 * The mini call (test/fixtures/mini-call.yaml, given as `mini`) with `n` questions in one node,
 * each teaching a fact of its own: every subset of them is a different situation, so the
 * analyser's search cannot finish.
 */
export function manyQuestions(mini: string, n: number): string {
  const facts = Array.from({ length: n }, (_, i) => `  f${i}: Fait ${i}`).join('\n');
  const lines = Array.from(
    { length: n },
    (_, i) => `      - id: q${i}\n        text: Question ${i} ?\n        then: { learn: [f${i}] }`,
  ).join('\n');
  const anchor = '        then: { learn: [sync_lost], goto: waiting }\n';
  return mini.replace('facts:\n', `facts:\n${facts}\n`).replace(anchor, `${anchor}${lines}\n`);
}
