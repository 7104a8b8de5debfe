import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addItem, type LegMeta, readItems, seedLeg } from '@tandem/shared/doc/itinerary';
import { familyItineraryPdf } from './familyItinerary';
import { inkOnFirstPage } from '../../test/ink';

const meta: LegMeta = {
  hostSide: 'B',
  startDate: '2027-08-01',
  endDate: '2027-08-03',
  timeZone: 'Asia/Shanghai',
  languages: ['en', 'zh-Hans'],
};

async function pdfWith(title: Record<string, string>, leg: LegMeta = meta): Promise<string> {
  const doc = new Y.Doc();
  seedLeg(doc, leg);
  addItem(doc, {
    id: 'a',
    date: '2027-08-01',
    kind: 'group-event',
    title,
    languages: leg.languages,
    proposedBy: 'B',
    status: 'agreed',
    start: '09:00',
    end: '11:00',
  });
  addItem(doc, {
    id: 'b',
    date: '2027-08-02',
    kind: 'group-event',
    title: { en: 'Draft idea' },
    languages: leg.languages,
    proposedBy: 'A',
    status: 'proposed',
  });
  const pdf = await familyItineraryPdf({
    meta: leg,
    items: readItems(doc),
    host: '杭州第二中学',
    guests: 'Lincoln High School',
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-pdf-')), 'leg.pdf');
  fs.writeFileSync(file, pdf);
  return file;
}

describe("the families' PDF", () => {
  it('holds the agreed plan in both languages, Chinese included, and no drafts', async () => {
    const file = await pdfWith({
      en: 'Longjing tea fields',
      'zh-Hans': '龙井茶园参观与采茶体验活动',
    });
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('杭州第二中学');
    expect(text).toContain('龙井茶园参观与采茶体验活动');
    expect(text).toContain('Longjing tea fields');
    expect(text).toContain('09:00–11:00');
    expect(text).toContain('2027年8月1日');
    expect(text).toContain('No plans: time with the host family.');
    expect(text).not.toContain('Draft idea');
    expect(execFileSync('pdffonts', [file]).toString()).toContain('NotoSansSC');
  });

  it('draws the Chinese glyphs (not blank boxes that only text extraction would read)', async () => {
    const withChinese = inkOnFirstPage(
      await pdfWith({
        en: 'Tea',
        'zh-Hans': '龙井茶园参观与采茶体验活动龙井茶园参观与采茶体验活动',
      }),
    );
    const without = inkOnFirstPage(await pdfWith({ en: 'Tea', 'zh-Hans': '' }));
    expect(withChinese).toBeGreaterThan(without + 100);
  });

  it('sets an Arabic title right to left in the Arabic font', async () => {
    const file = await pdfWith(
      { en: 'Old town', ar: 'زيارة 111 ثم 222' },
      { ...meta, languages: ['en', 'ar'] },
    );
    expect(execFileSync('pdffonts', [file]).toString()).toContain('NotoSansArabic');
    const bbox = execFileSync('pdftotext', ['-bbox', file, '-']).toString();
    const x = (word: string) =>
      Number(new RegExp(`xMin="([\\d.]+)"[^>]*>${word}<`).exec(bbox)?.[1]);
    expect(x('111')).toBeGreaterThan(x('222'));
  });
});
