import { nativeImage, type NativeImage } from 'electron';

const SIZE = 16;
/** BGRA of the brand blue. */
const FILL = [0xd9, 0x7a, 0x1f, 0xff] as const;

/**
 * The Windows tray icon, drawn in memory (a filled disc) so the shell needs no
 * icon file; a designed .ico can replace it when assets/ has one.
 */
export function trayIcon(): NativeImage {
  const pixels = Buffer.alloc(SIZE * SIZE * 4);
  const centre = (SIZE - 1) / 2;
  for (let y = 0; y < SIZE; y += 1) {
    for (let x = 0; x < SIZE; x += 1) {
      if (Math.hypot(x - centre, y - centre) > SIZE / 2 - 0.5) continue;
      pixels.set(FILL, (y * SIZE + x) * 4);
    }
  }
  return nativeImage.createFromBitmap(pixels, { width: SIZE, height: SIZE });
}
