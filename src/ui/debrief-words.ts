// The debrief's explanations in words: the cause of the result in one sentence, and what raised
// the customer's anger. Pure: an explanation and a TFunction in, strings out.
import type { TFunction } from 'i18next';
import type { AngerRise, Cause, LineRef, Trigger, Verdict } from '../analysis/loss-cause.ts';
import { clock, isolate, say } from './words.ts';

/** The longest quotation of a line in a sentence; the transcript has it whole. */
const QUOTE_MAX = 110;

/** A line's words for a quotation inside a sentence: without its final full stop, cut at a word boundary past `max` characters. */
export function quote(t: TFunction, key: string, max = QUOTE_MAX): string {
  // French puts a space before ? ! : ; and inside « »: a no-break one, so a line never starts with them.
  const text = t(key)
    .replace(/(?<!\.)\.$/, '')
    .replace(/ ([?!:;»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0');
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

/** Times as a list: "00:10, 00:18, 00:26". */
export function times(ats: readonly number[]): string {
  return ats.map(clock).join(', ');
}

/** ", which was rude" after a line whose tone the customer took badly; '' otherwise. */
function toneNote(t: TFunction, line: LineRef): string {
  const bad = line.tones.find((x) => x === 'rude' || x === 'condescending' || x === 'curt' || x === 'jargon');
  if (line.again) return t('debrief.cause.again');
  return bad ? t('debrief.cause.tone', { tone: t(`debrief.tone.${bad}`) }) : '';
}

/** The one sentence that says why the call ended as it did. */
export function causeText(t: TFunction, ns: string, c: Cause): string {
  const name = isolate(t(`${ns}:customer.name`));
  const at = clock(c.at);
  switch (c.kind) {
    case 'passed':
      return t(`debrief.cause.passed.${c.outcome}`, {
        at,
        total: c.total,
        pass: c.pass,
      });
    case 'lowScore':
      return t(`debrief.cause.lowScore.${c.outcome}`, {
        total: c.total,
        pass: c.pass,
        section: t(`debrief.section.${c.weakest}`),
        score: c.score,
      });
    case 'fatal': {
      const label = say(t, c.key, c.params);
      return c.line
        ? t('debrief.cause.fatalLine', { at, label, line: quote(t, c.line.key) })
        : t('debrief.cause.fatal', { at, label });
    }
    case 'agentHungUp':
      return t(c.fatal ? 'debrief.cause.agentHungUpFatal' : 'debrief.cause.agentHungUp', { at });
    case 'timeout':
      return t('debrief.cause.timeout', { at, limit: clock(c.limit) });
    case 'silence': {
      const p = { name, at, seconds: c.seconds, prompt: c.prompt ? t(c.prompt) : '', times: times(c.prompts) };
      if (c.tool) return t('debrief.cause.silenceTool', { ...p, tool: t(`tools.${c.tool}`) });
      return t(c.prompt ? 'debrief.cause.silence' : 'debrief.cause.silenceQuiet', p);
    }
    case 'line':
      return t(c.scripted ? 'debrief.cause.lineEnded' : 'debrief.cause.line', {
        name,
        at,
        said: clock(c.said),
        line: quote(t, c.line.key),
        tone: toneNote(t, c.line),
      });
    case 'hold':
      return t('debrief.cause.hold', { name, at, seconds: c.seconds });
    case 'anger':
      return t('debrief.cause.anger', { name, at, peak: c.peak });
    case 'patience':
      return t('debrief.cause.patience', { name, at });
    case 'unfinished':
      return t('debrief.cause.unfinished', { at });
  }
}

/** What set off a change, in a few words: a quoted line, a silence, an unexplained wait… */
export function triggerText(t: TFunction, by: Trigger): string {
  switch (by.kind) {
    case 'line':
      return t('debrief.by.line', { line: quote(t, by.line.key, 70), tone: toneNote(t, by.line) });
    case 'customer':
      return by.line ? t('debrief.by.after', { line: quote(t, by.line.key, 70) }) : t('debrief.by.customer');
    default:
      return t(`debrief.by.${by.kind}`);
  }
}

/** "00:40 your line “…” (+2) · 01:58 a silence (+1)": the rises of the anger, in order. */
export function risesText(t: TFunction, rises: readonly AngerRise[]): string {
  return rises
    .map((r) => t('debrief.rise', { at: clock(r.at), what: triggerText(t, r.by), delta: r.delta, value: r.value }))
    .join(' · ');
}

/** The verdict's sentences: the cause, then what else counts (a loss behind an automatic fail). */
export function verdictTexts(t: TFunction, ns: string, v: Verdict): { cause: string; also: string; rises: string } {
  const { cause, also } = v;
  // The line an automatic fail quotes is not quoted again for the call it ended.
  const same = also?.kind === 'line' && cause.kind === 'fatal' && cause.line?.choice === also.line.choice;
  return {
    cause: causeText(t, ns, cause),
    also: !also
      ? ''
      : same
        ? t('debrief.cause.thenEnded', { name: t(`${ns}:customer.name`), at: clock(also.at) })
        : causeText(t, ns, also),
    rises: v.rises.length ? t('debrief.rises', { list: risesText(t, v.rises) }) : '',
  };
}
