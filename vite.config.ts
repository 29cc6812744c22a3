import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defineConfig, type Plugin } from 'vite';

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
      .map(read);
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

export default defineConfig({
  base: './',
  plugins: [content()],
  build: {
    target: 'es2022',
    // Phaser alone is ~1.4 MB raw and is not tree-shaken.
    chunkSizeWarningLimit: 1600,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
});
