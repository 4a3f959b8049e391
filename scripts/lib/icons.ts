/**
 * The app's icons, drawn in code so they are reproducible and need no design tool: two
 * overlapping rings ("two organisations that meet") on the brand colour. Each pixel is the average
 * of a 4×4 grid of samples, which gives smooth edges without any image library beyond pngjs.
 */
import { PNG } from 'pngjs';
import { BRAND_COLOR, WEB_ICON_SIZES } from '../../src/config/appIdentity';

export type IconKind =
  /** Teams colour icon: full-bleed brand square (Teams rounds the corners itself). */
  | 'color'
  /** Teams outline icon: white rings on a transparent background, nothing else. */
  | 'outline'
  /** Outlook ribbon / add-in icons: rounded brand square on transparent. */
  | 'web';

export interface IconAsset {
  /** File name under `assets/`. */
  file: string;
  kind: IconKind;
  size: number;
}

export const ICON_ASSETS: readonly IconAsset[] = [
  { file: 'color-192.png', kind: 'color', size: 192 },
  { file: 'outline-32.png', kind: 'outline', size: 32 },
  ...WEB_ICON_SIZES.map((size): IconAsset => ({ file: `icon-${size}.png`, kind: 'web', size })),
];

interface Rgb {
  r: number;
  g: number;
  b: number;
}

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}

/** Shape proportions in a unit square; tuned per kind so the rings stay legible at 16 px. */
interface Geometry {
  background: 'full' | 'rounded' | 'none';
  cornerRadius: number;
  leftX: number;
  rightX: number;
  radius: number;
  stroke: number;
  /** Opacity of the white fill where the two rings overlap (the shared ground). */
  lensAlpha: number;
}

const GEOMETRY: Record<IconKind, Geometry> = {
  // Teams asks for the symbol inside the central safe area of the 192 px colour icon.
  color: { background: 'full', cornerRadius: 0, leftX: 0.4, rightX: 0.6, radius: 0.17, stroke: 0.05, lensAlpha: 0.35 },
  outline: { background: 'none', cornerRadius: 0, leftX: 0.36, rightX: 0.64, radius: 0.25, stroke: 0.075, lensAlpha: 0 },
  web: { background: 'rounded', cornerRadius: 0.2, leftX: 0.38, rightX: 0.62, radius: 0.22, stroke: 0.085, lensAlpha: 0.35 },
};

function insideRoundedSquare(x: number, y: number, r: number): boolean {
  const cx = min(max(x, r), 1 - r);
  const cy = min(max(y, r), 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

const SAMPLES = 4;

// Local bindings: inside Jest's vm sandbox every `Math.x` in the hot loop is a slow global lookup.
const { sqrt, round, abs, min, max } = Math;

/** Renders one icon as an RGBA PNG. Same inputs, same pixels. */
export function renderIcon(kind: IconKind, size: number): Buffer {
  const g = GEOMETRY[kind];
  const brand = hexToRgb(BRAND_COLOR);
  const png = new PNG({ width: size, height: size, colorType: 6 });

  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied sums over the sub-samples of this pixel.
      let r = 0;
      let gr = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const dy = y - 0.5;
          const dl = sqrt((x - g.leftX) ** 2 + dy * dy);
          const dr = sqrt((x - g.rightX) ** 2 + dy * dy);
          const onRing = abs(dl - g.radius) <= g.stroke / 2 || abs(dr - g.radius) <= g.stroke / 2;
          const inLens = dl < g.radius && dr < g.radius;
          const inBackground =
            g.background === 'full' || (g.background === 'rounded' && insideRoundedSquare(x, y, g.cornerRadius));

          let cr = 0;
          let cg = 0;
          let cb = 0;
          let ca = 0;
          if (inBackground) {
            cr = brand.r;
            cg = brand.g;
            cb = brand.b;
            ca = 1;
          }
          if (inLens && g.lensAlpha > 0 && inBackground) {
            cr += (255 - cr) * g.lensAlpha;
            cg += (255 - cg) * g.lensAlpha;
            cb += (255 - cb) * g.lensAlpha;
          }
          if (onRing) {
            cr = 255;
            cg = 255;
            cb = 255;
            ca = 1;
          }
          r += cr * ca;
          gr += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const idx = (py * size + px) * 4;
      const n = SAMPLES * SAMPLES;
      png.data[idx] = a > 0 ? round(r / a) : 0;
      png.data[idx + 1] = a > 0 ? round(gr / a) : 0;
      png.data[idx + 2] = a > 0 ? round(b / a) : 0;
      png.data[idx + 3] = round((a / n) * 255);
    }
  }
  // One fixed filter (Paeth) instead of pngjs trying all five per row: smaller work, same pixels.
  return PNG.sync.write(png, { colorType: 6, filterType: 4 });
}

/** Every icon file, keyed by its name under `assets/`. */
export function renderIconAssets(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const asset of ICON_ASSETS) files.set(asset.file, renderIcon(asset.kind, asset.size));
  return files;
}

export interface DecodedPng {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, whatever the file's own colour type. */
  data: Buffer;
  /** Whether the file itself stores an alpha channel (colour types 4 and 6, or tRNS). */
  hasAlpha: boolean;
}

export function decodePng(buffer: Buffer): DecodedPng {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: png.data, hasAlpha: Boolean(png.alpha) };
}

/** Pixel equality: PNG bytes may differ between zlib versions while the image is the same. */
export function samePixels(a: Buffer, b: Buffer): boolean {
  const x = decodePng(a);
  const y = decodePng(b);
  return x.width === y.width && x.height === y.height && x.data.equals(y.data);
}
