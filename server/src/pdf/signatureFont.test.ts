import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '@tandem/shared/doc/canonical';
import { inkOnPage } from '../../test/ink';
import { loadOrCreateSeal } from './seal';
import { signedAgreementPdf } from './signedAgreement';

const canonical = stableStringify({
  format: 'tandem-agreement/1',
  languages: ['en'],
  prevailing: 'equal',
  title: { en: 'Partnership agreement' },
  clauses: [
    { id: 'purpose', kind: 'purpose', title: { en: 'Purpose' }, text: { en: 'We learn.' } },
  ],
});

/** The signed PDF with one typed signature for side A. */
async function signedBy(typed: string, dir: string): Promise<string> {
  const file = path.join(dir, `${Buffer.from(typed).toString('hex').slice(0, 24) || 'none'}.pdf`);
  const bytes = await signedAgreementPdf(
    {
      canonical,
      hash: 'ab'.repeat(32),
      sides: {
        A: { name: 'School A', timeZone: 'UTC' },
        B: { name: 'School B', timeZone: 'UTC' },
      },
      signatures: [
        {
          side: 'A',
          memberId: 'm1',
          name: 'Signer',
          title: 'Principal',
          image: null,
          typed,
          consent: 'x',
          hash: 'ab'.repeat(32),
          ip: '::1',
          userAgent: 'test',
          at: 0,
        },
      ],
      audit: [],
      names: {},
      signedAt: 0,
    },
    loadOrCreateSeal(dir),
  );
  fs.writeFileSync(file, bytes);
  return file;
}

describe('a typed signature', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-typed-'));

  it.each([
    ['a Latin name', 'Pat Principal', /Caveat/],
    ['a Chinese name', '刘校长', /MaShanZheng/],
    ['an Arabic name', 'ليلى حداد', /ArefRuqaa/],
  ])(
    'is drawn in a handwriting font for %s, embedded, with ink on the page',
    async (_, name, font) => {
      const file = await signedBy(name, dir);
      const fonts = execFileSync('pdffonts', [file]).toString();
      expect(fonts).toMatch(font);
      // The signatures start on page 2; the name in the font leaves ink an empty one does not.
      const blank = await signedBy('', dir);
      expect(inkOnPage(file, 2)).toBeGreaterThan(inkOnPage(blank, 2) + 30);
    },
  );
});
