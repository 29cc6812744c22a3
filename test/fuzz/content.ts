// npm run fuzz:content [-- --seed N --count N]: mutants of the library's calls, playbook and
// translation files, each checked by the checker's loaders in this one process. Reports crashes,
// files over the 2 s budget, diagnostics placed outside their file, files given more than the
// capped count, invalid mutants accepted and harmless ones (a BOM, CRLF) read differently; exits
// non-zero on any of them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { READ_LIMITS } from '../../src/content/reading.ts';
import { KIND_NAMES, figures, fuzzContent, loadLibrary } from '../support/fuzz-content.ts';

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    count: { type: 'string', default: '1000' },
    save: { type: 'string' },
  },
});
const seed = Number(values.seed);
const count = Number(values.count);
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: npm run fuzz:content -- [--seed <integer>] [--count <files>] [--save <dir>]\n');
  process.exit(2);
}

const lib = loadLibrary();
const t0 = performance.now();
const r = fuzzContent(lib, seed, count);
const { median, max } = figures(r.ms);
const out = process.stdout;
const n = (p: string): number => r.findings.filter((f) => f.problem === p).length;
out.write(`fuzz:content seed ${seed}: ${lib.calls.length} calls, the playbook and their English files\n`);
out.write(`files ${r.files} (${KIND_NAMES.map((k) => `${k} ${r.byKind[k] ?? 0}`).join(', ')})\n`);
out.write(`crashes ${n('crash')}, over budget ${n('overBudget')}, bad positions ${n('badPosition')}`);
out.write(`, more than ${READ_LIMITS.diagnosticsPerFile} diagnostics per file ${n('uncapped')}`);
out.write(`, invalid accepted ${n('invalidAccepted')}, harmless changed ${n('neutralChanged')}\n`);
out.write(
  `per file: median ${median.toFixed(1)} ms, max ${max.toFixed(0)} ms; total ${((performance.now() - t0) / 1000).toFixed(1)} s\n`,
);
for (const f of r.findings.slice(0, 20))
  out.write(`  #${f.mutant.index} ${f.mutant.kind} on ${f.mutant.file}: ${f.problem} (${f.detail})\n`);
if (values.save && r.findings.length) {
  mkdirSync(values.save, { recursive: true });
  for (const f of r.findings)
    writeFileSync(
      join(values.save, `${f.mutant.index}-${f.mutant.kind}-${f.mutant.file.replace(/\//g, '_')}`),
      f.mutant.bytes,
    );
  out.write(`mutants with findings written to ${values.save}\n`);
}
process.exit(r.findings.length ? 1 : 0);
