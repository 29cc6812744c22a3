// The caller on the agent's softphone screen. Redraws only when the look changes; the clock
// only flips the mouth, the blink and the small status badges.
import Phaser from 'phaser';
import type { Persona } from '../engine/model.ts';
import type { Mood } from '../ports/desk-view.ts';
import { drawBackdrop, drawIdleBackdrop } from './backdrops.ts';
import { drawMouth } from './face-art.ts';
import { handset, musicNotes, speechBubble } from './icons.ts';
import { endedTone, heldTone, plain, ROOM, SCREEN, type Tone } from './palette.ts';
import { drawFigure, FACES, VIEW } from './persona-art.ts';

export type PortraitLook =
  | { readonly kind: 'idle' }
  | { readonly kind: 'caller'; readonly persona: Persona; readonly mood: Mood; readonly speaking: boolean; readonly onHold: boolean; readonly ended: boolean; readonly ringing: boolean };

/** Where the softphone screen sits on the stage (inside LAYOUT.portrait). */
export const SCREEN_RECT = { x: 24, y: 66, w: VIEW.w + 16, h: VIEW.h + 16 } as const;

const ZOOM = 1.12;
const TALK = [1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0];

export class Portrait {
  private readonly bezel: Phaser.GameObjects.Graphics;
  private readonly ring: Phaser.GameObjects.Graphics;
  private readonly view: Phaser.GameObjects.Container;
  private readonly back: Phaser.GameObjects.Graphics;
  private readonly figure: Phaser.GameObjects.Graphics;
  private readonly mouth: Phaser.GameObjects.Graphics;
  private readonly badge: Phaser.GameObjects.Graphics;
  private look: PortraitLook = { kind: 'idle' };
  private key = '';
  private blink = false;
  private open = false;
  private frame = -1;
  private reduced = false;

  constructor(scene: Phaser.Scene, depth: number) {
    const s = SCREEN_RECT;
    this.bezel = scene.add.graphics().setDepth(depth);
    this.bezel.fillStyle(ROOM.shadow, 0.3);
    this.bezel.fillRoundedRect(s.x - 1, s.y + 3, s.w + 2, s.h + 2, 12);
    this.bezel.fillStyle(SCREEN.bezel, 1);
    this.bezel.fillRoundedRect(s.x, s.y, s.w, s.h, 11);
    this.bezel.fillStyle(0x111111, 1);
    this.bezel.fillCircle(s.x + s.w / 2, s.y + 4, 1.8);
    this.ring = scene.add.graphics().setDepth(depth + 0.2);
    this.back = scene.add.graphics();
    // Scaled up from the bottom centre so the bust fills the screen.
    this.figure = scene.add.graphics({ x: (VIEW.w / 2) * (1 - ZOOM), y: VIEW.h * (1 - ZOOM) }).setScale(ZOOM);
    this.mouth = scene.add.graphics({ x: this.figure.x, y: this.figure.y }).setScale(ZOOM);
    this.badge = scene.add.graphics();
    this.view = scene.add.container(s.x + 8, s.y + 8, [this.back, this.figure, this.mouth, this.badge]).setDepth(depth + 0.1);
    this.show({ kind: 'idle' });
  }

  setReducedMotion(reduced: boolean): void {
    this.reduced = reduced;
    this.key = '';
    this.show(this.look);
  }

  /** Redraws when the look differs from the last one. */
  show(look: PortraitLook): void {
    const key = look.kind === 'idle' ? 'idle' : `${look.persona}|${look.mood}|${look.speaking}|${look.onHold}|${look.ended}|${look.ringing}`;
    if (key === this.key) return;
    this.key = key;
    this.look = look;
    this.blink = false;
    this.open = look.kind === 'caller' && look.speaking && this.reduced;
    this.frame = -1;
    this.drawRing();
    this.redrawAll();
  }

