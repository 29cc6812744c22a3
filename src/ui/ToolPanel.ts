// The seven tool windows' words and buttons, laid over the windows the desk draws.
import type { i18n } from 'i18next';
import { TOOL_IDS, type ToolId } from '../engine/model.ts';
import type { CallState, EngineEvent } from '../engine/types.ts';
import type { ToolLook } from '../ports/desk-view.ts';
import { el, setAttr, setText } from './dom.ts';
import { toolWindowRect } from '../layout.ts';
import { place } from './Stage.ts';

type Win = { root: HTMLElement; status: HTMLElement; result: HTMLElement; button: HTMLButtonElement };

export class ToolPanel {
  readonly node: HTMLElement;
  private readonly wins = new Map<ToolId, Win>();
  private readonly lastProgress = new Map<ToolId, number>();

  constructor(private readonly t: i18n['t'], onUse: (tool: ToolId, restart: boolean) => void) {
    this.node = el('section', { class: 'tools', 'aria-label': t('call.desk') });
    TOOL_IDS.forEach((id, i) => {
      const status = el('span', { class: 'tool-status' });
      const result = el('span', { class: 'tool-result' });
      const button = el('button', { type: 'button', class: 'tool-button', 'data-tool': id, 'aria-keyshortcuts': `Shift+${i + 1}` });
      button.addEventListener('click', () => onUse(id, button.dataset.restart === '1'));
      const root = place(el('div', { class: 'tool-window', 'data-tool': id, role: 'group', 'aria-label': t(`tools.${id}`) },
        el('span', { class: 'tool-name', text: t(`tools.${id}`) }), status, result, button), toolWindowRect(i));
      this.wins.set(id, { root, status, result, button });
      this.node.append(root);
    });
  }

  /** Shows each tool's status and the right button for it. */
  render(s: CallState): void {
    TOOL_IDS.forEach((id, i) => {
      const tool = s.tools[i]!;
      const w = this.wins.get(id)!;
      setAttr(w.root, 'data-status', tool.status);
      setText(w.status, this.t(`toolStatus.${tool.status}`));
      const restart = tool.status === 'crashed';
      setAttr(w.button, 'data-restart', restart ? '1' : '0');
      setText(w.button, this.t(restart ? 'call.restart' : 'call.run'));
      setAttr(w.button, 'aria-label', `${this.t(restart ? 'call.restart' : 'call.run')} — ${this.t(`tools.${id}`)} (${this.t(`toolStatus.${tool.status}`)})`);
      if (w.button.disabled !== (s.ended !== null)) w.button.disabled = s.ended !== null;
    });
  }

  /** Tool results shown in their window until the next run. */
  onEvents(events: readonly EngineEvent[]): void {
    for (const e of events) {
      if (e.type === 'toolStarted') this.wins.get(e.tool)!.result.textContent = '';
      if (e.type === 'toolFinished' && e.key) {
        const r = this.wins.get(e.tool)!.result;
        r.textContent = this.t(e.key);
        r.title = r.textContent;
      }
      if (e.type === 'toolCrashed') this.wins.get(e.tool)!.result.textContent = this.t('call.crashDialog', { tool: this.t(`tools.${e.tool}`) });
    }
  }

  /** What the desk should draw for each tool; a frozen bar keeps the progress it had. */
  looks(s: CallState): Record<ToolId, ToolLook> {
    const out = {} as Record<ToolId, ToolLook>;
    TOOL_IDS.forEach((id, i) => {
      const tool = s.tools[i]!;
      let progress: number | null = null;
      if (tool.status === 'running' && tool.runEnd > tool.runStart) {
        progress = Math.min(1, (s.time - tool.runStart) / (tool.runEnd - tool.runStart));
        this.lastProgress.set(id, progress);
      } else if (tool.status === 'frozen') progress = this.lastProgress.get(id) ?? 0;
      out[id] = { status: tool.status, progress };
    });
    return out;
  }

  focus(index: number): void {
    this.wins.get(TOOL_IDS[index]!)?.button.focus();
  }
}
