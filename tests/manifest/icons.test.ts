import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderIcons } from '../../scripts/package/draw-icons.js';
import { decodePng } from './png-reader.js';

const manifestFolder = join(import.meta.dirname, '..', '..', 'manifest');
const read = (name: string) => readFileSync(join(manifestFolder, name));

function pixels(rgba: Uint8Array): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < rgba.length; i += 4) out.push([rgba[i]!, rgba[i + 1]!, rgba[i + 2]!, rgba[i + 3]!]);
  return out;
}

describe('the Teams app icons', () => {
  it('when color.png is decoded, then it is 192×192 with no fully transparent pixel and a white mark on NHS blue', () => {
    const png = decodePng(read('color.png'));
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png.rgba);
    expect(all.filter(([, , , a]) => a === 0)).toHaveLength(0);
    expect(all.some(([r, g, b]) => r === 0x00 && g === 0x5e && b === 0xb8)).toBe(true);
    expect(all.some(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
  });

  it('when outline.png is decoded, then it is 32×32, has an alpha channel, a transparent background and only white drawn', () => {
    const png = decodePng(read('outline.png'));
    expect([png.width, png.height]).toEqual([32, 32]);
    expect(png.hasAlpha).toBe(true);
    const all = pixels(png.rgba);
    const drawn = all.filter(([, , , a]) => a > 0);
    expect(all.filter(([, , , a]) => a === 0).length).toBeGreaterThan(100);
    expect(drawn.filter(([, , , a]) => a === 255).length).toBeGreaterThan(100);
    expect(drawn.filter(([r, g, b]) => r !== 255 || g !== 255 || b !== 255)).toEqual([]);
    expect([all[0]?.[3], all[31]?.[3], all[32 * 31]?.[3], all[32 * 32 - 1]?.[3]]).toEqual([0, 0, 0, 0]);
  });

  it('when the drawing script runs again, then it draws exactly the committed pictures', () => {
    // Pixels, not bytes: another zlib may compress the same pixels differently.
    const icons = renderIcons();
    for (const [drawn, file] of [[icons.color, 'color.png'], [icons.outline, 'outline.png']] as const) {
      const fresh = decodePng(drawn);
      const committed = decodePng(read(file));
      expect([fresh.width, fresh.height]).toEqual([committed.width, committed.height]);
      expect(Buffer.from(fresh.rgba).equals(Buffer.from(committed.rgba))).toBe(true);
    }
  });

  it('when a PNG is damaged, then the reader refuses it, so the checks above cannot pass on a broken file', () => {
    const damaged = Buffer.from(read('outline.png'));
    damaged[40] = damaged[40]! ^ 0xff;
    expect(() => decodePng(damaged)).toThrow(/CRC|PNG/);
  });
});
