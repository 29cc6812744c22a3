// The pages the browser benchmark measures: the game, built into its own folder (the e2e tests
// own dist/), and a bare Phaser 4 page drawn with the game's renderer, the yardstick.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview } from 'vite';
import { ROOT } from '../../src/cli/repo.ts';
import { phaserForTheDesk } from '../../vite.plugins.ts';

export type Served = { readonly url: string; readonly dir: string; close(): Promise<void> };

/** Builds the game of the repository at `root` into `outDir` and serves it as `vite preview` does. */
export async function serveGame(root: string, outDir: string, minify = true): Promise<Served> {
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true, minify } });
  return serve(root, outDir, undefined);
}

/**
 * A bare Phaser 4 page: one scene turning one picture, nothing loaded, drawn with the Canvas
 * renderer as the game's desk is (PhaserDesk.ts). `full`: the plain `import Phaser from 'phaser'`
 * (the yardstick); `desk`: the same page on the desk's own part of Phaser (vite.plugins.ts), which
 * tells the cost of the game's own code apart. The first painted frame is marked `bare:frame`.
 */
export async function serveBare(tmp: string, phaser: 'full' | 'desk'): Promise<Served> {
  const dir = join(tmp, `bare-${phaser}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body><script type="module" src="./main.ts"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'main.ts'),
    `import Phaser from 'phaser';
class Bare extends Phaser.Scene {
  private box!: Phaser.GameObjects.Image;
  create() {
    this.box = this.add.image(640, 360, '__WHITE').setDisplaySize(200, 120);
    this.game.events.once('postrender', () => performance.mark('bare:frame'));
  }
  update(t: number) { this.box.rotation = t / 1000; }
}
new Phaser.Game({ type: Phaser.CANVAS, width: 1280, height: 720, backgroundColor: '#3366cc', banner: false, audio: { noAudio: true }, scene: Bare });
`,
  );
  const outDir = join(dir, 'dist');
  await build({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    plugins: phaser === 'desk' ? [phaserForTheDesk(join(ROOT, 'src/game/phaser-desk.js'))] : [],
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4000 },
  });
  return serve(dir, outDir, false);
}

async function serve(root: string, outDir: string, configFile: false | undefined): Promise<Served> {
  const server = await preview({
    root,
    configFile,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const a = server.httpServer.address();
  const url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}/`;
  return { url, dir: outDir, close: () => server.close() };
}

/** Every file under `dir`. */
export function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}
