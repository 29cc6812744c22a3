// The editor's JSON Schema (draft-07), generated from the zod schemas.
import { z } from 'zod';
import { Playbook, Scenario } from './schema.ts';

/** JSON Schema text for scenarios or the playbook, stable for committing. */
export function jsonSchemaText(which: 'scenario' | 'playbook'): string {
  const schema = z.toJSONSchema(which === 'scenario' ? Scenario : Playbook, {
    target: 'draft-07',
    unrepresentable: 'any',
  });
  const titled = { ...schema, title: which === 'scenario' ? 'Hotliner scenario' : 'Hotliner playbook' };
  return JSON.stringify(titled, null, 2) + '\n';
}
