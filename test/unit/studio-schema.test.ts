// Completion and hover from the schema: where the cursor stands in a YAML text (even a broken
// one), the keys and values the schema allows there, and descriptions in French and English.
import { describe, expect, it } from 'vitest';
import schema from '../../scenarios/scenario.schema.json' with { type: 'json' };
import {
  cursorPlace,
  describeIn,
  hoverText,
  keysAt,
  nodeIdsOf,
  valuesAt,
  wantsNodeId,
  type JsonSchema,
} from '../../src/studio/schema-help.ts';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { scenarioFiles } from '../../src/cli/repo.ts';

const root = schema as JsonSchema;
const CARET = '‸';

/** The place of the caret marker in a text (the marker removed). */
function at(text: string) {
  const offset = text.indexOf(CARET);
  return cursorPlace(text.replace(CARET, ''), offset);
}

const CALL = `id: x
customer:
  name: M. Test
nodes:
  open:
    customer: Bonjour
    choices:
      - id: hello
        text: Bonjour
        then: { goto: who, ‸ }
`;

describe('where the cursor stands', () => {
  it.each([
    ['a top-level key being typed', 'id: x\npers‸', [], null, true, 'pers'],
    ['a key under customer', 'customer:\n  name: A\n  ‸', ['customer'], null, true, ''],
    ['a value after a key', 'customer:\n  name: ‸', ['customer'], 'name', false, ''],
    [
      'a key in a list item',
      'nodes:\n  open:\n    choices:\n      - id: a\n        te‸',
      ['nodes', 'open', 'choices', 0],
      null,
      true,
      'te',
    ],
    [
      'the first key of a list item',
      'nodes:\n  open:\n    choices:\n      - ‸',
      ['nodes', 'open', 'choices', 0],
      null,
      true,
      '',
    ],
    ["a list at its parent key's column", 'steps:\n- id: a\n  la‸', ['steps', 0], null, true, 'la'],
    [
      'past comments and blank lines',
      'nodes:\n  # a note\n\n  open:\n    cust‸',
      ['nodes', 'open'],
      null,
      true,
      'cust',
    ],
    [
      'a value in a flow mapping',
      CALL.replace(', ‸', '').replace('goto: who', 'goto: ‸'),
      ['nodes', 'open', 'choices', 0, 'then'],
      'goto',
      false,
      '',
    ],
    ['a key in a flow mapping', CALL, ['nodes', 'open', 'choices', 0, 'then'], null, true, ''],
  ])('%s', (_, text, parent, key, typingKey, word) => {
    const p = at(text as string);
    expect(p.parent).toEqual(parent);
    expect(p.key).toBe(key);
    expect(p.typingKey).toBe(typingKey);
    expect(p.word).toBe(word);
  });

  it('works on a file that does not parse', () => {
    const broken = 'title: "unclosed\nnodes:\n  open:\n    choices:\n      - text: a : b\n        th‸';
    expect(at(broken).parent).toEqual(['nodes', 'open', 'choices', 0]);
  });
});

describe('what the schema offers there', () => {
  const keys = (parent: readonly (string | 0)[]) => keysAt(root, parent, 'fr').map((k) => k.key);

  it('the call keys at the top, without $schema', () => {
    expect(keys([])).toEqual(expect.arrayContaining(['id', 'title', 'persona', 'nodes', 'tools', 'timeScale']));
    expect(keys([])).not.toContain('$schema');
  });
  it("a node's keys under any node name, a line's keys in its list, a line's effects in `then`", () => {
    expect(keys(['nodes', 'anything'])).toEqual(
      expect.arrayContaining(['customer', 'choices', 'end', 'enter', 'note']),
    );
    expect(keys(['nodes', 'anything', 'choices', 0])).toEqual(
      expect.arrayContaining(['id', 'text', 'then', 'step', 'tone']),
    );
    expect(keys(['nodes', 'anything', 'choices', 0, 'then'])).toEqual(expect.arrayContaining(['goto', 'learn', 'end']));
  });
  it('nothing under a key the schema does not know', () => {
    expect(keys(['nosuchkey'])).toEqual([]);
  });
  it('the values of an enum', () => {
    expect(valuesAt(root, [], 'persona').sort()).toEqual(['angry', 'confused', 'technical']);
    expect(valuesAt(root, [], 'lang').sort()).toEqual(['en', 'fr']);
  });
});

describe("hover in the trainer's language", () => {
  it('gives the French part in French and the English part in English', () => {
    const fr = hoverText(root, [], 'persona', 'fr');
    const en = hoverText(root, [], 'persona', 'en');
    expect(fr).toMatch(/^Profil du client/);
    expect(en).toMatch(/^Customer profile/);
    expect(fr).not.toContain('Customer profile');
  });
  it('describes a key in a list item and in a flow mapping', () => {
    expect(hoverText(root, ['nodes', 'open', 'choices', 0], 'text', 'en')).toBeTruthy();
    expect(hoverText(root, ['nodes', 'open', 'choices', 0, 'then'], 'goto', 'en')).toBeTruthy();
    expect(hoverText(root, [], 'nosuchkey', 'en')).toBeNull();
  });
  it('splits a bilingual description at its blank line', () => {
    expect(describeIn('Un.\n\nOne.', 'fr')).toBe('Un.');
    expect(describeIn('Un.\n\nOne.', 'en')).toBe('One.');
    expect(describeIn('Only one.', 'en')).toBe('Only one.');
  });
});

describe('node ids after goto, start and onHangUp', () => {
  it('are the keys of the top-level nodes mapping, on every library call', () => {
    for (const file of scenarioFiles()) {
      const text = readFileSync(file, 'utf8');
      const doc = parse(text) as { nodes: Record<string, unknown> };
      expect(nodeIdsOf(text), file).toEqual(Object.keys(doc.nodes));
    }
  });

  it('are read from a file that does not parse yet, and stop at the next top-level key', () => {
    const text =
      'id: x\nnodes:\n  # the first\n  start:\n    choices:\n      - id: a\n        then: { goto: \nend: x\n  later: {}\n';
    expect(nodeIdsOf(text)).toEqual(['start']);
    expect(nodeIdsOf('id: x\n')).toEqual([]);
  });

  it('are wanted after goto anywhere, and after start and onHangUp at the top only', () => {
    expect(wantsNodeId(['nodes', 'start', 'choices', 0, 'then'], 'goto')).toBe(true);
    expect(wantsNodeId([], 'start')).toBe(true);
    expect(wantsNodeId([], 'onHangUp')).toBe(true);
    expect(wantsNodeId(['nodes'], 'start')).toBe(false);
    expect(wantsNodeId([], 'persona')).toBe(false);
  });
});
