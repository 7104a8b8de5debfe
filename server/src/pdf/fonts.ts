import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);

function fontFile(pkg: string, weight: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), weight, file);
}

let isReady = false;

/**
 * pdfmake with Noto Sans SC embedded (TTF: it covers Latin and Chinese, and pdfkit subsets it
 * correctly; the same font in WOFF2 or through pdf-lib renders blank). Remote resources are
 * refused: a PDF never fetches anything.
 */
export function pdfMaker(): typeof pdfmake {
  if (!isReady) {
    const regular = fontFile(
      '@expo-google-fonts/noto-sans-sc',
      '400Regular',
      'NotoSansSC_400Regular.ttf',
    );
    const bold = fontFile('@expo-google-fonts/noto-sans-sc', '700Bold', 'NotoSansSC_700Bold.ttf');
    const arabic = fontFile(
      '@expo-google-fonts/noto-sans-arabic',
      '400Regular',
      'NotoSansArabic_400Regular.ttf',
    );
    const arabicBold = fontFile(
      '@expo-google-fonts/noto-sans-arabic',
      '700Bold',
      'NotoSansArabic_700Bold.ttf',
    );
    pdfmake.setFonts({
      Noto: { normal: regular, bold, italics: regular, bolditalics: bold },
      NotoArabic: { normal: arabic, bold: arabicBold, italics: arabic, bolditalics: arabicBold },
    });
    pdfmake.setUrlAccessPolicy(() => false);
    const files = new Set([regular, bold, arabic, arabicBold]);
    pdfmake.setLocalAccessPolicy((file) => files.has(file));
    isReady = true;
  }
  return pdfmake;
}

/** The font and alignment for text in a language: Arabic script needs its own font, set right. */
export function scriptStyle(lang: string): { font: string; alignment: 'left' | 'right' } {
  const primary = lang.split('-')[0]?.toLowerCase() ?? '';
  return ['ar', 'fa', 'ur'].includes(primary)
    ? { font: 'NotoArabic', alignment: 'right' }
    : { font: 'Noto', alignment: 'left' };
}
