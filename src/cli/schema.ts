// npm run scenarios:schema: writes scenarios/scenario.schema.json and playbook.schema.json.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemaText } from '../content/json-schema.ts';
import { SCENARIO_DIR, displayPath } from './repo.ts';

for (const which of ['scenario', 'playbook'] as const) {
  const file = join(SCENARIO_DIR, `${which}.schema.json`);
  writeFileSync(file, jsonSchemaText(which));
  process.stdout.write(`${displayPath(file)}\n`);
}
