// Phaser 4.2 never removes the document 'visibilitychange' listener nor window.onblur/onfocus
// it installs at boot; they keep a destroyed game (canvas, GL context, textures) alive. These
// helpers note them during boot so destroy can let go.

export type BootListeners = {
  /** Call from the game's postBoot callback: Phaser adds the listeners right after it. */
  capture(): void;
  release(): void;
};

export function trackBootListeners(): BootListeners {
  const added: [string, EventListenerOrEventListenerObject][] = [];
  let blur: Window['onblur'] = null;
  let focus: Window['onfocus'] = null;
  return {
    capture() {
      const own = Object.prototype.hasOwnProperty.call(document, 'addEventListener');
      const original = document.addEventListener;
      const spy = function (this: Document, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
        if (!listener) return;
        added.push([type, listener]);
        original.call(this, type, listener, options);
      };
      document.addEventListener = spy as typeof document.addEventListener;
      // Phaser's start() finishes synchronously, so the spy is gone before any other code runs.
      queueMicrotask(() => {
        if (document.addEventListener === spy) {
          if (own) document.addEventListener = original;
          else delete (document as { addEventListener?: unknown }).addEventListener;
        }
        blur = window.onblur;
        focus = window.onfocus;
      });
    },
    release() {
      for (const [type, listener] of added.splice(0)) document.removeEventListener(type, listener);
      if (blur && window.onblur === blur) window.onblur = null;
      if (focus && window.onfocus === focus) window.onfocus = null;
    },
  };
}
