// The one Phaser scene: builds the desk's widgets, hands each the part of the look it draws,
// and feeds them the clock. It decides nothing about the call.
import Phaser from 'phaser';
import { TOOL_IDS, type ToolId } from '../engine/model.ts';
import type { DeskScene as CallLook, DeskView } from '../ports/desk-view.ts';
import { toolWindowRect } from '../ui/layout.ts';
import { DeskProps } from './DeskProps.ts';
import { Phone } from './Phone.ts';
import { Portrait } from './Portrait.ts';
import { Room } from './Room.ts';
import { ToolWindow } from './ToolWindow.ts';

export type FlashKind = Parameters<DeskView['flash']>[0];

const IDLE_TOOL = { status: 'idle', progress: null } as const;

export class DeskScene extends Phaser.Scene {
  private room: Room | null = null;
  private props: DeskProps | null = null;
  private portrait: Portrait | null = null;
  private phone: Phone | null = null;
  private windows = new Map<ToolId, ToolWindow>();
  private reduced = false;

  constructor(private readonly onReady: (scene: DeskScene) => void) {
    super({ key: 'desk' });
  }

  init(): void {
    this.room = null;
    this.props = null;
    this.portrait = null;
    this.phone = null;
    this.windows = new Map();
  }

  create(): void {
    this.room = new Room(this);
    this.props = new DeskProps(this, 1, 3);
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

  /** The room with nobody on the line. */
  showIdle(): void {
    this.portrait?.show({ kind: 'idle' });
    this.phone?.setRinging(false);
    for (const w of this.windows.values()) w.show(IDLE_TOOL);
  }

  /** Hands each widget its slice of the call's look; widgets skip what has not changed. */
  showCall(look: CallLook): void {
    this.portrait?.show({
      kind: 'caller', persona: look.persona, mood: look.mood, speaking: look.speaking === 'customer', onHold: look.onHold, ended: look.ended, ringing: look.ringing,
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
    this.props?.destroy();
    this.room?.destroy();
    this.init();
  }
}
