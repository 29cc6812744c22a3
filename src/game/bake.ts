// Baking: every picture on the desk is drawn once with the 2D canvas into a texture, then shown
// as an Image. Phaser Graphics are re-tessellated and re-submitted every frame, which software
// WebGL cannot afford for hundreds of shapes; an Image is one quad. Textures live in the game's
// texture manager, so they are made the first time they are needed and reused afterwards.
import type Phaser from 'phaser';
import type { Rect } from '../layout.ts';
import type { Pen, Radius } from './draw-kit.ts';

type Gradient = readonly [number, number, number, number, number];

function rgba(color: number, alpha: number): string {
  return `rgba(${(color >> 16) & 255},${(color >> 8) & 255},${color & 255},${alpha})`;
}

/** The subset of Phaser's Graphics drawing API the desk uses, on a 2D canvas. */
export class CanvasPen implements Pen {
  private fill: string | Gradient = 'rgba(0,0,0,1)';
  private stroke = 'rgba(0,0,0,1)';
  private width = 1;

  constructor(private readonly ctx: CanvasRenderingContext2D) {
    ctx.lineJoin = 'round';
    ctx.lineCap = 'butt';
  }

  fillStyle(color: number, alpha = 1): void {
    this.fill = rgba(color, alpha);
  }

  /** Corner colours as in Phaser; the desk only uses vertical and horizontal gradients. */
  fillGradientStyle(tl: number, tr: number, bl: number, br: number, alpha = 1): void {
    this.fill = [tl, tr, bl, br, alpha];
  }

  lineStyle(width: number, color: number, alpha = 1): void {
    this.width = width;
    this.stroke = rgba(color, alpha);
  }

  save(): void {
    this.ctx.save();
  }

  restore(): void {
    this.ctx.restore();
  }

  translateCanvas(x: number, y: number): void {
    this.ctx.translate(x, y);
  }

  rotateCanvas(a: number): void {
    this.ctx.rotate(a);
  }

  scaleCanvas(x: number, y: number): void {
    this.ctx.scale(x, y);
  }

  beginPath(): void {
    this.ctx.beginPath();
  }

  moveTo(x: number, y: number): void {
    this.ctx.moveTo(x, y);
  }

  lineTo(x: number, y: number): void {
    this.ctx.lineTo(x, y);
  }

  closePath(): void {
    this.ctx.closePath();
  }

  arc(x: number, y: number, r: number, start: number, end: number, anticlockwise = false): void {
    this.ctx.arc(x, y, r, start, end, anticlockwise);
  }

  /** Fills the current path; a gradient spans the path's box (given by the shape helpers). */
  fillPath(box?: Rect): void {
    const ctx = this.ctx;
    const f = this.fill;
    if (typeof f === 'string') ctx.fillStyle = f;
    else {
      const b = box ?? { x: 0, y: 0, w: ctx.canvas.width, h: ctx.canvas.height };
      const [tl, tr, bl, br, a] = f;
      const horizontal = tl === bl && tr === br && tl !== tr;
      const grad = horizontal
        ? ctx.createLinearGradient(b.x, 0, b.x + b.w, 0)
        : ctx.createLinearGradient(0, b.y, 0, b.y + b.h);
      grad.addColorStop(0, rgba(tl, a));
      grad.addColorStop(1, rgba(horizontal ? tr : bl, a));
      ctx.fillStyle = grad;
    }
    ctx.fill();
  }

  strokePath(): void {
    const ctx = this.ctx;
    ctx.lineWidth = this.width;
    ctx.strokeStyle = this.stroke;
    ctx.stroke();
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    this.ctx.beginPath();
    this.ctx.rect(x, y, w, h);
    this.fillPath({ x, y, w, h });
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    this.ctx.beginPath();
    this.ctx.rect(x, y, w, h);
    this.strokePath();
  }

  fillRoundedRect(x: number, y: number, w: number, h: number, radius: Radius = 20): void {
    this.roundedRect(x, y, w, h, radius);
    this.fillPath({ x, y, w, h });
  }

  strokeRoundedRect(x: number, y: number, w: number, h: number, radius: Radius = 20): void {
    this.roundedRect(x, y, w, h, radius);
    this.strokePath();
  }

  fillCircle(x: number, y: number, r: number): void {
    this.ctx.beginPath();
    this.ctx.arc(x, y, r, 0, Math.PI * 2);
    this.fillPath({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
  }

  strokeCircle(x: number, y: number, r: number): void {
    this.ctx.beginPath();
    this.ctx.arc(x, y, r, 0, Math.PI * 2);
    this.strokePath();
  }

  fillEllipse(x: number, y: number, w: number, h: number): void {
    this.ctx.beginPath();
    this.ctx.ellipse(x, y, w / 2, h / 2, 0, 0, Math.PI * 2);
    this.fillPath({ x: x - w / 2, y: y - h / 2, w, h });
  }

  fillTriangle(x0: number, y0: number, x1: number, y1: number, x2: number, y2: number): void {
    const ctx = this.ctx;
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.lineTo(x2, y2);
    ctx.closePath();
    this.fillPath();
  }

  lineBetween(x0: number, y0: number, x1: number, y1: number): void {
    this.ctx.beginPath();
    this.ctx.moveTo(x0, y0);
    this.ctx.lineTo(x1, y1);
    this.strokePath();
  }

  /** The same outline as Phaser's rounded rectangles: straight edges joined by quarter arcs. */
  private roundedRect(x: number, y: number, w: number, h: number, radius: Radius): void {
    const r =
      typeof radius === 'number'
        ? { tl: radius, tr: radius, bl: radius, br: radius }
        : { tl: 20, tr: 20, bl: 20, br: 20, ...radius };
    const ctx = this.ctx;
    const q = Math.PI / 2;
    ctx.beginPath();
    ctx.moveTo(x + r.tl, y);
    ctx.lineTo(x + w - r.tr, y);
    if (r.tr > 0) ctx.arc(x + w - r.tr, y + r.tr, r.tr, -q, 0);
    ctx.lineTo(x + w, y + h - r.br);
    if (r.br > 0) ctx.arc(x + w - r.br, y + h - r.br, r.br, 0, q);
    ctx.lineTo(x + r.bl, y + h);
    if (r.bl > 0) ctx.arc(x + r.bl, y + h - r.bl, r.bl, q, 2 * q);
    ctx.lineTo(x, y + r.tl);
    if (r.tl > 0) ctx.arc(x + r.tl, y + r.tl, r.tl, 2 * q, 3 * q);
    ctx.closePath();
  }
}

/**
 * The texture `key`, drawing it first if the game does not have it yet. `box` is the part of
 * the drawing's coordinate space the texture covers; show it with {@link placed}.
 */
export function bake(scene: Phaser.Scene, key: string, box: Rect, draw: (g: Pen) => void): string {
  if (scene.textures.exists(key)) return key;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.ceil(box.w));
  canvas.height = Math.max(1, Math.ceil(box.h));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas to draw the desk with');
  ctx.translate(-box.x, -box.y);
  draw(new CanvasPen(ctx));
  // A plain texture over the canvas: addCanvas would make a CanvasTexture, which reads every
  // pixel back (getImageData) for editing the desk never does; that read was 40% of the bake.
  scene.textures.create(key, canvas, canvas.width, canvas.height)?.add('__BASE', 0, 0, 0, canvas.width, canvas.height);
  return key;
}

/** An Image showing a baked texture at the place its box says (top-left origin). */
export function placed(scene: Phaser.Scene, key: string, box: Rect): Phaser.GameObjects.Image {
  return scene.add.image(box.x, box.y, key).setOrigin(0, 0);
}
