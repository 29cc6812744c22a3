// The names a call declares, for conditions and reference checks.
import type { ConditionError, Symbols } from '../engine/condition.ts';
import { positionInScalar, type Diagnostic, type PathPart, type SourceFile } from './source.ts';

export function emptySymbols(): Symbols {
  return {
    vars: new Set(),
    facts: new Set(),
    steps: new Set(),
    choices: new Set(),
    nodes: new Set(),
    diagnoses: new Set(),
    tools: new Set(),
    causes: new Set(),
  };
}

/** A condition error as a diagnostic pointing inside the condition's text. */
export function conditionDiag(source: SourceFile, path: readonly PathPart[], e: ConditionError): Diagnostic {
  const { line, col } = positionInScalar(source, path, e.offset);
  const code = `condition.${e.code}${e.params.suggestion ? 'Suggest' : ''}`;
  // The engine names a bad duration's text `text`; the checker sentence shows it as {{token}}.
  const params = e.code === 'badDuration' ? { token: e.params.text ?? '', ...e.params } : { ...e.params };
  return { file: source.file, line, col, severity: 'error', code, params };
}
