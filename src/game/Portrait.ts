// The caller on the agent's softphone screen. Every look (backdrop, figure, mouth; badge; frame)
// is baked into a texture the first time it is shown; the clock only swaps textures for the
// blink, the talking mouth and the small status badges.
import Phaser from 'phaser';
import type { Persona } from '../engine/model.ts';
import { portraitKey, type PortraitSpec } from '../engine/portrait.ts';
import type { Mood } from '../ports/desk-view.ts';
import type { Rect } from '../layout.ts';
import { drawBackdrop, drawIdleBackdrop } from './backdrops.ts';
import { bake, placed } from './bake.ts';
import type { Pen } from './draw-kit.ts';
import { drawMouth } from './face-art.ts';
import { handset, musicNotes, speechBubble } from './icons.ts';
import { endedTone, heldTone, plain, ROOM, SCREEN, type Tone } from './palette.ts';
import { drawFigure, faceOf, VIEW } from './persona-art.ts';
import { portraitParts } from './portrait-parts.ts';

export type PortraitLook =
  | { readonly kind: 'idle' }
  | {
      readonly kind: 'caller';
      readonly persona: Persona;
      readonly portrait: PortraitSpec;
      readonly mood: Mood;
      readonly speaking: boolean;
      readonly onHold: boolean;
      readonly ended: boolean;
      readonly ringing: boolean;
    };

/** Where the softphone screen sits on the stage (inside LAYOUT.portrait). */
export const SCREEN_RECT = { x: 24, y: 66, w: VIEW.w + 16, h: VIEW.h + 16 } as const;

const ZOOM = 1.12;
const TALK = [1, 0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 0];
const VIEW_BOX: Rect = { x: 0, y: 0, w: VIEW.w, h: VIEW.h };
const TONES: Readonly<Record<'p' | 'h' | 'e', Tone>> = { p: plain, h: heldTone, e: endedTone };

/** The softphone's bezel, in stage coordinates (baked with the room). */
export function drawScreenBezel(g: Pen): void {
  const s = SCREEN_RECT;
  g.fillStyle(ROOM.shadow, 0.3);
  g.fillRoundedRect(s.x - 1, s.y + 3, s.w + 2, s.h + 2, 12);
  g.fillStyle(SCREEN.bezel, 1);
  g.fillRoundedRect(s.x, s.y, s.w, s.h, 11);
  g.fillStyle(0x111111, 1);
  g.fillCircle(s.x + s.w / 2, s.y + 4, 1.8);
}

export class Portrait {
  private readonly scene: Phaser.Scene;
  private readonly ring: Phaser.GameObjects.Image;
  private readonly face: Phaser.GameObjects.Image;
  private readonly badge: Phaser.GameObjects.Image;
  private look: PortraitLook = { kind: 'idle' };
  private key = '';
  private blink = false;
  private open = false;
  private frame = -1;
  private reduced = false;

  constructor(scene: Phaser.Scene, depth: number) {
    this.scene = scene;
    const s = SCREEN_RECT;
    const x = s.x + 8;
    const y = s.y + 8;
    this.face = scene.add
      .image(x, y, this.faceKey())
      .setOrigin(0, 0)
      .setDepth(depth + 0.1);
    this.badge = scene.add
      .image(x, y, this.face.texture.key)
      .setOrigin(0, 0)
      .setDepth(depth + 0.1)
      .setVisible(false);
    this.ring = placed(scene, this.ringKey('ringing'), s)
      .setDepth(depth + 0.2)
      .setVisible(false);
    this.show({ kind: 'idle' });
  }

  setReducedMotion(reduced: boolean): void {
    this.reduced = reduced;
    this.key = '';
    this.show(this.look);
  }

  /** Changes textures when the look differs from the last one. */
  show(look: PortraitLook): void {
    const key =
      look.kind === 'idle'
        ? 'idle'
        : `${look.persona}|${portraitKey(look.portrait)}|${look.mood}|${look.speaking}|${look.onHold}|${look.ended}|${look.ringing}`;
    if (key === this.key) return;
    this.key = key;
    this.look = look;
    this.blink = false;
    this.open = look.kind === 'caller' && look.speaking && this.reduced;
    this.frame = -1;
    this.showRing();
    this.showFace();
    this.showBadge();
  }

  /** Advances the blink, the talking mouth and the badge animations. */
  tick(time: number): void {
    if (this.reduced) return;
    const look = this.look;
    if (look.kind === 'idle' || look.onHold || look.ringing) {
      const frame = Math.floor(time / 400) % 4;
      if (frame !== this.frame) {
        this.frame = frame;
        this.showBadge();
      }
      return;
    }
    if (look.ended) return;
    const blink = time % 4300 < 140;
    const open = look.speaking && TALK[Math.floor(time / 110) % TALK.length] === 1;
    if (blink !== this.blink || open !== this.open) {
      this.blink = blink;
      this.open = open;
      this.showFace();
    }
  }

  /** A coloured frame: orange while the call rings, green while the caller talks. */
  private showRing(): void {
    const l = this.look;
    const on = l.kind === 'caller' && !l.onHold && !l.ended && (l.ringing || l.speaking);
    this.ring.setVisible(on);
    if (on) this.ring.setTexture(this.ringKey(l.ringing ? 'ringing' : 'speaking'));
  }

