import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/types.ts';
import { EMPTY_RECORD, recordEvents, recordNote } from '../../src/ui/call-record.ts';
import { shownNote } from '../../src/ui/ToolPanel.ts';
import { heardPhrases, phrasesOf, shownPart } from '../../src/ui/Transcript.ts';

// Words are their keys, with their parameters: enough to see which words were chosen.
const t = ((key: string, params?: Record<string, unknown>) =>
  params ? `${key} ${JSON.stringify(params)}` : key) as unknown as TFunction;
const c = { t, ns: 'call', customerName: 'Mme Test' };
const fold = (events: readonly EngineEvent[], reveal = true) => recordEvents(EMPTY_RECORD, events, c, reveal);

describe('what the call screen has shown', () => {
  it("keeps a tool's last words in its window: its answer, its crash, nothing while it runs again", () => {
    const steps: [EngineEvent, string | undefined][] = [
      [{ type: 'toolStarted', at: 0, tool: 'crm', until: 3000 }, undefined],
      [{ type: 'toolCrashed', at: 2000, tool: 'crm' }, 'call.crashDialog {"tool":"tools.crm"}'],
      [{ type: 'toolRestarting', at: 4000, tool: 'crm', until: 9000 }, undefined],
      [{ type: 'toolRestarted', at: 9000, tool: 'crm' }, undefined],
      [{ type: 'toolStarted', at: 9500, tool: 'crm', until: 12_000 }, undefined],
      [
        { type: 'toolFinished', at: 12_000, tool: 'crm', outcome: 'found', key: 'call:tools.crm.found' },
        'call:tools.crm.found',
      ],
    ];
    let r = EMPTY_RECORD;
    for (const [e, note] of steps) {
      r = recordEvents(r, [e], c, true);
      expect(r.notes.crm?.text).toBe(note);
    }
  });

  // Issue 9: a restarted tool showed "ready" beside "has stopped working".
  it.each([
    { status: 'crashed', kind: 'crash', shown: true },
    { status: 'restarting', kind: 'crash', shown: false },
    { status: 'idle', kind: 'crash', shown: false },
    { status: 'idle', kind: 'answer', shown: true },
    { status: 'running', kind: 'answer', shown: false },
    { status: 'crashed', kind: 'answer', shown: false },
  ] as const)('a window shows its $kind while $status: $shown', ({ status, kind, shown }) => {
    expect(shownNote(status, { kind, text: 'words' })).toBe(shown ? 'words' : null);
  });

  it('says in the ticket window how many facts the notes keep', () => {
    const r = fold([{ type: 'ticketWritten', at: 0, notes: ['a', 'b'] }]);
    expect(r.notes.ticket).toEqual({ kind: 'answer', text: 'call.notesKept {"count":2}' });
  });

  // Issue 9: "X hung up" was printed before the goodbye.
  it('tells that the customer hung up after their goodbye, at the end of the call', () => {
    const r1 = fold([
      { type: 'customerHungUp', at: 5000 },
      { type: 'customerSpoke', at: 5000, key: 'call:nodes.gone.customer', node: 'gone', until: 8000 },
    ]);
    expect(r1.lines.map((l) => l.kind)).toEqual(['customer']);
    const r2 = recordEvents(r1, [{ type: 'callEnded', at: 8000, outcome: 'lost', by: 'customer' }], c, true);
    expect(r2.lines.map((l) => [l.kind, l.text, l.at])).toEqual([
      ['customer', 'call:nodes.gone.customer', 5000],
      ['system', 'call.customerHungUp {"name":"Mme Test"}', 8000],
      ['system', 'outcome.lost', 8000],
    ]);
  });

  // Issue 9: "Diagnosis stated / Right diagnosis" was printed twice (the form, then a line stating it again).
  it('announces a right diagnosis once, even when a line states it again', () => {
    const stated: EngineEvent[] = [
      { type: 'diagnosed', at: 1000, diagnosis: 'line_fault', correct: true, founded: true },
      { type: 'coached', at: 1000, key: 'coach.diagnosisRight', tone: 'good', params: {} },
    ];
    const r = recordEvents(fold(stated), stated, c, true);
    expect(r.lines.map((l) => l.text)).toEqual([
      'call.diagnosed {"diagnosis":"call:diagnoses.line_fault"}',
      'coach.diagnosisRight {}',
    ]);
  });

  it('numbers the lines in order, across batches, coaching notes among them', () => {
    const r1 = fold([
      { type: 'lineSaid', at: 0, choice: 'hello', key: 'call:choices.hello.text', until: 3000, tones: [] },
      { type: 'coached', at: 0, key: 'coach.deadAir', tone: 'warn', params: {} },
    ]);
    const r2 = recordEvents(
      r1,
      [{ type: 'coached', at: 5000, key: 'coach.holdThanked', tone: 'good', params: {} }],
      c,
      true,
    );
    expect(r2.lines.map((l) => [l.id, l.kind])).toEqual([
      [0, 'agent'],
      [1, 'coach'],
      [2, 'coach'],
    ]);
    expect(r2.lines.at(-1)!.text).toBe('coach.holdThanked {}');
    const r3 = recordNote(r2, 'resumed', 6000);
    expect(r3.lines.at(-1)).toEqual({ kind: 'system', text: 'resumed', at: 6000, id: 3, until: 0 });
  });

  it("reveals the customer's words as they are spoken, unless told not to", () => {
    const spoke: EngineEvent = {
      type: 'customerSpoke',
      at: 1000,
      key: 'call:nodes.who.customer',
      node: 'who',
      until: 3000,
    };
    const [line] = fold([spoke]).lines;
    expect(line!.until).toBe(3000);
    expect(shownPart(line!, 1000)).toBe('');
    expect(shownPart(line!, 2000)).toBe(line!.text.slice(0, Math.ceil(line!.text.length / 2)));
    expect(shownPart(line!, 3000)).toBe(line!.text);
    expect(fold([spoke], false).lines[0]!.until).toBe(0);
  });

  it('gives a screen reader the words said so far, phrase by phrase, not the whole sentence at its first word', () => {
    const text = 'Hello? Are you still there? I have no internet, none at all.';
    expect(phrasesOf(text)).toEqual(['Hello? ', 'Are you still there? ', 'I have no internet, ', 'none at all.']);
    expect(heardPhrases(text, 0)).toEqual([]);
    expect(heardPhrases(text, 10)).toEqual(['Hello? ']);
    expect(heardPhrases(text, text.length - 1).join('')).toBe('Hello? Are you still there? I have no internet, ');
    expect(heardPhrases(text, text.length).join('')).toBe(text);
  });

  it('leaves the record as it was when nothing happened (the clock ticking)', () => {
    const r = fold([{ type: 'checkedIn', at: 0 }]);
    expect(recordEvents(r, [], c, true)).toBe(r);
  });
});
