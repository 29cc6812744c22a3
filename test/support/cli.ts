// Running the project's CLIs in tests, as a trainer runs them (tsx, the repository as working directory).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../src/cli/repo.ts';

/** Runs `src/cli/<script>` with `args`; its exit code and output. */
export function runCli(script: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}
