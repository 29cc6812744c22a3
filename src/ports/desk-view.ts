// What the HTML layer asks of the drawn world (src/game implements it with Phaser). The view
// only draws what it is told; it never decides anything about the call.
import type { Persona, ToolId } from '../engine/model.ts';
import type { PortraitSpec } from '../engine/portrait.ts';
import type { ToolStatus } from '../engine/types.ts';

/** How the customer looks, from the engine's anger and patience. */
export type Mood = 'calm' | 'neutral' | 'annoyed' | 'furious';

export type ToolLook = {
  readonly status: ToolStatus;
  /** 0..1 progress of the current run (stalls while frozen), or null when not running. */
  readonly progress: number | null;
};

export type DeskScene = {
  readonly persona: Persona;
  /** Who the customer is, as drawn (the call's portrait). */
  readonly portrait: PortraitSpec;
  readonly mood: Mood;
  readonly speaking: 'customer' | 'agent' | null;
  readonly onHold: boolean;
  readonly ringing: boolean;
  readonly ended: boolean;
  readonly tools: Readonly<Record<ToolId, ToolLook>>;
};

export interface DeskView {
  /** The empty desk behind the menu and the debrief. */
  showIdle(): void;
  /** Draws a call's state; called whenever it changes (cheap to call every frame). */
  render(scene: DeskScene): void;
  /** One-off flourishes for things that just happened (a crash shakes its window…). */
  flash(kind: 'crash' | 'freeze' | 'restarted' | 'finished' | 'poke' | 'hangup', tool?: ToolId): void;
  /** Whether the user asked for reduced motion: animations then snap instead of tweening. */
  setReducedMotion(reduced: boolean): void;
  destroy(): void;
}

/** The mood shown for a customer's anger (0..10) and patience (0..10). */
export function moodOf(anger: number, patience: number): Mood {
  if (anger >= 8 || patience <= 1) return 'furious';
  if (anger >= 5 || patience <= 3) return 'annoyed';
  if (anger >= 3) return 'neutral';
  return 'calm';
}
