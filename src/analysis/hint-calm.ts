// Hints for the calmness lines: what raised the anger, the clumsy lines and a better one on offer
// then, the longest silences and a line that would have filled them, the tool troubles left
// unexplained and a line that explains, the rage clicks. Pure.
import type { ScoreLine } from '../engine/scoring.ts';
import { AVOIDED_TONES, lineHint, type Hint, type HintContext, type LineHint } from './hint-context.ts';
import { preferred } from './hint-process.ts';
import { allRises } from './triggers.ts';

const SHOWN = 3;

export function calmHints(cx: HintContext, l: ScoreLine): Hint[] {
  if (l.status === 'done') return [];
  switch (l.id) {
    case 'calm.anger':
      return angerHint(cx);
    case 'calm.tone':
      return [toneHint(cx, l)];
    case 'calm.deadAir':
      return [deadAirHint(cx)];
    case 'calm.transparency':
      return [transparencyHint(cx)];
    case 'calm.rageClicks':
      return [{ kind: 'rageClicks', clicks: cx.state.pokes.map((p) => ({ at: p.at, tool: cx.sc.tools[p.tool]!.id })) }];
    default:
      return [];
  }
}

/** The biggest rises of the anger, in the order they came. */
function angerHint(cx: HintContext): Hint[] {
  const rises = allRises(cx.sc, cx.state, cx.events)
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.delta - a.r.delta || a.i - b.i)
    .slice(0, SHOWN)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.r);
  return rises.length ? [{ kind: 'anger', rises }] : [];
}

/** The moment just before the trainee's action `action` (the last one seen with it next). */
function before(cx: HintContext, action: number): number {
  for (let i = cx.moments.length - 1; i >= 0; i--) if (cx.moments[i]!.action === action) return i;
  return -1;
}

/** A line on offer at moment `i` that passes `test`, the model's or the gentlest first. */
function offeredLine(cx: HintContext, i: number, test: (choice: string) => boolean): LineHint | null {
  const lines = (cx.offers[i]?.lines ?? []).filter(test);
  return lines.length ? lineHint(cx.sc, preferred(cx, lines)) : null;
}

function gentle(cx: HintContext, choice: string): boolean {
  return !cx.sc.choices[cx.sc.index.choices.get(choice)!]!.tones.some((t) => AVOIDED_TONES.includes(t));
}

function toneHint(cx: HintContext, l: ScoreLine): Hint {
  const marks = cx.state.tones.filter((t) => l.evidence.some((e) => e.action === t.action && e.at === t.at));
  return {
    kind: 'tone',
    lines: marks.slice(0, SHOWN).map((m) => {
      const c = cx.sc.choices[cx.sc.index.choices.get(m.choice)!]!;
      return {
        at: m.at,
        tone: m.tone,
        line: { choice: m.choice, key: c.key, tones: c.tones, again: false },
        better: offeredLine(cx, before(cx, m.action), (x) => x !== m.choice && gentle(cx, x)),
      };
    }),
  };
}

function deadAirHint(cx: HintContext): Hint {
  const longest = [...cx.state.deadAir].sort((a, b) => b.ms - a.ms).slice(0, SHOWN);
  // A line that was on offer during the longest silence (the model answer's, else a gentle one).
  const top = longest[0];
  const i = top
    ? cx.moments.findIndex((m, k) => m.state.silenceSince === top.at && cx.offers[k]!.lines.some((c) => gentle(cx, c)))
    : -1;
  const found = i >= 0 ? offeredLine(cx, i, (c) => gentle(cx, c)) : null;
  const line = found ? { ...found, at: cx.moments[i]!.at } : null;
  return {
    kind: 'deadAir',
    silences: longest
      .sort((a, b) => a.at - b.at)
      .map((d) => ({ at: d.at, seconds: Math.round(d.ms / 1000), toolBusy: d.toolBusy })),
    line,
  };
}

function transparencyHint(cx: HintContext): Hint {
  const { sc, state: s } = cx;
  const within = sc.scoring.transparencyWithin;
  // Only the waits the customer perceived are owed (see scoring.ts); a line tells of the tools it names.
  const troubles = s.troubles
    .filter((t) => t.perceived && (t.explainedAt < 0 || t.penalised || t.explainedAt - t.at > within))
    .slice(0, SHOWN)
    .map((t) => {
      const transparent = (c: string): boolean => sc.choices[sc.index.choices.get(c)!]!.explains.includes(t.tool);
      const i = cx.moments.findIndex((m, k) => m.at >= t.at && cx.offers[k]!.lines.some(transparent));
      const found = i >= 0 ? offeredLine(cx, i, transparent) : null;
      return {
        at: t.at,
        tool: sc.tools[t.tool]!.id,
        trouble: t.kind,
        explainedAt: t.explainedAt >= 0 ? t.explainedAt : null,
        line: found ? { ...found, at: cx.moments[i]!.at } : null,
      };
    });
  return { kind: 'transparency', within, troubles };
}
