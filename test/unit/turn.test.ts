// Whose turn the call screen says it is (issue 9): "the customer is speaking" only while they
// speak; otherwise the call waits on the trainee, at the lines or at the desk, and on what.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../src/cli/repo.ts';
import type { Affordances, ToolAffordance } from '../../src/engine/affordances.ts';
import { turnNote } from '../../src/ui/turn.ts';

const t = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key} ${JSON.stringify(params)}` : key) as unknown as TFunction;

const tool = (id: ToolAffordance['id'], status: ToolAffordance['status']): ToolAffordance => ({
  id,
  status,
  press: 'run',
  action: null,
  progress: null,
});

function aff(patch: Partial<Affordances>): Affordances {
  return {
    ended: false,
    talking: null,
    onHold: false,
    toolBusy: false,
    lines: [],
    upcoming: [],
    turn: 'trainee',
    tools: [tool('crm', 'idle'), tool('line_test', 'idle')],
    controls: {} as Affordances['controls'],
    diagnoses: [],
    facts: [],
    notable: [],
    timeScale: 1,
    ...patch,
  };
}

describe('whose turn the screen says it is', () => {
  it.each([
    {
      name: 'the customer speaking, lines to read ahead',
      a: aff({ turn: 'customer', upcoming: ['x'] }),
      key: 'customerRead',
    },
    { name: 'the customer speaking, nothing to read yet', a: aff({ turn: 'customer' }), key: 'customer' },
    { name: 'the trainee speaking', a: aff({ turn: 'agent' }), key: 'agent' },
    { name: "the trainee's turn", a: aff({ turn: 'trainee', lines: ['x'] }), key: 'trainee' },
    {
      name: "the trainee's turn while the customer waits on a tool",
      a: aff({
        turn: 'trainee',
        lines: ['x'],
        toolBusy: true,
        tools: [tool('crm', 'idle'), tool('line_test', 'running')],
      }),
      key: 'traineeTool',
      tool: 'tools.line_test',
    },
    { name: 'the desk, nothing running', a: aff({ turn: 'desk' }), key: 'desk' },
    {
      name: 'the desk, a frozen tool',
      a: aff({ turn: 'desk', toolBusy: true, tools: [tool('crm', 'frozen'), tool('line_test', 'idle')] }),
      key: 'deskTool',
      tool: 'tools.crm',
    },
    {
      name: 'the desk, a crashed tool to restart',
      a: aff({ turn: 'desk', tools: [tool('crm', 'crashed'), tool('line_test', 'idle')] }),
      key: 'deskCrashed',
      tool: 'tools.crm',
    },
    { name: 'on hold', a: aff({ turn: 'hold', onHold: true }), key: 'hold' },
    { name: 'over', a: aff({ turn: 'ended', ended: true }), key: 'ended' },
  ])('$name', ({ a, key, tool: named }) => {
    const note = turnNote(a, 'Mme Test', false, t);
    expect(note.turn).toBe(a.turn);
    expect(note.label).toBe(`call.turnLabel.${a.turn}`);
    expect(note.text).toBe(`call.turn.${key} ${JSON.stringify({ name: 'Mme Test', tool: named ?? '' })}`);
  });

  it('step by step, says that W moves the words on', () => {
    expect(turnNote(aff({ turn: 'customer', upcoming: ['x'] }), 'M', true, t).text).toMatch(
      /^call\.turn\.customerReadTurns /,
    );
    expect(turnNote(aff({ turn: 'agent' }), 'M', true, t).text).toMatch(/^call\.turn\.agentTurns /);
  });

  it('has its words in French and English, for every turn', () => {
    const keys = ['customer', 'customerTurns', 'customerRead', 'customerReadTurns', 'agent', 'agentTurns']
      .concat(['trainee', 'traineeTool', 'desk', 'deskTool', 'deskCrashed', 'hold', 'ended'])
      .map((k) => `turn.${k}`)
      .concat(['customer', 'agent', 'trainee', 'desk', 'hold', 'ended'].map((k) => `turnLabel.${k}`));
    for (const lang of ['fr', 'en']) {
      const call = JSON.parse(readFileSync(join(ROOT, 'locales', lang, 'ui.json'), 'utf8')).call;
      const missing = keys.filter((k) => typeof k.split('.').reduce((o, p) => o?.[p], call) !== 'string');
      expect(missing, lang).toEqual([]);
    }
  });
});
