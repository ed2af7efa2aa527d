import { describe, expect, it } from 'vitest';
import { drawText, fitText, hasGlyph, textWidth } from '../../../../infra/demo/font.ts';
import { Raster } from '../../../../infra/demo/raster.ts';

describe('infra/demo/font', () => {
  it('has a glyph for every character a graph label uses', () => {
    const used = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 .,:-+%/()_=<>·?–';
    expect([...used].filter((c) => !hasGlyph(c))).toEqual([]);
  });

  it('draws ink where the text is and nowhere else, at the width it reports', () => {
    // Prepare
    const raster = new Raster(100, 30);

    // Act
    drawText(raster, 10, 5, 'A1%', [0, 0, 0], { scale: 2 });

    // Assess
    const inked: number[] = [];
    for (let x = 0; x < 100; x++) for (let y = 0; y < 30; y++) if (raster.get(x, y)?.[0] === 0) inked.push(x);
    expect(Math.min(...inked)).toBe(10);
    expect(Math.max(...inked)).toBe(10 + textWidth('A1%', 2) - 1);
  });

  it('draws an unknown character as ? (never silently nothing) and shortens text to fit', () => {
    const a = new Raster(20, 20);
    const b = new Raster(20, 20);
    drawText(a, 0, 0, '한', [0, 0, 0]);
    drawText(b, 0, 0, '?', [0, 0, 0]);
    expect(a.pixels).toEqual(b.pixels);
    const cut = fitText('HTTPCode_Target_5XX_Count', 100, 2);
    expect(textWidth(cut, 2)).toBeLessThanOrEqual(100);
    expect(cut.endsWith('..')).toBe(true);
  });
});
