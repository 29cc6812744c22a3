// The 1280×720 stage: the drawn desk underneath, the HTML overlay on top, both scaled together
// to fit the window (letterboxed), so layout rectangles mean the same thing in both layers.
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

/** The inline style that puts an overlay element over a layout rectangle. */
export function place(r: Rect): string {
  return `left: ${r.x}px; top: ${r.y}px; width: ${r.w}px; height: ${r.h}px`;
}
