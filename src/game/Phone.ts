// The desk phone: blinks and rattles its handset while ringing, drops the handset on hang-up.
import Phaser from 'phaser';
import { handset } from './icons.ts';
import { NOOK_DESK_Y } from './DeskProps.ts';
import { path } from './draw-kit.ts';

const CX = 330;
const TOP = NOOK_DESK_Y + 4;
const CRADLE_Y = TOP - 2;
/** Real phones ring in bursts; the rattle follows the burst. */
const RING_ON = 1100;
const RING_PERIOD = 1900;

export class Phone {
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly led: Phaser.GameObjects.Graphics;
  private readonly waves: Phaser.GameObjects.Graphics;
  private readonly handset: Phaser.GameObjects.Container;
  private readonly scene: Phaser.Scene;
  private ringing = false;
  private reduced = false;
  private ledOn: boolean | null = null;

  constructor(scene: Phaser.Scene, depth: number) {
    this.scene = scene;
    this.base = scene.add.graphics().setDepth(depth);
    this.drawBase();
    this.led = scene.add.graphics().setDepth(depth);
    this.waves = scene.add.graphics().setDepth(depth).setVisible(false);
    this.drawWaves();
    const h = scene.add.graphics();
    handset(h, 0, 0, 92, 0, 0x2b2d33);
    h.fillStyle(0xffffff, 0.12);
    h.fillRoundedRect(-30, -9, 60, 3, 2);
    this.handset = scene.add.container(CX, CRADLE_Y, [h]).setDepth(depth + 0.1);
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
    this.scene.tweens.add({ targets: this.handset, x: CX, y: CRADLE_Y, rotation: 0, duration: 520, ease: 'Bounce.easeOut' });
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
    const g = this.led;
    g.clear();
    if (on) {
      g.fillStyle(0xff5a4e, 0.35);
      g.fillCircle(CX + 44, TOP + 24, 7);
    }
    g.fillStyle(on ? 0xff3b30 : 0x6b2b28, 1);
    g.fillCircle(CX + 44, TOP + 24, 3.4);
  }

  private drawBase(): void {
    const g = this.base;
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

  private drawWaves(): void {
    const g = this.waves;
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

  destroy(): void {
    this.scene.tweens.killTweensOf(this.handset);
    this.handset.destroy(true);
    this.base.destroy();
    this.led.destroy();
    this.waves.destroy();
  }
}
