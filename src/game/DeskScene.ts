// The one Phaser scene: builds the desk's widgets, hands each the part of the look it draws,
// and feeds them the clock. It decides nothing about the call.
import Phaser from 'phaser';
import { TOOL_IDS, type ToolId } from '../engine/model.ts';
import type { DeskScene as CallLook, DeskView } from '../ports/desk-view.ts';
import { STAGE, toolWindowRect, type Rect } from '../layout.ts';
import { bake, placed } from './bake.ts';
import { drawPropsBack, drawPropsFront } from './DeskProps.ts';
import { drawPhoneBase, Phone } from './Phone.ts';
import { drawScreenBezel, Portrait } from './Portrait.ts';
import { drawRoom } from './Room.ts';
import { ToolWindow } from './ToolWindow.ts';

export type FlashKind = Parameters<DeskView['flash']>[0];

const IDLE_TOOL = { status: 'idle', progress: null } as const;
const WHOLE: Rect = { x: 0, y: 0, w: STAGE.width, h: STAGE.height };

export class DeskScene extends Phaser.Scene {
  /** Everything that never changes, in one texture: room, desk props, bezels, the phone's body. */
  private still: Phaser.GameObjects.Image | null = null;
  private portrait: Portrait | null = null;
  private phone: Phone | null = null;
  private windows = new Map<ToolId, ToolWindow>();
  private reduced = false;
  /** What the last rendered frame showed, object by object (see changedSinceLastRender). */
  private readonly seen: unknown[] = [];
  private seenCount = 0;

  constructor(private readonly onReady: (scene: DeskScene) => void) {
    super({ key: 'desk' });
  }

  init(): void {
    this.still = null;
    this.portrait = null;
    this.phone = null;
    this.windows = new Map();
  }

  create(): void {
    // The static layers never overlap the softphone's screen, so they flatten in paint order.
    this.still = placed(
      this,
      bake(this, 'desk:still', WHOLE, (g) => {
        drawRoom(g);
        drawPropsBack(g);
        drawScreenBezel(g);
        drawPropsFront(g);
        drawPhoneBase(g);
      }),
      WHOLE,
    );
    this.portrait = new Portrait(this, 2);
    this.phone = new Phone(this, 4);
    TOOL_IDS.forEach((id, i) => this.windows.set(id, new ToolWindow(this, id, toolWindowRect(i), 5)));
    this.applyReducedMotion();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.teardown, this);
    this.onReady(this);
  }

  override update(time: number): void {
    this.portrait?.tick(time);
    this.phone?.tick(time);
    for (const w of this.windows.values()) w.advance(time);
  }

  /**
   * Whether anything on screen moved, turned, faded, changed picture, came or went since the
   * last call; a few dozen comparisons, cheaper than any frame.
   */
  changedSinceLastRender(): boolean {
    // A scene on its way out is left to Phaser's own step.
    const list = this.sys.isActive() ? this.children?.list : undefined;
    if (!list) return true;
    this.seenCount = 0;
    let changed = this.walk(list);
    if (this.seen.length !== this.seenCount) {
      this.seen.length = this.seenCount;
      changed = true;
    }
    return changed;
  }

  private walk(list: readonly Phaser.GameObjects.GameObject[]): boolean {
    let changed = false;
    for (const o of list) {
      const t = o as Phaser.GameObjects.Image;
      // Bitwise-or keeps every comparison running so `seen` stays complete.
      changed =
        (Number(this.note(o)) |
          Number(this.note(t.visible)) |
          Number(this.note(t.x)) |
          Number(this.note(t.y)) |
          Number(this.note(t.rotation)) |
          Number(this.note(t.alpha)) |
          Number(this.note(t.scaleX)) |
          Number(this.note(t.scaleY)) |
          Number(this.note(t.depth)) |
          Number(this.note(t.texture?.key)) |
          Number(this.note(t.frame?.name))) !==
          0 || changed;
      if (o instanceof Phaser.GameObjects.Container) changed = this.walk(o.list) || changed;
    }
    return changed;
  }

  private note(value: unknown): boolean {
    const i = this.seenCount++;
    if (this.seen[i] === value) return false;
    this.seen[i] = value;
    return true;
  }

  /** The room with nobody on the line. */
  showIdle(): void {
    this.portrait?.show({ kind: 'idle' });
    this.phone?.setRinging(false);
    for (const w of this.windows.values()) w.show(IDLE_TOOL);
  }

  /** Hands each widget its slice of the call's look; widgets skip what has not changed. */
  showCall(look: CallLook): void {
    this.portrait?.show({
      kind: 'caller',
      persona: look.persona,
      portrait: look.portrait,
      mood: look.mood,
      speaking: look.speaking === 'customer',
      onHold: look.onHold,
      ended: look.ended,
      ringing: look.ringing,
    });
    this.phone?.setRinging(look.ringing);
    for (const [id, w] of this.windows) w.show(look.tools[id]);
  }

  flash(kind: FlashKind, tool?: ToolId): void {
    if (kind === 'hangup') this.phone?.hangUp();
    else if (tool) this.windows.get(tool)?.flash(kind);
  }

  setReducedMotion(reduced: boolean): void {
    this.reduced = reduced;
    this.applyReducedMotion();
  }

  private applyReducedMotion(): void {
    this.portrait?.setReducedMotion(this.reduced);
    this.phone?.setReducedMotion(this.reduced);
    for (const w of this.windows.values()) w.setReducedMotion(this.reduced);
  }

  private teardown(): void {
    for (const w of this.windows.values()) w.destroy();
    this.windows.clear();
    this.phone?.destroy();
    this.portrait?.destroy();
    this.still?.destroy();
    this.init();
  }
}
