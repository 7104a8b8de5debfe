import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stableStringify } from '@tandem/shared/doc/canonical';
import { inkOnFirstPage } from '../../test/ink';
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
  sides: {
    A: { name: 'Lincoln High School', timeZone: 'America/Los_Angeles' },
    B: { name: 'Hangzhou No. 2', timeZone: 'Asia/Shanghai' },
  },
  signatures: [],
  audit: [],
  names: {},
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
        sides: {
          A: { name: 'Lincoln High School', timeZone: 'America/Los_Angeles' },
          B: { name: '杭州第二中学', timeZone: 'Asia/Shanghai' },
        },
        names: {},
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

  it('names the prevailing version in each language of the statement', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-prevails-'));
    const file = path.join(dir, 'agreement.pdf');
    const prevails = canonical.replace('"prevailing":"equal"', '"prevailing":"zh-Hans"');
    fs.writeFileSync(
      file,
      await signedAgreementPdf({ ...EMPTY, canonical: prevails }, loadOrCreateSeal(dir)),
    );
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('the Simplified Chinese version prevails');
    expect(text).toContain('以简体中文版本为准');
  });

  it('sets Arabic right to left, in the Arabic font, with the first words at the right', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-arabic-'));
    const seal = loadOrCreateSeal(dir);
    const render = async (arabic: string) => {
      const file = path.join(dir, `${arabic.length}.pdf`);
      const text = stableStringify({
        ...JSON.parse(canonical),
        languages: ['en', 'ar'],
        title: { en: 'Partnership agreement', ar: 'اتفاقية الشراكة' },
        clauses: [
          {
            id: 'purpose',
            kind: 'purpose',
            title: { en: 'Purpose', ar: 'الغرض' },
            text: { en: 'Our schools learn together.', ar: arabic },
          },
        ],
      });
      fs.writeFileSync(file, await signedAgreementPdf({ ...EMPTY, canonical: text }, seal));
      return file;
    };
    const file = await render('نستضيف 111 طالباً في يوليو ثم نرسل 222 معلماً ثم 333 من الأهالي.');
    expect(execFileSync('pdffonts', [file]).toString()).toMatch(/NotoSansArabic-Regular/);
    const words = [
      ...execFileSync('pdftotext', ['-f', '1', '-l', '1', '-bbox', file, '-'])
        .toString()
        .matchAll(/<word xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g),
    ].map((m) => ({ xMin: Number(m[1]), xMax: Number(m[2]), text: m[3] }));
    const x = (text: string) => words.find((w) => w.text === text)?.xMin ?? NaN;
    expect(x('111')).toBeGreaterThan(x('222'));
    expect(x('222')).toBeGreaterThan(x('333'));
    const rightEdge = Math.max(...words.map((w) => w.xMax));
    expect(rightEdge).toBeGreaterThan(595 - 40 - 2);
    expect(rightEdge).toBeLessThanOrEqual(595.28 - 40 + 0.5);
    const ink = inkOnFirstPage(file);
    expect(ink).toBeGreaterThan(inkOnFirstPage(await render('')) + 100);
  });
});
