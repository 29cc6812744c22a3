// npm run fuzz:engine [-- --seed N --count N]: random and malformed action sequences on every call
// (and the rule tests' small call, plain and slowed), in training and exam, with the engine's invariants checked
// after every step and a replay of each sequence's log. Exits non-zero on any exception or break.
import { parseArgs } from 'node:util';
import { BREAKS, faults, fuzzCalls, fuzzEngine } from '../support/fuzz-engine.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string', default: '1' }, count: { type: 'string', default: '100000' } },
});
const seed = Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npm run fuzz:engine -- [--seed <integer>] [--count <sequences>]\n');
  process.exit(2);
}

const calls = fuzzCalls();
const r = fuzzEngine({ calls, seed, count });
const out = process.stdout;
out.write(`fuzz:engine seed ${seed}: ${calls.length} calls × 2 modes\n`);
out.write(`sequences ${r.sequences.toLocaleString('en')}, steps ${r.steps.toLocaleString('en')}`);
out.write(` (accepted ${r.accepted.toLocaleString('en')}, rejected ${r.rejected.toLocaleString('en')})\n`);
out.write(`exceptions ${r.exceptions}\n`);
out.write(`breaks ${BREAKS.map((k) => `${k} ${r.breaks[k]}`).join(', ')}\n`);
out.write(
  `${Math.round(r.steps / (r.ms / 1000)).toLocaleString('en')} steps/s (checks and replays included), ${(r.ms / 1000).toFixed(1)} s\n`,
);
for (const s of r.samples) out.write(`  ${s}\n`);
process.exit(faults(r) ? 1 : 0);
