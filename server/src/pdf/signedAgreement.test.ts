import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '@tandem/shared/doc/canonical';
import { inkOnFirstPage } from './ink';
import { loadOrCreateSeal } from './seal';
import { signedAgreementPdf } from './signedAgreement';

const canonical = stableStringify({
  format: 'tandem-agreement/1',
  languages: ['en', 'zh-Hans'],
  prevailing: 'equal',
  title: { en: 'Partnership agreement', 'zh-Hans': '合作协议' },
  clauses: [
    {
      id: 'purpose',
      kind: 'purpose',
      title: { en: 'Purpose', 'zh-Hans': '合作目的' },
      text: { en: 'Our schools learn together.', 'zh-Hans': '我们两校共同学习，互相访问。' },
    },
  ],
});

const EMPTY = {
  canonical,
  hash: 'ab'.repeat(32),
  sides: { A: { name: 'Lincoln High School' }, B: { name: 'Hangzhou No. 2' } },
  signatures: [],
  audit: [],
  signedAt: 0,
};

describe('the signed agreement PDF', () => {
  it('draws the Chinese glyphs, not blank boxes that only text extraction would read', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-ink-'));
    const seal = loadOrCreateSeal(dir);
    const render = async (chinese: string) => {
      const file = path.join(dir, `${chinese.length}.pdf`);
      const text = canonical.replace('我们两校共同学习，互相访问。', chinese);
      fs.writeFileSync(file, await signedAgreementPdf({ ...EMPTY, canonical: text }, seal));
      return inkOnFirstPage(file);
    };
    expect(await render('我们两校共同学习，互相访问。'.repeat(6))).toBeGreaterThan(
      (await render('')) + 100,
    );
  });

  it('holds both languages, the signatures and the hash, and carries a seal pdfsig accepts', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-seal-'));
    const bytes = await signedAgreementPdf(
      {
        canonical,
        hash: 'ab'.repeat(32),
        sides: { A: { name: 'Lincoln High School' }, B: { name: '杭州第二中学' } },
        signatures: [
          {
            side: 'A',
            memberId: 'm1',
            name: 'Pat Principal',
            title: 'Principal',
            image: null,
            typed: 'Pat Principal',
            consent: 'x',
            hash: 'ab'.repeat(32),
            ip: '::1',
            userAgent: 'test',
            at: Date.UTC(2026, 10, 24),
          },
          {
            side: 'B',
            memberId: 'm2',
            name: '刘校长',
            title: '校长',
            image: null,
            typed: '刘校长',
            consent: 'x',
            hash: 'ab'.repeat(32),
            ip: '::1',
            userAgent: 'test',
            at: Date.UTC(2026, 10, 24),
          },
        ],
        audit: [
          {
            seq: 1,
            at: Date.UTC(2026, 10, 24),
            actor: 'm1',
            action: 'signing-started',
            data: '{}',
            prevHash: '0'.repeat(64),
            hash: 'cd'.repeat(32),
          },
        ],
        signedAt: Date.UTC(2026, 10, 24),
      },
      loadOrCreateSeal(dir),
    );
    const file = path.join(dir, 'agreement.pdf');
    fs.writeFileSync(file, bytes);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Our schools learn together.');
    expect(text).toContain('我们两校共同学习，互相访问。');
    expect(text).toContain('刘校长');
    expect(text).toContain(`SHA-256 ${'ab'.repeat(32)}`);
    const sig = execFileSync('pdfsig', [file]).toString();
    expect(sig).toMatch(/Signature Validation: Signature is Valid/);
    expect(sig).toMatch(/Total document signed/);
  });
});
