// Moving the keyboard from inside a template: a view asks for focus on the element it binds,
// so no one has to find that element again with a query on the shared overlay.
import { noChange } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';

// Requests already served, wherever they were bound: an element re-created later (a card
// filtered out and back in) does not take the focus a second time.
const served = new WeakSet<object>();

function focusLater(el: Element, scroll: boolean): void {
  // Directives run before a first render is attached to the page: act once it is.
  queueMicrotask(() => {
    if (!(el instanceof HTMLElement || el instanceof SVGElement) || !el.isConnected) return;
    if (scroll) el.scrollIntoView?.({ block: 'center' });
    el.focus({ preventScroll: true });
  });
}

class FocusOnce extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('focusOnce binds to an element: <h1 ${focusOnce(r)}>');
  }

  render(_request: object | null): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [request]: [object | null]): typeof noChange {
    if (request && !served.has(request)) {
      served.add(request);
      focusLater(part.element, false);
    }
    return noChange;
  }
}

/** Focuses the element once per request object (e.g. the model of a screen just opened). */
export const focusOnce = directive(FocusOnce);

class RevealOn extends Directive {
  private last: unknown = undefined;

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('revealOn binds to an element: <li ${revealOn(k)}>');
  }

  render(_key: unknown): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [key]: [unknown]): typeof noChange {
    if (key !== this.last) {
      this.last = key;
      focusLater(part.element, true);
    }
    return noChange;
  }
}

/** Scrolls the element into view and focuses it when first bound and whenever `key` changes. */
export const revealOn = directive(RevealOn);
