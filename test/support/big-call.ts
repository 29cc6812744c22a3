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
 * each teaching a fact of its own that the ticket must mention: every subset of them is a
 * different situation, so the analyser's search cannot finish.
 */
export function manyQuestions(mini: string, n: number): string {
  const facts = Array.from({ length: n }, (_, i) => `  f${i}: Fait ${i}`).join('\n');
  const lines = Array.from(
    { length: n },
    (_, i) => `      - id: q${i}\n        text: Question ${i} ?\n        then: { learn: [f${i}] }`,
  ).join('\n');
  const anchor = '        then: { learn: [sync_lost], goto: waiting }\n';
  // The ticket must mention every fact: each stays relevant to the end of the call.
  const noted = Array.from({ length: n }, (_, i) => `, f${i}`).join('');
  return mini
    .replace('facts:\n', `facts:\n${facts}\n`)
    .replace(anchor, `${anchor}${lines}\n`)
    .replace('ticket: { notes: [sync_lost, line_fault] }', `ticket: { notes: [sync_lost, line_fault${noted}] }`);
}

export type RealisticCallOptions = {
  /** Diagnostic episodes between the opening and the closing (each one node, five lines, two facts). */
  readonly episodes: number;
  /**
   * The episode whose node has a "go back" line to the one before (default: the middle one);
   * -1: none.
   */
  readonly backAt?: number;
  /** The episode the "go back" line returns to (default: three before `backAt`, a loop of four nodes as in the library's calls). */
  readonly backTo?: number;
  /**
   * Episodes (indices) whose first fact is also read by the diagnosis's evidence (`knows(line_fault)
   * or knows(f3a)...`): a fact that stays relevant to the end of the call.
   */
  readonly evidence?: readonly number[];
};

/** How many lines a realistic call of `episodes` episodes has (its dialogue's own, not the playbook's). */
export const realisticLines = (episodes: number, back = true): number => 12 + 5 * episodes + (back ? 1 : 0);

/**
 * A call shaped like the library's (the mini call's opening and closing around diagnostic
 * episodes): in each episode two ranked questions teach a fact each, a plain question teaches
 * nothing, a line reading `knows(a) or knows(b)` moves on, a needless technician ends the call,
 * the customer's words depend on what the previous episode taught, and one episode has a
 * "go back" line. For the analyser's benchmark and its size report: `episodes` sets the size
 * (see `realisticLines`), the options add what multiplies states.
 */
export function realisticCall(id: string, o: RealisticCallOptions): string {
  const n = o.episodes;
  const backAt = o.backAt ?? Math.floor(n / 2);
  const backTo = o.backTo ?? Math.max(0, backAt - 3);
  const evidence = ['knows(line_fault)', ...(o.evidence ?? []).map((i) => `knows(f${i}a)`)];
  const facts = ['  sync_lost: La box ne synchronise plus', '  line_fault: Défaut sur la ligne'];
  for (let i = 0; i < n; i++) facts.push(`  f${i}a: Indice ${i} A`, `  f${i}b: Indice ${i} B`);
  const out = [
    `id: ${id}`,
    'title: Appel généré',
    'persona: confused',
    'difficulty: 2',
    'lang: fr',
    'customer: { name: Mme Martin }',
    'facts:',
    ...facts,
    'tools:',
    '  crm: { latency: 3s, outcomes: [{ id: found, text: Fiche trouvée }] }',
    '  line_test: { latency: 2m, outcomes: [{ id: fault, text: Coupure détectée, learn: [line_fault] }] }',
    '  kb: { latency: 4s, outcomes: [{ id: article, text: Procédure }] }',
    '  ticket: { latency: 3s, outcomes: [{ id: saved, text: Ticket enregistré }] }',
    'diagnoses:',
    `  line_fault: { label: Défaut de ligne, correct: true, evidence: ${evidence.join(' or ')} }`,
    '  box_fault: { label: Box en panne }',
    'par: { diagnosis: 6m }',
    'ticket: { notes: [sync_lost, line_fault] }',
    'onHangUp: gone',
    'start: open',
    'nodes:',
    '  open:',
    '    choices:',
    '      - { id: hello, text: Hotline Fibra bonjour que puis-je pour vous, step: greet, then: { goto: who } }',
    '  who:',
    '    customer: Internet ne marche plus.',
    '    choices:',
    '      - { id: sorry, text: Je comprends vous êtes, tone: empathetic, step: [acknowledge, identify], then: { goto: verify } }',
    '  verify:',
    '    customer: Martin.',
    '    choices:',
    '      - { id: check_id, text: Votre adresse et date de naissance, step: verify, then: { goto: problem } }',
    '  problem:',
    '    customer: Rue des Lilas.',
    '    choices:',
    '      - { id: restate, text: Plus de connexion donc, step: restate, then: { goto: lights } }',
    '  lights:',
    '    customer: Oui.',
    '    choices:',
    `      - { id: ask_lights, text: Quels voyants, step: filter_questions, then: { learn: [sync_lost], goto: ${n ? 'p0' : 'waiting'} } }`,
  ];
  for (let i = 0; i < n; i++) {
    const next = i === n - 1 ? 'waiting' : `p${i + 1}`;
    out.push(`  p${i}:`);
    if (i === 0) out.push(`    customer: Épisode ${i}.`);
    else
      out.push(
        '    customer:',
        `      - { id: p${i}_known, if: knows(f${i - 1}a), text: Comme je disais ${i}. }`,
        `      - { id: p${i}_plain, text: Épisode ${i}. }`,
      );
    out.push(
      '    choices:',
      `      - { id: q${i}a, text: Question simple ${i}, rank: 1, step: filter_questions, then: { learn: [f${i}a] } }`,
      `      - { id: q${i}b, text: Question moins simple ${i}, rank: 2, step: filter_questions, then: { learn: [f${i}b] } }`,
      `      - { id: q${i}c, text: Question sans suite ${i} }`,
      `      - { id: n${i}, text: Passons à la suite ${i}, if: knows(f${i}a) or knows(f${i}b), then: { goto: ${next} } }`,
      `      - { id: t${i}, text: J'envoie un technicien ${i}, then: { goto: tech } }`,
    );
    if (i === backAt && backTo >= 0 && backTo < i)
      out.push(`      - { id: back${i}, text: Revenons en arrière ${i}, then: { goto: p${backTo} } }`);
  }
  out.push(
    '  waiting:',
    '    customer: Le voyant clignote.',
    '    choices:',
    '      - { id: tell_fault, text: Une coupure sur votre ligne, if: knows(line_fault), step: resolve, then: { diagnose: line_fault, goto: close } }',
    '      - { id: blame_box, text: C est votre box, tone: condescending, then: { diagnose: box_fault, goto: gone } }',
    '  close:',
    '    customer: Bien.',
    '    choices:',
    '      - { id: recap, text: Un technicien passe demain, step: recap, then: { goto: ref } }',
    '  ref:',
    '    customer: Et alors.',
    '    choices:',
    '      - { id: give_ref, text: Votre dossier est le 4521, step: reference, if: done(ticket), then: { goto: else } }',
    '  else:',
    '    customer: Merci.',
    '    choices:',
    '      - { id: anything, text: Autre chose, step: anything_else, then: { goto: bye } }',
    '  bye:',
    '    customer: Non merci.',
    '    choices:',
    '      - { id: farewell, text: Bonne journée madame, step: farewell, then: { end: resolved } }',
    '  tech:',
    '    customer: Un technicien pour rien.',
    '    end: needless',
    '  gone:',
    '    customer: Je résilie.',
    '    end: lost',
  );
  return out.join('\n') + '\n';
}
