// node src/cli/run.mjs <tool> [args…]: runs a trainer tool (check, analyze, graph, i18n, schema, import,
// golden, scorm) precompiled (src/cli/bundle.mjs): about half a second sooner than under tsx.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshBundle } from './bundle.mjs';

const TOOLS = ['check', 'analyze', 'graph', 'i18n', 'schema', 'golden', 'scorm', 'import'];
const ENTRIES = [...TOOLS, 'analyze-worker'];
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const out = process.env.HOTLINER_CLI_CACHE ?? join(root, 'node_modules', '.cache', 'hotliner-cli');

const tool = process.argv[2];
if (!TOOLS.includes(tool)) {
  process.stderr.write(`usage: node src/cli/run.mjs <${TOOLS.join('|')}> [args…]\n`);
  process.exit(2);
}
await freshBundle(root, out, Object.fromEntries(ENTRIES.map((e) => [e, `src/cli/${e}.ts`])));
// The tool reads its arguments from process.argv.slice(2), as when run directly.
process.argv.splice(2, 1);
await import(pathToFileURL(join(out, `${tool}.mjs`)).href);
