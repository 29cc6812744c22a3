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
      const restore = (): void => {
        if (document.addEventListener !== spy) return;
        if (own) document.addEventListener = original;
        else delete (document as { addEventListener?: unknown }).addEventListener;
      };
      // Only Phaser's own visibility listener is taken, and the spy leaves as soon as it has it.
      const spy = function (
        this: Document,
        type: string,
        listener: EventListenerOrEventListenerObject | null,
        options?: boolean | AddEventListenerOptions,
      ): void {
        if (listener && type.endsWith('visibilitychange')) {
          added.push([type, listener]);
          restore();
        }
        if (listener) original.call(this, type, listener, options);
      };
      document.addEventListener = spy as typeof document.addEventListener;
      // Phaser's start() finishes synchronously; by the next microtask its globals are in place.
      queueMicrotask(() => {
        restore();
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
