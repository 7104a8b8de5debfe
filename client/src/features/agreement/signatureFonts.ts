import arabic from '@expo-google-fonts/aref-ruqaa/400Regular/ArefRuqaa_400Regular.ttf?url';
import latin from '@expo-google-fonts/caveat/400Regular/Caveat_400Regular.ttf?url';
import han from '@expo-google-fonts/ma-shan-zheng/400Regular/MaShanZheng_400Regular.ttf?url';

/** The family typed signatures are shown in (signing.css), as the signed PDF draws them. */
export const SIGNATURE_FAMILY = 'Tandem Signature';

/**
 * One handwriting family over three fonts, by script, like the PDF's (server/src/pdf/fonts.ts):
 * Caveat for Latin, Ma Shan Zheng for Chinese, Aref Ruqaa for Arabic. The browser downloads a
 * font only when a typed signature uses its script.
 */
const FACES = [
  { url: latin, unicodeRange: 'U+0000-024F, U+0300-036F, U+0400-04FF, U+1E00-1EFF, U+2000-206F' },
  { url: han, unicodeRange: 'U+2E80-2FFF, U+3000-303F, U+3400-4DBF, U+4E00-9FFF, U+FF00-FFEF' },
  { url: arabic, unicodeRange: 'U+0600-06FF, U+0750-077F, U+08A0-08FF, U+FB50-FDFF, U+FE70-FEFF' },
];

let isRegistered = false;

export function registerSignatureFonts(): void {
  if (isRegistered || typeof FontFace === 'undefined') return;
  isRegistered = true;
  for (const { url, unicodeRange } of FACES) {
    document.fonts.add(new FontFace(SIGNATURE_FAMILY, `url(${url})`, { unicodeRange }));
  }
}
