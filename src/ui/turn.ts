// Whose turn it is, in words: the lines panel's first sentence. The engine says whose turn it is
// (affordances.turn); this only words it, with what the trainee can do then.
import type { TFunction } from 'i18next';
import type { Affordances } from '../engine/affordances.ts';
import type { TurnNote } from './Choices.ts';

/**
 * The customer is speaking only while they speak (then, the lines to read ahead); otherwise the
 * call waits on the trainee, at the lines or at the desk, and on which tool. `turns`: step by
 * step, where W moves the call on.
 */
export function turnNote(aff: Affordances, name: string, turns: boolean, t: TFunction): TurnNote {
  const busy = aff.tools.find((x) => x.status === 'running' || x.status === 'frozen' || x.status === 'restarting');
  const crashed = aff.tools.find((x) => x.status === 'crashed');
  const tool = busy ?? crashed;
  const step = turns ? 'Turns' : '';
  let key: string;
  switch (aff.turn) {
    case 'customer':
      key = `customer${aff.upcoming.length ? 'Read' : ''}${step}`;
      break;
    case 'agent':
      key = `agent${step}`;
      break;
    case 'trainee':
      key = busy ? 'traineeTool' : 'trainee';
      break;
    case 'desk':
      key = busy ? 'deskTool' : crashed ? 'deskCrashed' : 'desk';
      break;
    default:
      key = aff.turn;
  }
  const params = { name, tool: tool ? t(`tools.${tool.id}`) : '' };
  return { turn: aff.turn, label: t(`call.turnLabel.${aff.turn}`), text: t(`call.turn.${key}`, params) };
}
