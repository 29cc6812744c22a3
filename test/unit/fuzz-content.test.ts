// A fixed slice of `npm run fuzz:content`: 60 mutants of the library (seed 11), checked by the
// checker's own loaders. No crash, no diagnostic outside its file, every mutant that is invalid by
// construction refused with an error, and a BOM or CRLF changes nothing. Times are printed, not asserted.
import { describe, expect, it } from 'vitest';
import {
  INVALID_KINDS,
  NEUTRAL_KINDS,
  figures,
  fuzzContent,
  loadLibrary,
  type Finding,
} from '../support/fuzz-content.ts';

const SEED = 11;
const COUNT = 60;

describe('fuzz:content, a fixed slice', () => {
  const r = fuzzContent(loadLibrary(), SEED, COUNT);
  const of = (problem: Finding['problem']): string[] =>
    r.findings
      .filter((f) => f.problem === problem)
      .map((f) => `#${f.mutant.index} ${f.mutant.kind} on ${f.mutant.file}: ${f.detail}`);

  it('covers every kind that is invalid or harmless by construction', () => {
    const { median, max } = figures(r.ms);
    console.log(
      `fuzz:content seed ${SEED}: ${r.files} files, median ${median.toFixed(1)} ms, max ${max.toFixed(0)} ms`,
    );
    for (const kind of [...INVALID_KINDS, ...NEUTRAL_KINDS]) expect(r.byKind[kind], kind).toBeGreaterThanOrEqual(3);
    expect(INVALID_KINDS).toEqual(
      expect.arrayContaining(['missingAnchor', 'aliasBomb', 'deepYaml', 'deepJson', 'invalidUtf8', 'bomJson']),
    );
  });

  it('no crash (an exception, or the checker reporting its own failure)', () => {
    expect(of('crash')).toEqual([]);
  });

  it('every diagnostic points inside its file', () => {
    expect(of('badPosition')).toEqual([]);
  });

  it('no file gets more than 100 diagnostics and the count of the others', () => {
    expect(of('uncapped')).toEqual([]);
  });

  it('every invalid mutant (alias, deep nesting, bad bytes, BOM inside JSON, NUL, huge) gets an error', () => {
    expect(of('invalidAccepted')).toEqual([]);
  });

  it('a leading BOM or CRLF line endings change no error', () => {
    expect(of('neutralChanged')).toEqual([]);
  });
});
