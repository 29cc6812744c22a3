import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defineConfig, type Plugin } from 'vite';

/**
 * `virtual:hotliner-content`: the calls and the playbook parsed from YAML at build time, so the
 * game ships neither the YAML parser nor the schema validator (the checker runs them in CI).
 */
function content(): Plugin {
  const id = 'virtual:hotliner-content';
  const dir = join(import.meta.dirname, 'scenarios');
  return {
    name: 'hotliner-content',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const read = (f: string) => {
        this.addWatchFile(join(dir, f));
        return { file: `scenarios/${f}`, data: parse(readFileSync(join(dir, f), 'utf8')) };
      };
      const calls = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'playbook.yaml').sort().map(read);
      return `export default ${JSON.stringify({ playbook: read('playbook.yaml'), calls })};`;
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
