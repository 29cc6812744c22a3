// The content version a result is pinned to: the browser computes it from the built content file,
// the server from the YAML it loaded; both must agree, call by call.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { PLAYBOOK_FILE, SCENARIO_DIR } from '../../src/cli/repo.ts';
import { canonicalJson, contentHash } from '../../src/content/content-hash.ts';
import { content } from './support.ts';

describe('content hash', () => {
  it('is the SHA-256 of the canonical JSON of { playbook, call }', async () => {
    const expected = createHash('sha256').update('{"call":{"b":[1,null],"é":"ü"},"playbook":{"a":1}}').digest('hex');
    expect(await contentHash({ a: 1 }, { é: 'ü', b: [1, undefined], gone: undefined })).toBe(expected);
  });

  it('writes objects with sorted keys, as JSON would otherwise', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
    expect(canonicalJson({ inf: Infinity, nan: NaN, neg: -0 })).toBe('{"inf":null,"nan":null,"neg":0}');
  });

  it("matches the browser's: the build's JSON round trip of the parsed YAML changes no call's hash", async () => {
    const loaded = await content();
    const playbook = JSON.parse(JSON.stringify(parse(readFileSync(PLAYBOOK_FILE, 'utf8')))) as unknown;
    expect(loaded.calls.size).toBeGreaterThan(5);
    for (const call of loaded.calls.values()) {
      const data = JSON.parse(JSON.stringify(parse(readFileSync(join(SCENARIO_DIR, `${call.id}.yaml`), 'utf8'))));
      expect(await contentHash(playbook, data), call.id).toBe(call.hash);
    }
  });
});
