import { execFileSync } from 'node:child_process';

/** Dark pixels on the rendered first page (poppler's pdftoppm, greyscale). */
export function inkOnFirstPage(file: string): number {
  return inkOnPage(file, 1);
}

/** Dark pixels on one rendered page (poppler's pdftoppm, greyscale). */
export function inkOnPage(file: string, page: number): number {
  const pages = String(page);
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', pages, '-l', pages, file]);
  const header = pgm.subarray(0, 20).toString('latin1').split(/\s+/);
  const [, width, height] = header.map(Number);
  const pixels = pgm.subarray(pgm.length - (width ?? 0) * (height ?? 0));
  return pixels.filter((value) => value < 128).length;
}
