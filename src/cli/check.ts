// npm run scenarios:check [-- files…] [--lang fr|en]: compiler-style diagnostics, exit 1 on errors.
import { checkerText } from '../content/messages.ts';
import type { Diagnostic } from '../content/source.ts';
import { formatDiagnostics } from './format.ts';
import {
  checkPlaybookTranslations,
  cliLang,
  fileArgs,
  notCheckable,
  readPlaybook,
  checkScenarioFile,
  scenarioFiles,
} from './repo.ts';

function main(args: string[]): number {
  const lang = cliLang(args);
  const quiet = args.includes('--errors-only');
  const pb = readPlaybook();
  const diags: Diagnostic[] = [...pb.diags];
  const files = fileArgs(args);
  const targets = files.length ? files : scenarioFiles();
  if (pb.playbook) {
    diags.push(...checkPlaybookTranslations(pb.playbook));
    for (const f of targets) {
      // A call a naive strategy passes is legal, but it does not tell judgment from form.
      diags.push(...checkScenarioFile(f, pb.playbook, lang));
    }
  } else diags.push(...notCheckable(targets));
  const shown = quiet ? diags.filter((d) => d.severity === 'error') : diags;
  const errors = diags.filter((d) => d.severity === 'error').length;
  const warnings = diags.length - errors;
  if (shown.length) process.stdout.write(formatDiagnostics(shown, lang) + '\n');
  process.stdout.write(checkerText(lang, 'summary', { files: targets.length + 1, errors, warnings }) + '\n');
  if (!diags.length) process.stdout.write(checkerText(lang, 'clean') + '\n');
  return errors > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
