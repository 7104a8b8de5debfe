import { execFileSync } from 'node:child_process';

/** Dark pixels on the rendered first page (poppler's pdftoppm, greyscale). */
export function inkOnFirstPage(file: string): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', file]);
  const header = pgm.subarray(0, 20).toString('latin1').split(/\s+/);
  const [, width, height] = header.map(Number);
  const pixels = pgm.subarray(pgm.length - (width ?? 0) * (height ?? 0));
  return pixels.filter((value) => value < 128).length;
}
