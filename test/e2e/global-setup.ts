// The game built once for every browser-test file (each built its own: about 10 s a file with
// the brotli copies and the service worker). Tests that rewrite what they serve build their own.
import { rmSync } from 'node:fs';
import { ROOT } from '../../src/cli/repo.ts';
import { buildGame } from './browser.ts';

export default async function setup(): Promise<() => void> {
  const dist = await buildGame(ROOT);
  process.env.HOTLINER_E2E_DIST = dist;
  return () => rmSync(dist, { recursive: true, force: true });
}
