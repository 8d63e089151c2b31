import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng, type RgbaImage } from './png-encode.js';
import { isMain, projectRoot } from './project-root.js';

/**
 * Draws the two Teams app icons: a mortarboard above a tick ("learning, done"), in white.
 * color.png: 192×192, NHS blue background to every edge (Teams rounds the corners itself).
 * outline.png: 32×32, white on a transparent background.
 * Shapes are tested per sub-pixel (4×4 per pixel) for smooth edges; nothing is random, so the same
 * script always writes the same bytes.
 *
 *   node dist/scripts/package/draw-icons.js     (after npm run build) rewrites manifest/*.png
 */

/** NHS blue (#005EB8), from the NHS identity guidelines. */
export const NHS_BLUE = { r: 0x00, g: 0x5e, b: 0xb8 } as const;

type Point = readonly [number, number];
type Shape = (x: number, y: number) => boolean;

function distanceToSegment(x: number, y: number, a: Point, b: Point): number {
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

const polygon =
  (points: readonly Point[]): Shape =>
  (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i]!;
      const [xj, yj] = points[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };

/** A stroke along a path of points, with round ends and joins. */
const stroke =
  (path: readonly Point[], halfWidth: number): Shape =>
  (x, y) =>
    path.slice(1).some((point, i) => distanceToSegment(x, y, path[i]!, point) <= halfWidth);

const union =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((shape) => shape(x, y));

const minus =
  (shape: Shape, cut: Shape): Shape =>
  (x, y) =>
    shape(x, y) && !cut(x, y);

/**
 * The mark, in a unit square. `weight` scales line widths and the gap between the board and the cap,
 * so the small outline icon keeps strokes at least a pixel and a half wide.
 */
function mark(weight: number): Shape {
  const top: Point = [0.5, 0.04];
  const right: Point = [0.96, 0.24];
  const bottom: Point = [0.5, 0.44];
  const left: Point = [0.04, 0.24];
  const board = polygon([top, right, bottom, left]);
  const cap = polygon([
    [0.24, 0.3],
    [0.76, 0.3],
    [0.76, 0.5],
    [0.5, 0.58],
    [0.24, 0.5],
  ]);
  const gap = 0.035 * weight;
  const separatedCap = minus(cap, (x, y) => board(x, y) || distanceToSegment(x, y, left, bottom) < gap || distanceToSegment(x, y, bottom, right) < gap);
  const tassel = stroke([
    [0.9, 0.27],
    [0.9, 0.48],
  ], 0.022 * weight);
  const tasselEnd = stroke([
    [0.9, 0.47],
    [0.9, 0.54],
  ], 0.04 * weight);
  const tick = stroke([
    [0.18, 0.78],
    [0.36, 0.94],
    [0.74, 0.7],
  ], 0.065 * weight);
  return union(board, separatedCap, tassel, tasselEnd, tick);
}

/** Coverage (0..1) of each pixel by `shape`, drawn into the square [inset, size - inset]. */
function coverage(size: number, inset: number, shape: Shape): Float64Array {
  const samples = 4;
  const span = size - 2 * inset;
  const out = new Float64Array(size * size);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples - inset) / span;
          const y = (py + (sy + 0.5) / samples - inset) / span;
          if (x >= 0 && x <= 1 && y >= 0 && y <= 1 && shape(x, y)) hits++;
        }
      }
      out[py * size + px] = hits / (samples * samples);
    }
  }
  return out;
}

/** 192×192, the white mark blended over NHS blue; every pixel opaque. */
export function drawColorIcon(): RgbaImage {
  const size = 192;
  const cover = coverage(size, 40, mark(1));
  const pixels = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    pixels[i * 4] = Math.round(NHS_BLUE.r + (255 - NHS_BLUE.r) * c);
    pixels[i * 4 + 1] = Math.round(NHS_BLUE.g + (255 - NHS_BLUE.g) * c);
    pixels[i * 4 + 2] = Math.round(NHS_BLUE.b + (255 - NHS_BLUE.b) * c);
    pixels[i * 4 + 3] = 255;
  });
  return { width: size, height: size, pixels };
}

/** 32×32, white with the mark's coverage as alpha; the background fully transparent. */
export function drawOutlineIcon(): RgbaImage {
  const size = 32;
  const cover = coverage(size, 1, mark(1.6));
  const pixels = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    pixels.set([255, 255, 255, Math.round(255 * c)], i * 4);
  });
  return { width: size, height: size, pixels };
}

export function renderIcons(): { color: Buffer; outline: Buffer } {
  return { color: encodePng(drawColorIcon()), outline: encodePng(drawOutlineIcon()) };
}

function main(): void {
  const folder = join(projectRoot(import.meta.url), 'manifest');
  const icons = renderIcons();
  writeFileSync(join(folder, 'color.png'), icons.color);
  writeFileSync(join(folder, 'outline.png'), icons.outline);
  console.log(`wrote ${join(folder, 'color.png')} (192×192) and ${join(folder, 'outline.png')} (32×32)`);
}

if (isMain(import.meta.url)) main();
