// The Vite plugin that makes the game's content file (node side, used by vite.config.ts).
import type { Logger, Plugin } from 'vite';
import { formatDiagnostics } from '../cli/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { gatherContent, newGatherCache, type Gathered } from './gather.ts';
import { checkerText } from './messages.ts';

/** The terminal's language, as the command-line checker chooses it: LANG, else French. */
const lang: Lang = (process.env.LANG ?? '').startsWith('en') ? 'en' : 'fr';

/** What the terminal says about the files left out: the checker's messages, file:line:col. */
export function problemReport(g: Gathered, build: boolean, language: Lang = lang): string {
  const diags = g.problems.flatMap((p) => p.diags);
  if (!diags.length) return '';
  const params = { count: g.problems.length, files: g.problems.map((p) => p.file).join(', ') };
  const head = checkerText(language, build ? 'gather.buildRefused' : 'gather.leftOut', params);
  return `${head}\n\n${formatDiagnostics(diags, language)}`;
}

/**
 * `virtual:hotliner-content`: the address of the game's content — the calls and the playbook
 * parsed from YAML at build time, and the translations of calls, playbook and checker — as one
 * JSON file. The game ships neither the YAML parser nor the schema validator, and the content is
 * data fetched at start, not code in the bundle. In a build it is an asset
 * (`assets/content-<hash>.json`), and a file that does not pass the checker fails the build with
 * its messages. Under `npm run dev` it is served fresh on each load (editing a call reloads the
 * page); a file that does not pass is left out, listed in the content (the menu shows it) and
 * in the terminal, once per change.
 */
export function contentPlugin(): Plugin {
  const id = 'virtual:hotliner-content';
  const served = '/@hotliner/content.json';
  const cache = newGatherCache();
  let root = '';
  let serving = false;
  let logger: Logger | null = null;
  let reported = '';
  const gather = (watch: (file: string) => void): Gathered => {
    const g = gatherContent(root, watch, cache);
    const report = problemReport(g, false);
    if (serving && report !== reported) {
      if (report) logger?.error(report, { timestamp: true });
      else logger?.info(checkerText(lang, 'gather.allBack'), { timestamp: true });
    }
    reported = report;
    return g;
  };
  return {
    name: 'hotliner-content',
    configResolved: (config) => {
      serving = config.command === 'serve';
      root = config.root;
      logger = config.logger;
    },
    configureServer: (server) => {
      server.middlewares.use(served, (_req, res) => {
        try {
          const body = JSON.stringify(gather(() => {}).content);
          res.setHeader('Content-Type', 'application/json');
          res.end(body);
        } catch (e) {
          // A file the gathering cannot read at all: the page says the content did not load, and why.
          logger?.error(String(e), { timestamp: true });
          res.statusCode = 500;
          res.end(String(e));
        }
      });
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const g = gather((f) => this.addWatchFile(f));
      if (serving) return `export default ${JSON.stringify(served)};`;
      if (g.problems.length) this.error(`\n${problemReport(g, true)}`);
      const ref = this.emitFile({ type: 'asset', name: 'content.json', source: JSON.stringify(g.content) });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
}
