// The drawn desk arrives after the menu: the game is usable at once, and the desk catches up
// with the last thing it was asked to show when it is ready.
import type { DeskScene, DeskView } from '../ports/desk-view.ts';

export class LazyDesk implements DeskView {
  private real: DeskView | null = null;
  private last: { kind: 'idle' } | { kind: 'scene'; scene: DeskScene } = { kind: 'idle' };
  private reduced = false;
  private destroyed = false;

  constructor(loading: Promise<DeskView | null>) {
    void loading.then((desk) => {
      if (!desk) return;
      if (this.destroyed) return desk.destroy();
      this.real = desk;
      desk.setReducedMotion(this.reduced);
      if (this.last.kind === 'idle') desk.showIdle();
      else desk.render(this.last.scene);
    });
  }

  showIdle(): void {
    this.last = { kind: 'idle' };
    this.real?.showIdle();
  }

  render(scene: DeskScene): void {
    this.last = { kind: 'scene', scene };
    this.real?.render(scene);
  }

  flash(kind: Parameters<DeskView['flash']>[0], tool?: Parameters<DeskView['flash']>[1]): void {
    this.real?.flash(kind, tool);
  }

  setReducedMotion(reduced: boolean): void {
    this.reduced = reduced;
    this.real?.setReducedMotion(reduced);
  }

  destroy(): void {
    this.destroyed = true;
    this.real?.destroy();
  }
}
