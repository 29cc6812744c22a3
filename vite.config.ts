import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { phaserForTheDesk, precompress, preloadContent } from './vite.plugins.ts';
import { contentPlugin } from './src/content/content-plugin.ts';
import { SCORM_MODE } from './src/lms/build-mode.ts';
import { noServiceWorker, offline } from './src/pwa/build.ts';

/**
 * `virtual:hotliner-studio`: the address of the Studio's library (studio.html only) — each call's
 * YAML as written and its English translation JSON, and the playbook's, as text: the Studio
 * edits and checks the very bytes `npm run scenarios:check` reads. Emitted only when the Studio's
 * page imports it; served fresh by the dev server.
 */
function studioLibrary(): Plugin {
  const id = 'virtual:hotliner-studio';
  const served = '/@hotliner/studio-library.json';
  const root = import.meta.dirname;
  let serving = false;
  const gather = (watch: (file: string) => void): string => {
    const read = (rel: string): string | null => {
      const path = join(root, rel);
      if (!existsSync(path)) return null;
      watch(path);
      return readFileSync(path, 'utf8');
    };
    const calls = readdirSync(join(root, 'scenarios'))
      .filter((f) => f.endsWith('.yaml') && f !== 'playbook.yaml')
      .sort()
      .map((f) => {
        const id = basename(f, '.yaml');
        return { id, file: `scenarios/${f}`, text: read(`scenarios/${f}`), en: read(`locales/en/${id}.json`) };
      });
    const playbook = { file: 'scenarios/playbook.yaml', text: read('scenarios/playbook.yaml') };
    return JSON.stringify({ playbook, playbookEn: read('locales/en/playbook.json'), calls });
  };
  return {
    name: 'hotliner-studio-library',
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
      const ref = this.emitFile({ type: 'asset', name: 'studio-library.json', source: text });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}

/** Set while the Studio's own build runs (see `studioPage`). */
const STUDIO_PASS = 'HOTLINER_STUDIO_PASS';
const studioPass = (): boolean => process.env[STUDIO_PASS] === '1';

/**
 * The Studio's page (studio.html) is built in a second pass into the same folder, once the game's
 * build is written: the two pages share no chunk, so the game's first load is byte for byte what
 * it is without the Studio (a shared chunk would split the game's entry and carry the Studio's
 * uses of shared modules), and the game's service worker does not precache the Studio. Not in an
 * LMS package (`--mode scorm`). `npm run dev` serves studio.html as it is.
 */
function studioPage(mode: string): Plugin {
  let outDir = '';
  return {
    name: 'hotliner-studio-page',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (studioPass() || mode === SCORM_MODE) return;
        process.env[STUDIO_PASS] = '1';
        try {
          const { build } = await import('vite');
          const configFile = join(import.meta.dirname, 'vite.config.ts');
          await build({ configFile, mode, logLevel: 'warn', build: { outDir, emptyOutDir: false } });
        } finally {
          delete process.env[STUDIO_PASS];
        }
      },
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
    contentPlugin(),
    studioLibrary(),
    phaserForTheDesk(join(import.meta.dirname, 'src/game/phaser-desk.js')),
    preloadContent(),
    // An LMS serves files as they are: an LMS package (`--mode scorm`) needs no brotli copies.
    ...(mode === SCORM_MODE ? [] : [precompress()]),
    contentSecurityPolicy(),
    // Installable and offline (src/pwa/build.ts); no service worker in an LMS package (`--mode scorm`).
    ...(mode === SCORM_MODE ? [noServiceWorker()] : studioPass() ? [] : offline()),
    // Last: the Studio is built once the game's files and service worker are written.
    studioPage(mode),
  ],
  build: {
    target: 'es2022',
    // Two pages, each built on its own: the game, then the trainers' Studio (see `studioPage`).
    rolldownOptions: {
      input: studioPass() ? join(import.meta.dirname, 'studio.html') : join(import.meta.dirname, 'index.html'),
    },
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
