// The game's pack check, off the page's thread: reading, `checkCall` and the analyser (with the YAML
// parser and zod) load here only, when a trainee picks a pack, never with the game.
import { bundledPlaybook } from '../content/bundled.ts';
import { checkPack } from './check-pack.ts';
import type { ImportRequest, ImportReply } from './import-client.ts';

const post = (reply: ImportReply): void =>
  (self as unknown as { postMessage: (m: ImportReply) => void }).postMessage(reply);

self.onmessage = async (e: MessageEvent<ImportRequest>) => {
  const req = e.data;
  try {
    // The playbook as the game compiled it (its parsed document, from the content file).
    const pb = bundledPlaybook({ file: 'scenarios/playbook.yaml', data: req.playbookData });
    if (!pb.playbook) throw new Error('the playbook does not compile');
    const verdict = await checkPack(new Uint8Array(req.bytes), {
      playbook: pb.playbook,
      playbookData: req.playbookData,
      lang: req.lang,
      reservedIds: new Set(req.reservedIds),
      onStage: (stage) => post({ type: 'stage', stage }),
    });
    post({ type: 'done', verdict });
  } catch (err) {
    post({ type: 'failed', detail: err instanceof Error ? err.message : String(err) });
  }
};
