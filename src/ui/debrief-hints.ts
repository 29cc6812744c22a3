// A scorecard line's hint in words: what would have earned it, and the moment to look at. Pure.
import type { TFunction } from 'i18next';
import type { Hint } from '../analysis/hints.ts';
import { quote, risesText, times } from './debrief-words.ts';
import { clock } from './words.ts';

/** A hint's sentence, and the moment of the trainee's call it points at (null: none in this call). */
export type HintWords = { readonly text: string; readonly at: number | null };

const list = (items: readonly string[]): string => items.join(', ');

/** A line or tool hint: when it was on offer in this call, else when the model answer does it, else alone. */
function whenText(
  t: TFunction,
  kind: 'say' | 'tool',
  p: Record<string, string>,
  at: number | null,
  modelAt: number | null,
): string {
  if (at !== null) return t(`debrief.hint.${kind}Offered`, { ...p, at: clock(at) });
  if (modelAt !== null) return t(`debrief.hint.${kind}NotReached`, { ...p, model: clock(modelAt) });
  return t(`debrief.hint.${kind}Only`, p);
}

export function hintWords(t: TFunction, h: Hint): HintWords {
  switch (h.kind) {
    case 'say':
      // Whole: the words that do the step may come last ("…I understand. Your name, and your line?").
      return { text: whenText(t, 'say', { line: quote(t, h.line.key, Infinity) }, h.at, h.modelAt), at: h.at };
    case 'tool':
      return { text: whenText(t, 'tool', { tool: t(`tools.${h.tool}`) }, h.at, h.modelAt), at: h.at };
    case 'first':
      return {
        text: t(h.escalation ? 'debrief.hint.escalatedEarly' : 'debrief.hint.first', {
          at: clock(h.at),
          steps: list(h.steps.map((k) => t(k))),
        }),
        at: h.at,
      };
    case 'hold': {
      const holds = h.holds.map((x) =>
        t('debrief.hint.holdAt', {
          at: clock(x.at),
          missing: list(x.missing.map((m) => t(`debrief.hint.holdPart.${m}`, { seconds: h.every / 1000 }))),
        }),
      );
      const parts = [...holds, ...(h.tooMany ? [t('debrief.hint.holdTooMany')] : [])];
      return { text: parts.join(' '), at: h.holds[0]?.at ?? null };
    }
    case 'notes': {
      const known = h.missing.filter((k) => !h.unknown.includes(k));
      const parts = [
        ...(h.saved ? [] : [t('debrief.hint.notesUnsaved')]),
        ...(known.length ? [t('debrief.hint.notesMissing', { facts: list(known.map((k) => t(k))) })] : []),
        ...(h.unknown.length ? [t('debrief.hint.notesUnknown', { facts: list(h.unknown.map((k) => t(k))) })] : []),
        ...(h.wrong.length ? [t('debrief.hint.notesWrong', { facts: list(h.wrong.map((k) => t(k))) })] : []),
        ...(h.category ? [t('debrief.hint.ticketCategory', { category: t(h.category) })] : []),
        ...(h.priority ? [t('debrief.hint.ticketPriority', { priority: t(h.priority) })] : []),
      ];
      return { text: parts.join(' '), at: null };
    }
    case 'diagnosis': {
      const p = { diagnosis: t(h.diagnosis), par: clock(h.par), at: h.at === null ? '' : clock(h.at) };
      const main =
        h.stated !== null
          ? t('debrief.hint.diagnosisLate', { ...p, stated: clock(h.stated) })
          : t(h.at === null ? 'debrief.hint.diagnosisUnproved' : 'debrief.hint.diagnosisMissed', p);
      const wrong = h.wrong.length
        ? t('debrief.hint.diagnosisWrong', { count: h.wrong.length, times: times(h.wrong) })
        : '';
      return { text: [main, wrong].filter(Boolean).join(' '), at: h.at };
    }
    case 'anger':
      return { text: t('debrief.rises', { list: risesText(t, h.rises) }), at: h.rises[0]?.at ?? null };
    case 'tone':
      return {
        text: h.lines
          .map((l) =>
            t(l.better ? 'debrief.hint.toneBetter' : 'debrief.hint.tone', {
              at: clock(l.at),
              line: quote(t, l.line.key, 70),
              tone: t(`debrief.tone.${l.tone}`),
              better: l.better ? quote(t, l.better.key, 70) : '',
            }),
          )
          .join(' '),
        at: h.lines[0]?.at ?? null,
      };
    case 'deadAir': {
      const silences = t('debrief.hint.silences', {
        count: h.silences.length,
        list: list(h.silences.map((s) => t('debrief.hint.silence', { at: clock(s.at), seconds: s.seconds }))),
      });
      const line = h.line
        ? t('debrief.hint.silenceLine', { line: quote(t, h.line.key, 70), at: clock(h.line.at) })
        : '';
      return { text: [silences, line].filter(Boolean).join(' '), at: h.line?.at ?? h.silences[0]?.at ?? null };
    }
    case 'transparency':
      return {
        text: h.troubles
          .map((x) => {
            const p = {
              tool: t(`tools.${x.tool}`),
              trouble: t(`debrief.trouble.${x.trouble}`),
              at: clock(x.at),
              explained: x.explainedAt === null ? '' : clock(x.explainedAt),
              seconds: h.within / 1000,
            };
            const main = t(x.explainedAt === null ? 'debrief.hint.unexplained' : 'debrief.hint.explainedLate', p);
            const line = x.line
              ? t('debrief.hint.explainWith', { line: quote(t, x.line.key, 70), at: clock(x.line.at) })
              : '';
            return [main, line].filter(Boolean).join(' ');
          })
          .join(' '),
        at: h.troubles[0]?.at ?? null,
      };
    case 'rageClicks':
      return {
        text: t('debrief.hint.rageClicks', {
          list: list(h.clicks.map((c) => `${clock(c.at)} ${t(`tools.${c.tool}`)}`)),
        }),
        at: h.clicks[0]?.at ?? null,
      };
    case 'order':
      return {
        text: t('debrief.hint.order', { at: clock(h.at), choice: quote(t, h.choice), simpler: quote(t, h.simpler) }),
        at: h.at,
      };
  }
}
