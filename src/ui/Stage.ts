// The 1280×720 stage: the drawn desk underneath, the HTML overlay on top, both scaled together
// to fit the window (letterboxed), so layout rectangles mean the same thing in both layers.
import { STAGE, type Rect } from '../layout.ts';
import { el } from './dom.ts';

export class Stage {
  readonly root: HTMLElement;
  readonly world: HTMLElement;
  readonly overlay: HTMLElement;
  private readonly onResize = (): void => this.fit();

  constructor(host: HTMLElement) {
    this.world = el('div', { class: 'world', 'aria-hidden': 'true' });
    this.overlay = el('div', { class: 'overlay' });
    this.root = el('div', { class: 'stage' }, this.world, this.overlay);
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

/** Positions an overlay element over a layout rectangle. */
export function place<T extends HTMLElement>(node: T, r: Rect): T {
  Object.assign(node.style, { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px` });
  return node;
}
