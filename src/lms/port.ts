// The learning platform as the App sees it: four calls, whatever the standard behind them
// (SCORM 1.2 today, see scorm12.ts). Without a platform there is no port and nothing changes.
import type { Lang } from '../i18n/lang.ts';
import type { InProgressSlot } from '../ports/storage.ts';
import type { CallSession } from '../session/call-session.ts';

export interface LmsPort {
  /** The call the platform kept from an earlier launch (left unfinished), to resume; null: none. */
  resumable(scenario: string, lang: Lang): InProgressSlot | null;
  /** A call has started (new or resumed): the platform keeps its progress from now on. */
  callStarted(session: CallSession): void;
  /** The call is over: its score, status, time and scorecard go to the platform. */
  callEnded(session: CallSession): void;
  /** The trainee left the call unfinished: kept to be resumed, or abandoned. */
  callLeft(kept: boolean): void;
}