  /** Advances the blink, the talking mouth and the badge animations. */
  tick(time: number): void {
    if (this.reduced) return;
    const look = this.look;
    if (look.kind === 'idle' || look.onHold || look.ringing) {
      const frame = Math.floor(time / 400) % 4;
      if (frame !== this.frame) {
        this.frame = frame;
        this.drawBadge();
      }
      return;
    }
    if (look.ended) return;
    const blink = time % 4300 < 140;
    if (blink !== this.blink) {
      this.blink = blink;
      this.drawFigure();
    }
    const open = look.speaking && TALK[Math.floor(time / 110) % TALK.length] === 1;
    if (open !== this.open) {
      this.open = open;
      this.drawMouth();
    }
  }

  /** A coloured frame: orange while the call rings, green while the caller talks. */
  private drawRing(): void {
    const l = this.look;
    const g = this.ring;
    g.clear();
    if (l.kind !== 'caller' || l.onHold || l.ended) return;
    if (!l.ringing && !l.speaking) return;
    const s = SCREEN_RECT;
    g.lineStyle(l.ringing ? 4 : 3, l.ringing ? 0xff8a3d : 0x4cc97a, 1);
    g.strokeRoundedRect(s.x + 6.5, s.y + 6.5, VIEW.w + 3, VIEW.h + 3, 5);
  }

  private tone(): Tone {
    const l = this.look;
    if (l.kind === 'idle') return plain;
    return l.ended ? endedTone : l.onHold ? heldTone : plain;
  }

  private redrawAll(): void {
    this.back.clear();
    const l = this.look;
    if (l.kind === 'idle') drawIdleBackdrop(this.back);
    else drawBackdrop(this.back, l.persona, l.mood, this.tone());
    this.drawFigure();
    this.drawMouth();
    this.drawBadge();
  }

  private drawFigure(): void {
    this.figure.clear();
    const l = this.look;
    if (l.kind === 'caller') drawFigure(this.figure, l.persona, l.mood, this.blink, this.tone());
  }

  private drawMouth(): void {
    this.mouth.clear();
    const l = this.look;
    if (l.kind === 'caller') drawMouth(this.mouth, FACES[l.persona], l.mood, this.open, this.tone());
  }

  private drawBadge(): void {
    const g = this.badge;
    g.clear();
    const l = this.look;
    const beat = this.reduced ? 0 : this.frame;
    if (l.kind === 'idle') {
      g.fillStyle(0xffffff, 0.55);
      g.fillCircle(VIEW.w / 2, VIEW.h / 2 - 6, 40);
      handset(g, VIEW.w / 2, VIEW.h / 2 - 12, 46, 0, 0x7f8fa3);
      for (let i = 0; i < 3; i++) {
        g.fillStyle(0x7f8fa3, this.reduced || i === beat % 3 ? 0.9 : 0.35);
        g.fillCircle(VIEW.w / 2 - 12 + i * 12, VIEW.h / 2 + 12, 4);
      }
    } else if (l.ended) {
      const x = VIEW.w - 36;
      const y = VIEW.h - 34;
      g.fillStyle(0x000000, 0.25);
      g.fillCircle(x + 1, y + 3, 26);
      g.fillStyle(0xb3261e, 1);
      g.fillCircle(x, y, 26);
      handset(g, x, y - 6, 34, 0, 0xffffff);
      g.fillStyle(0xffffff, 1);
      g.fillTriangle(x - 6, y + 6, x + 6, y + 6, x, y + 14);
    } else if (l.ringing) {
      const lift = beat % 2 === 0 ? 0 : -3;
      g.fillStyle(0xff8a3d, 1);
      g.fillCircle(VIEW.w - 34, 34, 22);
      handset(g, VIEW.w - 34, 36 + lift, 30, beat % 2 === 0 ? -0.15 : 0.15, 0xffffff);
    } else if (l.onHold) {
      const bob = beat % 2 === 0 ? 0 : -3;
      g.fillStyle(0x1d2333, 0.78);
      g.fillCircle(VIEW.w - 34, 34, 24);
      musicNotes(g, VIEW.w - 36, 34 + bob, 0xffffff);
    } else if (l.speaking) {
      speechBubble(g, VIEW.w - 30, 26, 0xffffff, 0x4c9a6a);
    }
  }

  destroy(): void {
    this.view.destroy(true);
    this.bezel.destroy();
    this.ring.destroy();
  }
}
