import { createRequire } from 'node:module';
import path from 'node:path';
import * as fontkit from 'fontkit';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);

function fontFile(pkg: string, weight: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), weight, file);
}

/** The two embedded families: Noto Sans SC (Latin and Chinese) and Noto Sans Arabic. */
export type Family = 'Noto' | 'NotoArabic';

const FILES: Record<Family, { normal: string; bold: string }> = {
  Noto: {
    normal: fontFile('@expo-google-fonts/noto-sans-sc', '400Regular', 'NotoSansSC_400Regular.ttf'),
    bold: fontFile('@expo-google-fonts/noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf'),
  },
  NotoArabic: {
    normal: fontFile(
      '@expo-google-fonts/noto-sans-arabic',
      '400Regular',
      'NotoSansArabic_400Regular.ttf',
    ),
    bold: fontFile('@expo-google-fonts/noto-sans-arabic', '700Bold', 'NotoSansArabic_700Bold.ttf'),
  },
};

/**
 * Handwriting-style families for typed signatures, one per script (no one such font covers
 * Latin, Chinese and Arabic): Caveat, Ma Shan Zheng and Aref Ruqaa (signatureFont.ts).
 */
export const SIGNATURE_FILES = {
  SignatureLatin: fontFile('@expo-google-fonts/caveat', '400Regular', 'Caveat_400Regular.ttf'),
  SignatureHan: fontFile(
    '@expo-google-fonts/ma-shan-zheng',
    '400Regular',
    'MaShanZheng_400Regular.ttf',
  ),
  SignatureArabic: fontFile(
    '@expo-google-fonts/aref-ruqaa',
    '400Regular',
    'ArefRuqaa_400Regular.ttf',
  ),
} as const;
export type SignatureFamily = keyof typeof SIGNATURE_FILES;

let isReady = false;

/**
 * pdfmake with the Noto fonts embedded (TTF: pdfkit subsets it correctly; the same font in
 * WOFF2 or through pdf-lib renders blank). Remote resources are refused: a PDF never fetches
 * anything.
 */
export function pdfMaker(): typeof pdfmake {
  if (!isReady) {
    const { Noto, NotoArabic } = FILES;
    const signatureFonts = Object.fromEntries(
      Object.entries(SIGNATURE_FILES).map(([family, file]) => [
        family,
        { normal: file, bold: file, italics: file, bolditalics: file },
      ]),
    );
    pdfmake.setFonts({
      Noto: { ...Noto, italics: Noto.normal, bolditalics: Noto.bold },
      NotoArabic: { ...NotoArabic, italics: NotoArabic.normal, bolditalics: NotoArabic.bold },
      ...signatureFonts,
    });
    pdfmake.setUrlAccessPolicy(() => false);
    const files = new Set([
      ...Object.values(FILES).flatMap((f) => [f.normal, f.bold]),
      ...Object.values(SIGNATURE_FILES),
    ]);
    pdfmake.setLocalAccessPolicy((file) => files.has(file));
    isReady = true;
  }
  return pdfmake;
}

const opened = new Map<string, fontkit.Font>();

function font(family: Family, bold: boolean): fontkit.Font {
  const file = FILES[family][bold ? 'bold' : 'normal'];
  let loaded = opened.get(file);
  if (!loaded) {
    loaded = fontkit.openSync(file) as fontkit.Font;
    opened.set(file, loaded);
  }
  return loaded;
}

/** The width in points of text set in a family, shaped the way pdfkit shapes it. */
export function textWidth(text: string, family: Family, bold: boolean, size: number): number {
  const f = font(family, bold);
  return (f.layout(text).advanceWidth / f.unitsPerEm) * size;
}

/** A family's line height in ems (ascent to descent), as pdfkit spaces lines. */
export function lineHeightEm(family: Family): number {
  const f = font(family, false);
  return (f.ascent - f.descent + f.lineGap) / f.unitsPerEm;
}
