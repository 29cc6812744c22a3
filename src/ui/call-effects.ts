// What the call's events sound and look like beyond the page: sound cues, the customer's voice,
// and the drawn desk's flourishes and scene. The engine decided; this only plays it out.
import type { Affordances } from '../engine/affordances.ts';
import type { ScenarioModel, ToolId } from '../engine/model.ts';
import type { CallState, EngineEvent } from '../engine/types.ts';
import type { Lang } from '../i18n/lang.ts';
import type { AudioPort } from '../ports/audio.ts';
import { moodOf, type DeskScene, type DeskView, type ToolLook } from '../ports/desk-view.ts';

/** Plays the cues of these events; `spoken`: the customer's words among them, for the voice. */
export function playEvents(
  audio: AudioPort,
  desk: DeskView | null,
  sc: ScenarioModel,
  s: CallState,
  events: readonly EngineEvent[],
  spoken: readonly string[],
  lang: Lang,
): void {
  const mood = moodOf(s.vars[0]!, s.vars[1]!);
  for (const e of events) {
    if (e.type === 'customerSpoke') audio.babble(sc.persona, mood, Math.min(4000, e.until - e.at));
    else if (e.type === 'toolCrashed') (audio.play('crash'), desk?.flash('crash', e.tool));
    else if (e.type === 'toolFroze') desk?.flash('freeze', e.tool);
    else if (e.type === 'toolRestarted') desk?.flash('restarted', e.tool);
    else if (e.type === 'toolFinished') (audio.play('notify'), desk?.flash('finished', e.tool));
    else if (e.type === 'toolPoked') (audio.play('error'), desk?.flash('poke', e.tool));
    else if (e.type === 'toolStarted' || e.type === 'ticketWritten') audio.play('typing');
    else if (e.type === 'heldCall') audio.startLoop('hold');
    else if (e.type === 'resumedCall' || e.type === 'customerHungUp') audio.stopLoop('hold');
    else if (e.type === 'callEnded') audio.play('hangup');
  }
  for (const text of spoken) audio.speak(text, lang, sc.persona, mood);
}

/** What the desk draws now: the customer's mood, who speaks, the tools as the engine has them. */
export function deskScene(sc: ScenarioModel, s: CallState, aff: Affordances, ringing: boolean): DeskScene {
  const tools = Object.fromEntries(aff.tools.map((x) => [x.id, { status: x.status, progress: x.progress }])) as Record<
    ToolId,
    ToolLook
  >;
  return {
    persona: sc.persona,
    portrait: sc.portrait,
    mood: moodOf(s.vars[0]!, s.vars[1]!),
    speaking: aff.talking,
    onHold: aff.onHold,
    ringing,
    ended: aff.ended,
    tools,
  };
}
