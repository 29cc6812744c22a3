// The debrief's right-hand panes: the conversation and, after a failure, the model answer. They
// are an exclusive pair of <details> (opening one closes the other, by the browser alone); a
// moment picked or a replay opens the conversation.
import { html, noChange, type TemplateResult } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';

class OpenOn extends Directive {
  private last: unknown = undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('openOn binds to an element: <details ${openOn(k)}>');
  }

  render(_key: unknown): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [key]: [unknown]): typeof noChange {
    if (key !== this.last) {
      this.last = key;
      if (key !== null && key !== undefined && part.element instanceof HTMLDetailsElement) part.element.open = true;
    }
    return noChange;
  }
}

/** Opens a <details> whenever `key` changes to something other than null. */
export const openOn = directive(OpenOn);

export type Panes = {
  readonly conversationTitle: string;
  readonly conversation: TemplateResult;
  /** Null: no model answer (a passed call, or none for this call): the conversation stands alone. */
  readonly model: { readonly title: string; readonly body: TemplateResult } | null;
  /** Changes when the conversation must be shown (a moment picked, a replay started). */
  readonly showConversation: unknown;
};

/** The conversation pane, and the model answer's beside it when there is one (open first). */
export function panesView(p: Panes): TemplateResult {
  if (!p.model)
    return html`<h2>${p.conversationTitle}</h2>
      ${p.conversation}`;
  return html`<details class="pane conversation" name="debrief-pane" ${openOn(p.showConversation)}>
      <summary><h2>${p.conversationTitle}</h2></summary>
      ${p.conversation}
    </details>
    <details class="pane model" name="debrief-pane" open>
      <summary><h2>${p.model.title}</h2></summary>
      ${p.model.body}
    </details>`;
}
