// The DeskView port, drawn by Phaser: one game, one scene, nothing loaded from the network.
import Phaser from 'phaser';
import type { DeskView } from '../ports/desk-view.ts';
import { STAGE } from '../layout.ts';
import { trackBootListeners } from './boot-listeners.ts';
import { DeskScene } from './DeskScene.ts';
import { ROOM } from './palette.ts';

/** Creates the drawn desk inside `parent`; resolves once the first scene is built. */
export function createPhaserDesk(parent: HTMLElement): Promise<DeskView> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const boot = trackBootListeners();
    let game: Phaser.Game | null = null;
    // The scene is built inside Phaser's boot, before boot finishes installing its globals;
    // hand the view out once boot is over.
    const scene = new DeskScene((s) => {
      setTimeout(() => {
        if (!game) return;
        skipStillFrames(game, s);
        // Visible in the browser's performance timeline (and read by the benchmarks).
        performance.measure?.('hotliner:desk-create', { start: started, end: performance.now() });
        resolve(deskView(game, s, boot.release));
        markFirstFrame(game);
      }, 0);
    });
    try {
      game = new Phaser.Game({
        // Everything on the desk is a baked picture (bake.ts), and the 2D canvas draws pictures
        // at full frame rate everywhere. WebGL's batch shader does not: under software rendering
        // (SwiftShader, no GPU) one full-stage quad alone held the game to ~12 fps.
        type: Phaser.CANVAS,
        parent,
        width: STAGE.width,
        height: STAGE.height,
        backgroundColor: ROOM.fabric,
        transparent: false,
        // The HTML layer scales the whole stage with a CSS transform.
        scale: { mode: Phaser.Scale.NONE },
        banner: false,
        autoFocus: false,
        audio: { noAudio: true },
        // The HTML overlay owns every key and click.
        input: { keyboard: false, mouse: false, touch: false, gamepad: false },
        callbacks: { postBoot: () => boot.capture() },
        scene,
      });
    } catch (err) {
      boot.release();
      reject(err instanceof Error ? err : new Error(String(err)));
    }
  });
}

/** `hotliner:desk-frame`: the first frame painted with the look the desk was last asked for (read by the benchmarks). */
function markFirstFrame(game: Phaser.Game): void {
  const painted = (renderer: unknown): void => {
    if (!renderer) return; // a still frame (headlessStep) paints nothing
    game.events.off(Phaser.Core.Events.POST_RENDER, painted);
    performance.mark?.('hotliner:desk-frame');
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, painted);
}

/**
 * Frames where nothing on the desk moved only run the clock (tweens, timers, widget ticks) and
 * leave the canvas as it is, so an idle desk costs next to nothing.
 */
function skipStillFrames(game: Phaser.Game, scene: DeskScene): void {
  const loop = game.loop;
  loop.callback = (time, delta) => {
    if (scene.changedSinceLastRender()) game.step(time, delta);
    else game.headlessStep(time, delta);
  };
}

function deskView(game: Phaser.Game, scene: DeskScene, release: () => void): DeskView {
  let alive = true;
  return {
    showIdle: () => {
      if (alive) scene.showIdle();
    },
    render: (look) => {
      if (alive) scene.showCall(look);
    },
    flash: (kind, tool) => {
      if (alive) scene.flash(kind, tool);
    },
    setReducedMotion: (reduced) => {
      if (alive) scene.setReducedMotion(reduced);
    },
    destroy: () => {
      if (!alive) return;
      alive = false;
      // The desk's Phaser (phaser-desk.js) has no WebGL renderer at all; the full one has.
      const WebGL = Phaser.Renderer.WebGL as typeof Phaser.Renderer.WebGL | undefined;
      const gl = WebGL && game.renderer instanceof WebGL.WebGLRenderer ? game.renderer.gl : null;
      game.events.once(Phaser.Core.Events.DESTROY, () => {
        release();
        // Browsers cap live GL contexts; give this one back now rather than at GC time.
        setTimeout(() => gl?.getExtension('WEBGL_lose_context')?.loseContext(), 0);
      });
      game.destroy(true);
    },
  };
}
