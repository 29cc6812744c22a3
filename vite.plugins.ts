// Build plugins for a quick first load on slow machines (see README, "Tests and benchmarks").
import { existsSync, readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants } from 'node:zlib';
import type { Plugin } from 'vite';

const PHASER_SRC = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src');

/** Phaser's build flags (its webpack DefinePlugin): the Canvas renderer alone, no sound, no extras. */
const PHASER_FLAGS: Readonly<Record<string, string>> = {
  CANVAS_RENDERER: 'true',
  WEBGL_RENDERER: 'false',
  WEBGL_DEBUG: 'false',
  FEATURE_SOUND: 'false',
  PLUGIN_CAMERA3D: 'false',
  PLUGIN_FBINSTANT: 'false',
};

/**
 * In a build, `import Phaser from 'phaser'` gets src/game/phaser-desk.js: the part of Phaser the
 * desk uses, built from Phaser's sources with its flags, instead of the whole prebuilt bundle
 * (a third of its size, and as much less to parse and run before the desk is drawn). The dev
 * server keeps the prebuilt bundle: its dependency optimizer would not apply the flags.
 */
export function phaserForTheDesk(entry: string): Plugin {
  return {
    name: 'hotliner-phaser',
    apply: 'build',
    enforce: 'pre',
    config: () => ({
      resolve: {
        alias: [
          { find: /^phaser$/, replacement: entry },
          { find: /^phaser-src\//, replacement: `${PHASER_SRC}/` },
        ],
      },
    }),
    transform(code, id) {
      if (!id.startsWith(PHASER_SRC)) return null;
      return code.replace(/typeof ([A-Z_0-9]+)\b/g, (all, flag: string) => PHASER_FLAGS[flag] ?? all);
    },
  };
}

const brotli = promisify(brotliCompress);
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt|wasm)$/;
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/**
 * Brotli beside the build: each text file gets a `.br` twin (best quality, written once at build
 * time), and `vite preview` sends it to browsers that accept brotli. Any static server that
 * serves precompressed files (nginx `brotli_static`, Caddy `precompressed br`) can do the same.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'hotliner-precompress',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle: {
      sequential: true,
      // In parallel on the thread pool: best-quality brotli is slow (a few seconds for the game).
      async handler(_options, bundle) {
        const files = Object.keys(bundle)
          .filter((name) => COMPRESSIBLE.test(name))
          .map((name) => join(outDir, name));
        await Promise.all(
          files.map(async (file) => {
            const raw = await readFile(file);
            const br = await brotli(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
            });
            if (br.length < raw.length) await writeFile(`${file}.br`, br);
          }),
        );
      },
    },
    configurePreviewServer(server) {
      const dist = resolve(server.config.root, server.config.build.outDir);
      const base = server.config.base.startsWith('/') ? server.config.base : '/';
      server.middlewares.use((req, res, next) => {
        if ((req.method !== 'GET' && req.method !== 'HEAD') || !/\bbr\b/.test(String(req.headers['accept-encoding'])))
          return next();
        let path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
        if (path.startsWith(base)) path = `/${path.slice(base.length)}`;
        if (path.endsWith('/')) path += 'index.html';
        const file = join(dist, normalize(path));
        const type = TYPES[extname(file)];
        if (!type || !file.startsWith(dist) || !existsSync(`${file}.br`)) return next();
        res.setHeader('Content-Type', type);
        res.setHeader('Content-Encoding', 'br');
        res.setHeader('Vary', 'Accept-Encoding');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(req.method === 'HEAD' ? undefined : readFileSync(`${file}.br`));
      });
    },
  };
}

/**
 * The content file (fetched by src/content/bundle.ts once the main script runs) is asked for by
 * the page itself, so it downloads while the main script is parsed. Not the desk's script: a
 * modulepreload would have it compiled then too, and on a slow machine that delays the screens.
 */
export function preloadContent(): Plugin {
  return {
    name: 'hotliner-preload-content',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        // The game's page only: the Studio (studio.html) reads its own library, not this file.
        if (!ctx.filename.endsWith('index.html')) return;
        const content = Object.values(ctx.bundle ?? {}).find(
          (out) => out.type === 'asset' && out.names.includes('content.json'),
        );
        if (!content) return;
        const attrs = { rel: 'preload', as: 'fetch', crossorigin: true, href: `./${content.fileName}` };
        return [{ tag: 'link', attrs, injectTo: 'head' }];
      },
    },
  };
}
