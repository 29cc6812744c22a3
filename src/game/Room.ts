// The open-space room behind everything: partition fabric, the desk, the paper panels the HTML
// writes on, and the monitor's bezel. Nothing here changes during a call: it is baked once.
import { LAYOUT, STAGE, type Rect } from '../layout.ts';
import { paperPanel, sprinkle, type Pen } from './draw-kit.ts';
import { ROOM, SCREEN } from './palette.ts';

const DESK_TOP = 560;

/** The whole room, in stage coordinates. */
export function drawRoom(g: Pen): void {
  drawWall(g);
  drawDesk(g);
  drawPanels(g);
  drawMonitor(g);
}

function drawWall(g: Pen): void {
  g.fillGradientStyle(ROOM.fabricLight, ROOM.fabricLight, ROOM.fabric, ROOM.fabric, 1);
  g.fillRect(0, 0, STAGE.width, DESK_TOP);
  // A coarse weave so the partitions read as fabric, not a flat fill.
  const rnd = sprinkle(7);
  for (let i = 0; i < 1400; i++) {
    g.fillStyle(rnd() < 0.5 ? ROOM.fabricDark : ROOM.fabricLight, 0.35);
    g.fillRect(Math.floor(rnd() * STAGE.width), Math.floor(rnd() * DESK_TOP), 2, 1);
  }
  // Aluminium partition seams between the columns.
  g.fillStyle(0xd9d4cc, 1);
  for (const x of [392, 880]) g.fillRect(x - 2, 48, 4, DESK_TOP - 48);
}

function drawDesk(g: Pen): void {
  const h = STAGE.height - DESK_TOP;
  g.fillGradientStyle(ROOM.woodLight, ROOM.woodLight, ROOM.wood, ROOM.wood, 1);
  g.fillRect(0, DESK_TOP, STAGE.width, h);
  const rnd = sprinkle(21);
  g.lineStyle(1, ROOM.woodDark, 0.35);
  for (let i = 0; i < 26; i++) {
    const y = DESK_TOP + 6 + rnd() * (h - 8);
    const x = rnd() * STAGE.width;
    g.lineBetween(x, y, x + 80 + rnd() * 220, y + (rnd() - 0.5) * 3);
  }
  g.fillStyle(ROOM.woodEdge, 1);
  g.fillRect(0, DESK_TOP - 3, STAGE.width, 4);
  g.fillStyle(0xffffff, 0.18);
  g.fillRect(0, DESK_TOP + 1, STAGE.width, 2);
}

function drawPanels(g: Pen): void {
  const bar = LAYOUT.topBar;
  g.fillStyle(ROOM.shadow, 0.18);
  g.fillRect(bar.x, bar.y + bar.h, bar.w, 3);
  g.fillStyle(ROOM.topBar, 1);
  g.fillRect(bar.x, bar.y, bar.w, bar.h);
  g.fillStyle(ROOM.accent, 1);
  g.fillRect(bar.x, bar.y, bar.w, 3);
  g.fillStyle(ROOM.paperEdge, 1);
  g.fillRect(bar.x, bar.y + bar.h - 1, bar.w, 1);
  const panels: Rect[] = [LAYOUT.gauges, LAYOUT.checklist, LAYOUT.transcript, LAYOUT.choices, LAYOUT.controls];
  for (const r of panels) paperPanel(g, r);
}

function drawMonitor(g: Pen): void {
  const m = LAYOUT.monitor;
  g.fillStyle(ROOM.shadow, 0.25);
  g.fillRoundedRect(m.x - 9, m.y - 6, m.w + 18, m.h + 16, 14);
  g.fillStyle(SCREEN.bezel, 1);
  g.fillRoundedRect(m.x - 8, m.y - 8, m.w + 16, m.h + 16, 12);
  g.lineStyle(2, SCREEN.bezelLight, 1);
  g.strokeRoundedRect(m.x - 7, m.y - 7, m.w + 14, m.h + 14, 11);
  g.fillGradientStyle(SCREEN.desktopTop, SCREEN.desktopTop, SCREEN.desktopBottom, SCREEN.desktopBottom, 1);
  g.fillRect(m.x, m.y, m.w, m.h);
  g.fillStyle(SCREEN.led, 1);
  g.fillCircle(m.x + m.w - 2, m.y + m.h + 4, 1.6);
  stickyNote(g, m.x - 14, m.y - 10, -0.16, 0xffe27a);
  stickyNote(g, m.x - 15, m.y + 236, 0.1, 0xffb3c7);
}

function stickyNote(g: Pen, x: number, y: number, angle: number, color: number): void {
  g.save();
  g.translateCanvas(x + 13, y + 13);
  g.rotateCanvas(angle);
  g.fillStyle(ROOM.shadow, 0.25);
  g.fillRect(-12, -11, 26, 26);
  g.fillStyle(color, 1);
  g.fillRect(-13, -13, 26, 26);
  g.fillStyle(0x000000, 0.08);
  g.fillRect(-13, -13, 26, 6);
  g.lineStyle(1.2, 0x3b5bdb, 0.7);
  for (let i = 0; i < 3; i++) g.lineBetween(-9, -2 + i * 5, 6 - i * 4, -2 + i * 5);
  g.restore();
}
