import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { defineConfig, type Plugin } from 'vite';
import { phaserForTheDesk, precompress, preloadContent } from './vite.plugins.ts';
import { SCORM_MODE } from './src/lms/build-mode.ts';
import { noServiceWorker, offline } from './src/pwa/build.ts';

/**
 * A call's best path, `{ seed, mode, log }` from its golden file (`npm run golden:update`), for the
 * debrief's model answer; null when the call has none.
 */
function bestPath(root: string, call: string, watch: (file: string) => void): unknown {
  const file = join(root, 'test', 'golden', `${basename(call, '.yaml')}.json`);
  if (!existsSync(file)) return null;
  watch(file);
  const g = JSON.parse(readFileSync(file, 'utf8')) as { seed: unknown; mode: unknown; log: unknown };
  return { seed: g.seed, mode: g.mode, log: g.log };
}

/**
 * `virtual:hotliner-content`: the address of the game's content — the calls and the playbook
 * parsed from YAML at build time, and the translations of calls, playbook and checker — as one
 * JSON file. The game ships neither the YAML parser nor the schema validator (the checker runs
 * them in CI), and the content is data fetched at start, not code in the bundle. In a build it
 * is an asset (`assets/content-<hash>.json`); under `npm run dev` it is served fresh on each
 * load, and editing a call reloads the page.
 */
function content(): Plugin {
  const id = 'virtual:hotliner-content';
  const served = '/@hotliner/content.json';
  const root = import.meta.dirname;
  const dir = join(root, 'scenarios');
  const localeDir = join(root, 'locales');
  let serving = false;
  const gather = (watch: (file: string) => void): string => {
    const read = (f: string) => {
      watch(join(dir, f));
      return { file: `scenarios/${f}`, data: parse(readFileSync(join(dir, f), 'utf8')) };
    };
    const calls = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') && f !== 'playbook.yaml')
      .sort()
      .map((f) => ({ ...read(f), best: bestPath(root, f, watch) }));
    // The interface's own strings (ui.json) stay in the code: they are needed before this loads.
    const locales: Record<string, Record<string, string>> = {};
    for (const lang of readdirSync(localeDir).sort()) {
      for (const f of readdirSync(join(localeDir, lang))
        .filter((x) => x.endsWith('.json') && x !== 'ui.json')
        .sort()) {
        watch(join(localeDir, lang, f));
        (locales[lang] ??= {})[f.replace(/\.json$/, '')] = readFileSync(join(localeDir, lang, f), 'utf8');
      }
    }
    return JSON.stringify({ playbook: read('playbook.yaml'), calls, locales });
  };
  return {
    name: 'hotliner-content',
    configResolved: (config) => {
      serving = config.command === 'serve';
    },
    configureServer: (server) => {
      server.middlewares.use(served, (_req, res) => {
        res.setHeader('Content-Type', 'application/json');
        res.end(gather(() => {}));
      });
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const text = gather((f) => this.addWatchFile(f));
      if (serving) return `export default ${JSON.stringify(served)};`;
      const ref = this.emitFile({ type: 'asset', name: 'content.json', source: text });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

/**
 * The page's Content-Security-Policy: scripts and styles from the game's own files only (no
 * eval, no inline script or style: the screens set styles through the CSSOM), images and sounds
 * also as `data:` URIs (Phaser's built-in textures; howler's synthesised sounds when it falls back
 * to HTML5 audio), nothing embedded, no forms, no <base>.
 */
const CSP: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'media-src': "'self' data:",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
};
const policy = (extra: Readonly<Record<string, string>> = {}): string =>
  Object.entries({ ...CSP, ...extra })
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/**
 * The built page carries its policy in a meta tag (any static server then serves it). `npm run
 * dev` sends it as a header, loosened for Vite's own injected styles and its reload socket.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'hotliner-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy() }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [
    content(),
    phaserForTheDesk(join(import.meta.dirname, 'src/game/phaser-desk.js')),
    preloadContent(),
    // An LMS serves files as they are: an LMS package (`--mode scorm`) needs no brotli copies.
    ...(mode === SCORM_MODE ? [] : [precompress()]),
    contentSecurityPolicy(),
    // Installable and offline (src/pwa/build.ts); no service worker in an LMS package (`--mode scorm`).
    ...(mode === SCORM_MODE ? [noServiceWorker()] : offline()),
  ],
  build: {
    target: 'es2022',
    // The desk's Phaser (vite.plugins.ts) is ~0.5 MB raw.
    chunkSizeWarningLimit: 1600,
  },
  server: {
    port: 5173,
    strictPort: false,
    headers: {
      'Content-Security-Policy': policy({ 'style-src': "'self' 'unsafe-inline'", 'connect-src': "'self' ws: wss:" }),
    },
  },
  preview: { port: 4173, strictPort: false },
}));
