// npm run bench:weights: what each part of a QA form weighs in the total, in effect, on every
// call's golden best path (the playbook's weights, normalised as scoring.ts does), against the
// published template in FIELD.md: opening 15, diagnosis 20, empathy and communication 20,
// accuracy 20, resolution 15, documentation 10. Prints medians and ranges over the calls.
import { readFileSync } from 'node:fs';
import { readPlaybook, readScenario, ROOT, scenarioFiles } from '../../src/cli/repo.ts';
import { replayToEnd } from '../../src/engine/replay.ts';
import { scoreCall } from '../../src/engine/scoring.ts';
const pb = readPlaybook().playbook!;
const CAT: Record<string, string> = {
  'step.greet': 'opening',
  'step.identify': 'opening',
  'step.verify': 'opening',
  'step.acknowledge': 'empathy',
  'step.restate': 'diagnosis',
  'step.lookup_account': 'diagnosis',
  'step.filter_questions': 'diagnosis',
  'step.line_test': 'diagnosis',
  'step.consult_kb': 'diagnosis',
  order: 'diagnosis',
  'diagnosis.time': 'diagnosis',
  'step.resolve': 'accuracy',
  'step.recap': 'empathy',
  'step.anything_else': 'empathy',
  'step.farewell': 'empathy',
  'step.ticket': 'documentation',
  'step.reference': 'documentation',
  ticketNotes: 'documentation',
  hold: 'empathy',
  outcome: 'resolution',
};
const sums: Record<string, number[]> = {};
for (const f of scenarioFiles()) {
  const sc = readScenario(f, pb).model!;
  const g = JSON.parse(readFileSync(`${ROOT}/test/golden/${sc.id}.json`, 'utf8'));
  const c = scoreCall(sc, replayToEnd(sc, g.seed, g.log, g.mode).state);
  const w = sc.scoring.weights;
  const secW: Record<string, number> = {
    process: w.process,
    diagnosis: w.diagnosis,
    calmness: w.calmness,
    resolution: w.resolution,
  };
  const tot = Object.values(secW).reduce((a, b) => a + b, 0);
  const per: Record<string, number> = {};
  for (const sec of Object.keys(secW)) {
    const lines = c.lines.filter((l) => l.section === sec);
    const lw = lines.reduce((a, l) => a + l.weight, 0);
    for (const l of lines) {
      const cat = CAT[l.id] ?? (l.id.startsWith('calm.') ? 'empathy' : l.id.startsWith('step.') ? 'accuracy' : 'other');
      per[cat] = (per[cat] ?? 0) + (100 * secW[sec]! * l.weight) / lw / tot;
    }
  }
  for (const [k, v] of Object.entries(per)) (sums[k] ??= []).push(v);
}
const FIELD: Record<string, number> = {
  opening: 15,
  diagnosis: 20,
  empathy: 20,
  accuracy: 20,
  resolution: 15,
  documentation: 10,
};
console.log('effective weight in the total, % (median over the calls, range), against FIELD.md');
for (const [k, v] of Object.entries(sums)) {
  const sorted = [...v].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(
    `  ${k.padEnd(14)} ${median.toFixed(1).padStart(5)}  (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)})  FIELD ${FIELD[k] ?? '-'}`,
  );
}
