// The desk phone: blinks and rattles its handset while ringing, drops the handset on hang-up.
// Its body is baked with the room; the LED, the ring waves and the handset are baked Images.
import Phaser from 'phaser';
import type { Rect } from '../layout.ts';
import { bake, placed } from './bake.ts';
import { NOOK_DESK_Y } from './DeskProps.ts';
import { path, type Pen } from './draw-kit.ts';
import { handset } from './icons.ts';

const CX = 330;
const TOP = NOOK_DESK_Y + 4;
const CRADLE_Y = TOP - 2;
/** Real phones ring in bursts; the rattle follows the burst. */
const RING_ON = 1100;
const RING_PERIOD = 1900;

const LED: Rect = { x: CX + 36, y: TOP + 16, w: 16, h: 16 };
const WAVES: Rect = { x: CX - 60, y: CRADLE_Y - 34, w: 120, h: 40 };
/** The handset's box around its own centre (where it sits on the cradle). */
const HANDSET: Rect = { x: -52, y: -30, w: 104, h: 48 };

/** The phone's body, in stage coordinates (baked with the room). */
export function drawPhoneBase(g: Pen): void {
  g.fillStyle(0x000000, 0.25);
  g.fillEllipse(CX + 2, TOP + 40, 116, 12);
  g.fillStyle(0x44474f, 1);
  path(g, [CX - 44, TOP, CX + 44, TOP, CX + 52, TOP + 38, CX - 52, TOP + 38], true);
  g.fillStyle(0x373940, 1);
  g.fillRect(CX - 52, TOP + 34, 104, 6);
  g.fillStyle(0xa9c4a0, 1);
  g.fillRect(CX - 40, TOP + 8, 26, 10);
  g.fillStyle(0x6f8a68, 1);
  g.fillRect(CX - 37, TOP + 11, 14, 2);
  g.fillStyle(0xd9d6cf, 1);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 4; c++) g.fillRoundedRect(CX - 6 + c * 10, TOP + 16 + r * 6, 8, 4, 1);
  g.fillStyle(0x2b2d33, 1);
  g.fillRect(CX - 34, TOP - 4, 10, 6);
  g.fillRect(CX + 24, TOP - 4, 10, 6);
}

function drawLed(g: Pen, on: boolean): void {
  if (on) {
    g.fillStyle(0xff5a4e, 0.35);
    g.fillCircle(CX + 44, TOP + 24, 7);
  }
  g.fillStyle(on ? 0xff3b30 : 0x6b2b28, 1);
  g.fillCircle(CX + 44, TOP + 24, 3.4);
}

function drawWaves(g: Pen): void {
  g.lineStyle(3, 0xff7a1a, 1);
  for (const s of [-1, 1]) {
    const a = s > 0 ? -Math.PI / 4 : (-3 * Math.PI) / 4;
    for (const r of [22, 30]) {
      g.beginPath();
      g.arc(CX + s * 22, CRADLE_Y + 2, r, a - 0.45, a + 0.45);
      g.strokePath();
    }
  }
}

function drawHandset(g: Pen): void {
  handset(g, 0, 0, 92, 0, 0x2b2d33);
  g.fillStyle(0xffffff, 0.12);
  g.fillRoundedRect(-30, -9, 60, 3, 2);
}

export class Phone {
  private readonly led: Phaser.GameObjects.Image;
  private readonly waves: Phaser.GameObjects.Image;
  private readonly handset: Phaser.GameObjects.Image;
  private readonly scene: Phaser.Scene;
  private ringing = false;
  private reduced = false;
  private ledOn: boolean | null = null;

  constructor(scene: Phaser.Scene, depth: number) {
    this.scene = scene;
    bake(scene, 'phone:led-on', LED, (g) => drawLed(g, true));
    this.led = placed(
      scene,
      bake(scene, 'phone:led-off', LED, (g) => drawLed(g, false)),
      LED,
    ).setDepth(depth);
    this.waves = placed(scene, bake(scene, 'phone:waves', WAVES, drawWaves), WAVES)
      .setDepth(depth)
      .setVisible(false);
    this.handset = scene.add
      .image(CX, CRADLE_Y, bake(scene, 'phone:handset', HANDSET, drawHandset))
      .setOrigin(-HANDSET.x / HANDSET.w, -HANDSET.y / HANDSET.h)
      .setDepth(depth + 0.1);
    this.setLed(false);
  }

  setReducedMotion(reduced: boolean): void {
    this.reduced = reduced;
    this.rest();
  }

  setRinging(ringing: boolean): void {
    if (ringing === this.ringing) return;
    this.ringing = ringing;
    this.waves.setVisible(ringing);
    this.rest();
  }

  tick(time: number): void {
    if (!this.ringing || this.reduced) return;
    const on = time % RING_PERIOD < RING_ON;
    this.setLed(on && time % 300 < 180);
    this.waves.setAlpha(on ? 1 : 0.25);
    this.handset.rotation = on ? Math.sin(time * 0.09) * 0.06 : 0;
    this.handset.y = CRADLE_Y - (on ? 2 + Math.abs(Math.sin(time * 0.045)) * 2 : 0);
  }

  /** The handset lifts a little and falls back onto the cradle. */
  hangUp(): void {
    if (this.reduced) return;
    this.scene.tweens.killTweensOf(this.handset);
    this.handset.setPosition(CX - 6, CRADLE_Y - 18).setRotation(-0.25);
    this.scene.tweens.add({
      targets: this.handset,
      x: CX,
      y: CRADLE_Y,
      rotation: 0,
      duration: 520,
      ease: 'Bounce.easeOut',
    });
  }

  private rest(): void {
    this.scene.tweens.killTweensOf(this.handset);
    this.handset.setPosition(CX, CRADLE_Y).setRotation(0);
    this.waves.setAlpha(1);
    this.setLed(this.ringing);
  }

  private setLed(on: boolean): void {
    if (on === this.ledOn) return;
    this.ledOn = on;
    this.led.setTexture(on ? 'phone:led-on' : 'phone:led-off');
  }

  destroy(): void {
    this.scene.tweens.killTweensOf(this.handset);
    this.handset.destroy();
    this.led.destroy();
    this.waves.destroy();
  }
}
