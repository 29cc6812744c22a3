// The 1280×720 stage: the drawn desk underneath, the HTML overlay on top, both scaled together
// to fit the window (letterboxed), so layout rectangles mean the same thing in both layers.
import { noChange } from 'lit-html';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit-html/directive.js';
import { STAGE, type Rect } from '../layout.ts';

export class Stage {
  readonly root: HTMLElement;
  readonly world: HTMLElement;
  /** Where the screens are rendered; only the App renders into it. */
  readonly overlay: HTMLElement;
  private readonly onResize = (): void => this.fit();

  constructor(host: HTMLElement) {
    this.world = Object.assign(document.createElement('div'), { className: 'world' });
    this.world.setAttribute('aria-hidden', 'true');
    this.overlay = Object.assign(document.createElement('div'), { className: 'overlay' });
    this.root = Object.assign(document.createElement('div'), { className: 'stage' });
    this.root.append(this.world, this.overlay);
    host.replaceChildren(this.root);
    window.addEventListener('resize', this.onResize);
    this.fit();
  }

  /** Scales the stage to the largest size that fits the window. */
  fit(): void {
    const k = Math.min(window.innerWidth / STAGE.width, window.innerHeight / STAGE.height);
    this.root.style.transform = `translate(${(window.innerWidth - STAGE.width * k) / 2}px, ${(window.innerHeight - STAGE.height * k) / 2}px) scale(${k})`;
  }

  destroy(): void {
    window.removeEventListener('resize', this.onResize);
  }
}

type CssProps = Readonly<Record<string, string>>;

/**
 * Inline style properties set through the CSSOM (`el.style`): the page's Content-Security-Policy
 * (no 'unsafe-inline' styles) blocks `style` attributes, not this. `<div ${css({ width: '10%' })}>`.
 */
class Css extends Directive {
  private previous: readonly string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('css() binds to an element: <div ${css({ … })}>');
  }

  render(_props: CssProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [CssProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.previous = Object.keys(props);
    return noChange;
  }
}

export const css = directive(Css);
/** A `css()` binding, as views take it. */
export type Styled = ReturnType<typeof css>;

/** Puts an overlay element over a layout rectangle (bound on the element: `<section ${place(r)}>`). */
export function place(r: Rect): Styled {
  return css({ left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
}