  private ringKey(kind: 'ringing' | 'speaking'): string {
    return bake(this.scene, `portrait:ring:${kind}`, SCREEN_RECT, (g) => {
      const s = SCREEN_RECT;
      g.lineStyle(kind === 'ringing' ? 4 : 3, kind === 'ringing' ? 0xff8a3d : 0x4cc97a, 1);
      g.strokeRoundedRect(s.x + 6.5, s.y + 6.5, VIEW.w + 3, VIEW.h + 3, 5);
    });
  }

  private toneKey(): keyof typeof TONES {
    const l = this.look;
    if (l.kind === 'idle') return 'p';
    return l.ended ? 'e' : l.onHold ? 'h' : 'p';
  }

  private showFace(): void {
    const key = this.faceKey();
    if (this.face.texture.key !== key) this.face.setTexture(key);
  }

  /**
   * Backdrop, figure and mouth in one texture per persona, portrait, mood, tone, blink and mouth:
   * only the call's own portrait is ever baked, as it is shown.
   */
  private faceKey(): string {
    const l = this.look;
    if (l.kind === 'idle') return bake(this.scene, 'portrait:idle', VIEW_BOX, drawIdleBackdrop);
    const t = this.toneKey();
    const { persona, portrait, mood } = l;
    const { blink, open } = this;
    return bake(
      this.scene,
      `portrait:${persona}:${portraitKey(portrait)}:${mood}:${t}:${blink ? 'b' : 'o'}:${open ? 'o' : 'c'}`,
      VIEW_BOX,
      (g) => {
        const tone = TONES[t];
        drawBackdrop(g, persona, mood, tone);
        // Scaled up from the bottom centre so the bust fills the screen.
        g.save();
        g.translateCanvas((VIEW.w / 2) * (1 - ZOOM), VIEW.h * (1 - ZOOM));
        g.scaleCanvas(ZOOM, ZOOM);
        drawFigure(g, persona, portrait, mood, blink, tone);
        drawMouth(g, faceOf(portraitParts(portrait, persona), persona), mood, open, tone);
        g.restore();
      },
    );
  }

  private showBadge(): void {
    const key = this.badgeKey();
    this.badge.setVisible(key !== null);
    if (key !== null && this.badge.texture.key !== key) this.badge.setTexture(key);
  }

  private badgeKey(): string | null {
    const l = this.look;
    const beat = this.reduced ? 0 : Math.max(0, this.frame);
    const scene = this.scene;
    if (l.kind === 'idle') {
      const lit = this.reduced ? -1 : beat % 3;
      return bake(scene, `portrait:badge:idle:${lit}`, VIEW_BOX, (g) => {
        g.fillStyle(0xffffff, 0.55);
        g.fillCircle(VIEW.w / 2, VIEW.h / 2 - 6, 40);
        handset(g, VIEW.w / 2, VIEW.h / 2 - 12, 46, 0, 0x7f8fa3);
        for (let i = 0; i < 3; i++) {
          g.fillStyle(0x7f8fa3, lit < 0 || i === lit ? 0.9 : 0.35);
          g.fillCircle(VIEW.w / 2 - 12 + i * 12, VIEW.h / 2 + 12, 4);
        }
      });
    }
    if (l.ended) {
      return bake(scene, 'portrait:badge:ended', VIEW_BOX, (g) => {
        const x = VIEW.w - 36;
        const y = VIEW.h - 34;
        g.fillStyle(0x000000, 0.25);
        g.fillCircle(x + 1, y + 3, 26);
        g.fillStyle(0xb3261e, 1);
        g.fillCircle(x, y, 26);
        handset(g, x, y - 6, 34, 0, 0xffffff);
        g.fillStyle(0xffffff, 1);
        g.fillTriangle(x - 6, y + 6, x + 6, y + 6, x, y + 14);
      });
    }
    if (l.ringing) {
      const up = beat % 2 !== 0;
      return bake(scene, `portrait:badge:ringing:${up}`, VIEW_BOX, (g) => {
        g.fillStyle(0xff8a3d, 1);
        g.fillCircle(VIEW.w - 34, 34, 22);
        handset(g, VIEW.w - 34, 36 + (up ? -3 : 0), 30, up ? 0.15 : -0.15, 0xffffff);
      });
    }
    if (l.onHold) {
      const up = beat % 2 !== 0;
      return bake(scene, `portrait:badge:hold:${up}`, VIEW_BOX, (g) => {
        g.fillStyle(0x1d2333, 0.78);
        g.fillCircle(VIEW.w - 34, 34, 24);
        musicNotes(g, VIEW.w - 36, 34 + (up ? -3 : 0), 0xffffff);
      });
    }
    if (l.speaking)
      return bake(scene, 'portrait:badge:speaking', VIEW_BOX, (g) =>
        speechBubble(g, VIEW.w - 30, 26, 0xffffff, 0x4c9a6a),
      );
    return null;
  }

  destroy(): void {
    this.face.destroy();
    this.badge.destroy();
    this.ring.destroy();
  }
}
