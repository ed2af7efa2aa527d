/** An RGB colour, 0–255 per channel. */
export type Rgb = readonly [number, number, number];

/** An RGB raster with just enough drawing for a line chart: pixels, rectangles, lines, dashes, tints. */
export class Raster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;

  constructor(width: number, height: number, background: Rgb = [255, 255, 255]) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) this.pixels.set(background, i * 3);
  }

  set(x: number, y: number, rgb: Rgb): void {
    const px = Math.round(x);
    const py = Math.round(y);
    if (px < 0 || py < 0 || px >= this.width || py >= this.height) return;
    this.pixels.set(rgb, (py * this.width + px) * 3);
  }

  get(x: number, y: number): Rgb | undefined {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return undefined;
    const i = (y * this.width + x) * 3;
    return [this.pixels[i] ?? 0, this.pixels[i + 1] ?? 0, this.pixels[i + 2] ?? 0];
  }

  fillRect(x: number, y: number, w: number, h: number, rgb: Rgb): void {
    for (let py = Math.round(y); py < Math.round(y + h); py++) {
      for (let px = Math.round(x); px < Math.round(x + w); px++) this.set(px, py, rgb);
    }
  }

  /** Mixes `rgb` into what is there (`alpha` 0–1): a translucent band that leaves the grid visible. */
  tint(x: number, y: number, rgb: Rgb, alpha: number): void {
    const px = Math.round(x);
    const py = Math.round(y);
    const under = this.get(px, py);
    if (!under) return;
    const mix = (a: number, b: number) => Math.round(a * (1 - alpha) + b * alpha);
    this.set(px, py, [mix(under[0], rgb[0]), mix(under[1], rgb[1]), mix(under[2], rgb[2])]);
  }

  /** A line `thickness` pixels wide; `dash` is [on, off] in pixels along the line. */
  line(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    rgb: Rgb,
    thickness = 1,
    dash?: readonly [number, number],
  ): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    // Offsets -low..high across the line: 1 → 0, 2 → 0..1, 3 → -1..1.
    const low = Math.floor((thickness - 1) / 2);
    const high = thickness - 1 - low;
    for (let i = 0; i <= steps; i++) {
      if (dash && i % (dash[0] + dash[1]) >= dash[0]) continue;
      const x = x0 + ((x1 - x0) * i) / steps;
      const y = y0 + ((y1 - y0) * i) / steps;
      for (let dx = -low; dx <= high; dx++) for (let dy = -low; dy <= high; dy++) this.set(x + dx, y + dy, rgb);
    }
  }
}
