import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonSchemaText } from '../../src/content/json-schema.ts';
import { ROOT, scenarioFiles } from '../../src/cli/repo.ts';

type Json = { [k: string]: unknown };

/** Every property of every object in a JSON Schema, with its path. */
function properties(schema: unknown, path = '', out: [string, Json][] = []): [string, Json][] {
  if (!schema || typeof schema !== 'object') return out;
  const s = schema as Json;
  for (const [k, v] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
    out.push([`${path}.${k}`, v]);
    properties(v, `${path}.${k}`, out);
  }
  for (const key of ['items', 'additionalProperties'])
    if (s[key] && typeof s[key] === 'object') properties(s[key], `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf']) for (const sub of (s[key] ?? []) as Json[]) properties(sub, path, out);
  return out;
}

describe.each(['scenario', 'playbook'] as const)('the %s JSON Schema', (which) => {
  const text = jsonSchemaText(which);
  const schema = JSON.parse(text) as Json;

  it('is committed and up to date (npm run scenarios:schema)', () => {
    expect(readFileSync(join(ROOT, 'scenarios', `${which}.schema.json`), 'utf8')).toBe(text);
  });

  it('is draft-07', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('describes every field in French and in English', () => {
    const missing = properties(schema)
      .filter(([path]) => !path.endsWith('.$schema'))
      .filter(([, p]) => typeof p.description !== 'string' || !(p.description as string).includes('\n\n'))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});

describe('scenario files', () => {
  it.each(scenarioFiles().map((f) => [f.replace(/^.*\//, ''), f]))(
    '%s starts with the yaml-language-server modeline',
    (_n, f) => {
      expect(readFileSync(f, 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    },
  );
});
