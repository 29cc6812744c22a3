// The draft compiled for the playtest and the map on the page's thread: the YAML read and
// validated, then compiled as the game compiles its calls — without the checker's translation,
// lint and text-safety passes (the check worker runs those). Kept apart from src/content/load.ts
// on purpose: the game's first load shares src/content/texts.ts with the Studio, and using the
// checker's functions here would pull their code into that shared chunk (see studio.e2e.ts).
import { compileScenario } from '../content/compile.ts';
import type { LoadedScenario } from '../content/load.ts';
import { MAX_LINES, MAX_NODES } from '../content/limits.ts';
import { parseSource } from '../content/parse.ts';
import { compilePlaybook, type PlaybookModel } from '../content/playbook.ts';
import { Playbook, Scenario } from '../content/schema.ts';
import { scenarioTexts } from '../content/texts.ts';
import { validate } from '../content/validate.ts';

const tooLong = (text: string): boolean => text.split('\n', MAX_LINES + 1).length > MAX_LINES;

/** The draft's model and texts, or null when it does not compile (the check worker says why). */
export function compileDraft(file: string, text: string, playbook: PlaybookModel): LoadedScenario | null {
  if (tooLong(text)) return null;
  try {
    const parsed = parseSource(file, text);
    if (parsed.diags.length) return null;
    const { value: doc } = validate(Scenario, parsed.source, parsed.data);
    if (!doc || Object.keys(doc.nodes).length > MAX_NODES) return null;
    const { model } = compileScenario(doc, parsed.source, playbook);
    return model ? { file, doc, model, texts: scenarioTexts(doc), diags: [] } : null;
  } catch {
    return null;
  }
}

/** The playbook from its YAML, or null when it does not compile. */
export function compilePlaybookText(file: string, text: string): PlaybookModel | null {
  try {
    const parsed = parseSource(file, text);
    if (parsed.diags.length) return null;
    const { value: doc } = validate(Playbook, parsed.source, parsed.data);
    return doc ? compilePlaybook(doc, parsed.source).playbook : null;
  } catch {
    return null;
  }
}
