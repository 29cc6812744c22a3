import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The browser-test files that take longest, started first (two run at a time): a clean checkout
 * has no timings from an earlier run, and vitest would otherwise start the largest files first,
 * leaving the two careful-recruit files (small files, minutes each) for the end.
 */
const LONGEST_FIRST = ['recruit.e2e.ts', 'recruit-2.e2e.ts', 'app.e2e.ts', 'call-screen.e2e.ts', 'calls.e2e.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = LONGEST_FIRST.indexOf(basename(f.moduleId));
      return i < 0 ? LONGEST_FIRST.length : i;
    };
    const sorted = await super.sort(files);
    return sorted
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
      .map(({ f }) => f);
  }
}

// Browser tests: one Vite build served once, Debian's Chromium driven by playwright-core; two
// files at a time (each has its own browser and server).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: true,
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    globalSetup: ['test/e2e/global-setup.ts'],
  },
});
