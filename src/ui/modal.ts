// A <dialog> opened and closed from data: the template says whether it is open, this directive
// makes the browser's modal state follow (showModal gives the focus trap, Escape and the backdrop).
import { noChange } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';

/**
 * A `close` event comes a task after the dialog closed: by then it may have been opened again
 * (Close, then its key at once), and that later open must not be undone. Handlers skip it.
 */
export const stale = (e: Event): boolean => (e.target as HTMLDialogElement).open;

function sync(dialog: HTMLDialogElement, open: boolean): void {
  if (open && !dialog.open) dialog.showModal();
  else if (!open && dialog.open) dialog.close();
}

class Modal extends Directive {
  private want = false;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('modal binds to a <dialog>: <dialog ${modal(open)}>');
  }

  render(_open: boolean): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [open]: [boolean]): typeof noChange {
    const dialog = part.element as HTMLDialogElement;
    this.want = open;
    // showModal needs the dialog in the page: a first render is attached just after this runs.
    if (dialog.isConnected) sync(dialog, open);
    else queueMicrotask(() => dialog.isConnected && sync(dialog, this.want));
    return noChange;
  }
}

/**
 * Shows the dialog as modal while `open` is true. The dialog's own `close` event (Escape, a form
 * button) must tell the owner, so that the next render does not open it again.
 */
export const modal = directive(Modal);
