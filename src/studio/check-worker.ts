// The Studio's linter, off the page's thread: the project's checker on each edit (check.ts).
import './no-eval.ts';
import { playbookFromBytes } from '../content/from-bytes.ts';
import type { PlaybookModel } from '../content/playbook.ts';
import { checkDraft, type DraftTexts, type StudioDiag } from './check.ts';
import type { Lang } from '../i18n/lang.ts';

export type CheckRequest =
  | { readonly type: 'playbook'; readonly file: string; readonly text: string }
  | { readonly type: 'check'; readonly seq: number; readonly draft: DraftTexts; readonly lang: Lang };

export type CheckReply =
  | { readonly type: 'checked'; readonly seq: number; readonly diags: readonly StudioDiag[] }
  | { readonly type: 'playbookBroken'; readonly detail: string };

let playbook: PlaybookModel | null = null;

self.onmessage = (e: MessageEvent<CheckRequest>) => {
  const msg = e.data;
  if (msg.type === 'playbook') {
    const r = playbookFromBytes(msg.file, new TextEncoder().encode(msg.text));
    playbook = r.playbook;
    if (!playbook) post({ type: 'playbookBroken', detail: JSON.stringify(r.diags[0] ?? null) });
    return;
  }
  if (!playbook) return;
  post({ type: 'checked', seq: msg.seq, diags: checkDraft(msg.draft, playbook, msg.lang) });
};

function post(reply: CheckReply): void {
  (self as unknown as { postMessage: (m: CheckReply) => void }).postMessage(reply);
}
