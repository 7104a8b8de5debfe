import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addItem,
  itemText,
  type LegMeta,
  readItems,
  seedLeg,
  setItemField,
} from '@tandem/shared/doc/itinerary';
import { familyItineraryPdf } from './familyItinerary';
import { inkOnFirstPage } from '../../test/ink';

const meta: LegMeta = {
  hostSide: 'B',
  startDate: '2027-08-01',
  endDate: '2027-08-03',
  timeZone: 'Asia/Shanghai',
  languages: ['en', 'zh-Hans'],
};

async function pdfWith(
  title: Record<string, string>,
  leg: LegMeta = meta,
  language = leg.languages[1] ?? 'en',
  change: (doc: Y.Doc) => void = () => undefined,
): Promise<string> {
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
  change(doc);
  const pdf = await familyItineraryPdf({
    meta: leg,
    items: readItems(doc),
    host: '杭州第二中学',
    guests: 'Lincoln High School',
    language,
  });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-pdf-')), 'leg.pdf');
  fs.writeFileSync(file, pdf);
  return file;
}

describe("the families' PDF", () => {
  it('holds the agreed plan in the family’s language, Chinese included, and no drafts', async () => {
    const title = { en: 'Longjing tea fields', 'zh-Hans': '龙井茶园参观与采茶体验活动' };
    const chinese = execFileSync('pdftotext', ['-layout', await pdfWith(title), '-']).toString();
    expect(chinese).toContain('杭州第二中学');
    expect(chinese).toContain('龙井茶园参观与采茶体验活动');
    expect(chinese).not.toContain('Longjing tea fields');
    expect(chinese).toContain('09:00–11:00');
    expect(chinese).toContain('2027年8月1日');
    expect(chinese).not.toContain('Draft idea');
    const english = await pdfWith(title, meta, 'en');
    const text = execFileSync('pdftotext', ['-layout', english, '-']).toString();
    expect(text).toContain('Longjing tea fields');
    expect(text).not.toContain('龙井茶园');
    expect(text).toContain('August 1, 2027');
    expect(text).toContain('No plans: time with the host family.');
  });

  it('marks a title missing in the family’s language, and prints meeting point and notes', async () => {
    const file = await pdfWith({ en: '', 'zh-Hans': '春节包饺子' }, meta, 'en', (doc) => {
      setItemField(doc, 'a', 'place', 'School gate, 8:45');
      itemText(doc, 'a', 'notes', 'en')?.insert(0, 'Bring an apron.');
    });
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain('春节包饺子');
    expect(text).toContain('(only in Simplified Chinese so far)');
    expect(text).toContain('All times are local to Shanghai.');
    expect(text).toContain('Meeting point: School gate, 8:45');
    expect(text).toContain('Notes: Bring an apron.');
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
