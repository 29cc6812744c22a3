// One tool's window on the agent's monitor: tired corporate chrome whose look follows the
// status it is given. Only the left of the body is drawn on; the HTML writes on the right.
// Each status's chrome, each progress step, the spinner and the flashes are baked textures.
import Phaser from 'phaser';
import type { ToolId } from '../engine/model.ts';
import type { ToolLook } from '../ports/desk-view.ts';
import type { Rect } from '../layout.ts';
import { bake } from './bake.ts';
import type { Pen } from './draw-kit.ts';
import { cursorArrow, crossBadge, hourglass, spinner, tickBadge } from './icons.ts';
import { CHROME } from './palette.ts';
import { toolIcon } from './tool-icons.ts';

const TITLE_H = 14;
const BLOCKS = 11;
const BAR: Rect = { x: 0, y: 0, w: 96, h: 12 };
const BADGE: Rect = { x: -14, y: -14, w: 28, h: 28 };

export type ToolFlash = 'crash' | 'freeze' | 'restarted' | 'finished' | 'poke';

export class ToolWindow {
  private readonly box: Phaser.GameObjects.Container;
  private readonly chrome: Phaser.GameObjects.Image;
  private readonly bar: Phaser.GameObjects.Image;
  private readonly spin: Phaser.GameObjects.Image;
  private readonly wash: Phaser.GameObjects.Image;
  private readonly glow: Phaser.GameObjects.Image;
  private readonly tick: Phaser.GameObjects.Image;
  private readonly scene: Phaser.Scene;
  private readonly cy: number;
  private readonly full: Rect;
  private status: ToolLook['status'] | null = null;
  private blocks = -1;
  private step = -1;
  private reduced = false;

  constructor(
    scene: Phaser.Scene,
    private readonly tool: ToolId,
    private readonly r: Rect,
    depth: number,
  ) {
    this.scene = scene;
    this.cy = (TITLE_H + 5 + r.h - 3) / 2;
    this.full = { x: 0, y: 0, w: r.w, h: r.h };
    const spinKey = bake(scene, 'window:spinner', BADGE, (g) => spinner(g, 11, CHROME.progress));
    const tickKey = bake(scene, 'window:tick', BADGE, (g) => tickBadge(g, 0, 0, 11));
    const washKey = bake(scene, `window:wash:${r.w}x${r.h}`, this.full, (g) => this.drawWash(g));
    const centred = (x: number, key: string): Phaser.GameObjects.Image =>
      scene.add.image(x, this.cy, key).setOrigin(-BADGE.x / BADGE.w, -BADGE.y / BADGE.h);
    this.chrome = scene.add.image(0, 0, washKey).setOrigin(0, 0);
    this.bar = scene.add
      .image(44, this.cy - 6, washKey)
      .setOrigin(0, 0)
      .setVisible(false);
    this.spin = centred(24, spinKey);
    this.wash = scene.add.image(0, 0, washKey).setOrigin(0, 0).setVisible(false);
    this.glow = scene.add.image(0, 0, washKey).setOrigin(0, 0).setAlpha(0);
    this.tick = centred(128, tickKey).setAlpha(0);
    this.box = scene.add
      .container(r.x, r.y, [this.chrome, this.bar, this.spin, this.wash, this.glow, this.tick])
      .setDepth(depth);
    this.show({ status: 'idle', progress: null });
  }

  setReducedMotion(reduced: boolean): void {
    this.reduced = reduced;
    this.settle();
    const last = this.status;
    this.status = null;
    if (last) this.show({ status: last, progress: this.blocks < 0 ? null : this.blocks / BLOCKS });
  }

  /** Swaps textures only for what changed since the last look. */
  show(look: ToolLook): void {
    const blocks = look.progress === null ? -1 : Math.round(Math.min(1, Math.max(0, look.progress)) * BLOCKS);
    if (look.status !== this.status) {
      this.status = look.status;
      this.showChrome();
      this.wash.setVisible(look.status === 'frozen');
      const spinning = look.status === 'running' || look.status === 'restarting';
      this.spin.setVisible(spinning && !this.reduced);
      this.blocks = -2;
    }
    if (blocks !== this.blocks) {
      this.blocks = blocks;
      this.showBar();
    }
  }

  /** Steps the spinner like the old OS ones did: a fixed number of positions. */
  advance(time: number): void {
    if (!this.spin.visible) return;
    const step = Math.floor(time / 85) % 12;
    if (step === this.step) return;
    this.step = step;
    this.spin.rotation = (step * Math.PI) / 6;
  }

  flash(kind: ToolFlash): void {
    this.settle();
    const color = {
      crash: CHROME.red,
      freeze: 0xffffff,
      restarted: CHROME.green,
      finished: CHROME.gold,
      poke: 0xffffff,
    }[kind];
    if (kind === 'restarted') this.pulse(this.tick, 900);
    else if (kind !== 'poke' || this.reduced)
      this.pulse(this.showGlow(color, kind === 'finished' || kind === 'poke'), kind === 'crash' ? 450 : 320);
    if (this.reduced) return;
    if (kind === 'crash') this.shake(6, 5, 45);
    else if (kind === 'poke') this.shake(3, 1, 50);
  }

  private pulse(target: Phaser.GameObjects.Image, ms: number): void {
    target.setAlpha(1);
    if (this.reduced) this.scene.time.delayedCall(ms, () => target.setAlpha(0));
    else this.scene.tweens.add({ targets: target, alpha: 0, duration: ms, ease: 'Quad.easeIn' });
  }

  private shake(dx: number, times: number, ms: number): void {
    this.scene.tweens.add({
      targets: this.box,
      x: this.r.x + dx,
      duration: ms,
      yoyo: true,
      repeat: times,
      ease: 'Sine.easeInOut',
      onComplete: () => this.box.setX(this.r.x),
    });
  }

  /** Ends running flourishes at once so a new one never stacks on a half-finished one. */
  private settle(): void {
    this.scene.tweens.killTweensOf([this.box, this.glow, this.tick]);
    this.box.setX(this.r.x);
    this.glow.setAlpha(0);
    this.tick.setAlpha(0);
  }

  private showGlow(color: number, outline: boolean): Phaser.GameObjects.Image {
    const { w, h } = this.r;
    const key = bake(this.scene, `window:glow:${color}:${outline}:${w}x${h}`, this.full, (g) => {
      g.fillStyle(color, outline ? 0.3 : 0.7);
      g.fillRect(0, 0, w, h);
      g.lineStyle(3, color, 1);
      g.strokeRect(1.5, 1.5, w - 3, h - 3);
    });
    return this.glow.setTexture(key);
  }

  private showChrome(): void {
    const { w, h } = this.r;
    const s = this.status;
    // running/restarting only differ under reduced motion (an hourglass instead of the spinner).
    const still = this.reduced && (s === 'running' || s === 'restarting');
    const key = bake(
      this.scene,
      `window:chrome:${this.tool}:${s}:${still}:${w}x${h}`,
      { x: 0, y: 0, w: w + 3, h: h + 3 },
      (g) => this.drawChrome(g),
    );
    this.chrome.setTexture(key);
  }

  private drawChrome(g: Pen): void {
    const { w, h } = this.r;
    const s = this.status;
    g.fillStyle(0x000000, 0.3);
    g.fillRect(3, 3, w, h);
    g.fillStyle(s === 'crashed' ? CHROME.crashBody : s === 'restarting' ? CHROME.restartBody : CHROME.body, 1);
    g.fillRect(0, 0, w, h);
    g.fillStyle(CHROME.light, 1);
    g.fillRect(0, 0, w - 1, 1);
    g.fillRect(0, 0, 1, h - 1);
    g.fillStyle(CHROME.dark, 1);
    g.fillRect(0, h - 1, w, 1);
    g.fillRect(w - 1, 0, 1, h);
    const [a, b] =
      s === 'crashed'
        ? [CHROME.crashA, CHROME.crashB]
        : s === 'running' || s === 'idle'
          ? [CHROME.titleA, CHROME.titleB]
          : [CHROME.idleA, CHROME.idleB];
    g.fillGradientStyle(a, b, a, b, 1);
    g.fillRect(3, 3, w - 6, TITLE_H);
    toolIcon(g, this.tool, 11, 3 + TITLE_H / 2, 0.42);
    for (let i = 0; i < 3; i++) this.titleButton(g, w - 5 - (3 - i) * 14 - (i === 2 ? 2 : 0), i);
    if (s === 'crashed') {
      g.lineStyle(3, CHROME.red, 1);
      g.strokeRect(1.5, 1.5, w - 3, h - 3);
    }
    if (s === 'idle') toolIcon(g, this.tool, 24, this.cy);
    else if (s === 'crashed') crossBadge(g, 24, this.cy, 13);
    else if (this.reduced && s !== 'frozen') hourglass(g, 24, this.cy, 24, 0x5a5a5a, 0xe0b341);
  }

  private titleButton(g: Pen, x: number, glyph: number): void {
    const y = 5;
    g.fillStyle(CHROME.body, 1);
    g.fillRect(x, y, 12, 10);
    g.fillStyle(CHROME.light, 1);
    g.fillRect(x, y, 12, 1);
    g.fillRect(x, y, 1, 10);
    g.fillStyle(CHROME.dark, 1);
    g.fillRect(x, y + 9, 12, 1);
    g.fillRect(x + 11, y, 1, 10);
    g.fillStyle(0x000000, 1);
    if (glyph === 0) g.fillRect(x + 3, y + 6, 5, 2);
    else if (glyph === 1) {
      g.lineStyle(1, 0x000000, 1);
      g.strokeRect(x + 3.5, y + 2.5, 5, 5);
      g.fillRect(x + 3, y + 2, 6, 2);
    } else {
      g.lineStyle(1.5, 0x000000, 1);
      g.lineBetween(x + 3, y + 2, x + 9, y + 8);
      g.lineBetween(x + 9, y + 2, x + 3, y + 8);
    }
  }

  private showBar(): void {
    const n = this.blocks;
    const on = n >= 0 && this.status !== 'idle' && this.status !== 'crashed';
    this.bar.setVisible(on);
    if (!on) return;
    const frozen = this.status === 'frozen';
    this.bar.setTexture(
      bake(this.scene, `window:bar:${n}:${frozen}`, BAR, (g) => {
        g.fillStyle(CHROME.mid, 1);
        g.fillRect(0, 0, 96, 12);
        g.fillStyle(CHROME.light, 1);
        g.fillRect(1, 1, 95, 11);
        g.fillStyle(frozen ? CHROME.mid : CHROME.progress, 1);
        for (let i = 0; i < n; i++) g.fillRect(3 + i * 8.3, 3, 6.5, 7);
      }),
    );
  }

  private drawWash(g: Pen): void {
    g.fillStyle(0xffffff, 0.55);
    g.fillRect(0, 0, this.r.w, this.r.h);
    hourglass(g, 24, this.cy, 24, 0x5a5a5a, 0xe0b341);
    cursorArrow(g, 104, this.cy - 12);
    hourglass(g, 121, this.cy + 4, 13, 0x3a3a3a, 0xe0b341);
  }

  destroy(): void {
    this.settle();
    this.box.destroy(true);
  }
}
