import { describe, expect, it } from 'vitest';
import { spaceCjk } from './cjkSpacing';
import { translate } from './translate';

describe('spacing between Chinese and Latin text', () => {
  it('puts one space between Han and Latin, none between Han and Han', () => {
    expect(spaceCjk('以 牡丹江市第一高级中学 协调人 的身份')).toBe(
      '以牡丹江市第一高级中学协调人的身份',
    );
    expect(spaceCjk('以 Lincoln High School 协调人 的身份')).toBe(
      '以 Lincoln High School 协调人的身份',
    );
    expect(spaceCjk('Peninsula High School接待牡丹江')).toBe('Peninsula High School 接待牡丹江');
    expect(spaceCjk('欢迎使用Tandem')).toBe('欢迎使用 Tandem');
  });
  it('leaves digits, punctuation and markup in their place', () => {
    expect(spaceCjk('2026年12月1日')).toBe('2026年12月1日');
    expect(spaceCjk('Lincoln High School ，你好 。')).toBe('Lincoln High School，你好。');
    expect(spaceCjk('<a>Lincoln High School</a>和<b>牡丹江一中</b>')).toBe(
      '<a>Lincoln High School</a> 和<b>牡丹江一中</b>',
    );
    expect(spaceCjk('Two words stay apart.')).toBe('Two words stay apart.');
  });
  it('applies to the server’s Chinese messages, and to no other language', () => {
    const zh = translate('zh-Hans', 'prompts', 'R-cultural.message', {
      more: 'Lincoln High School',
      fewer: '牡丹江一中',
      moreCount: 3,
      fewerCount: 1,
    });
    expect(zh).not.toMatch(/[A-Za-z]\p{Script=Han}|\p{Script=Han}[A-Za-z]/u);
    expect(zh).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    expect(translate('en', 'prompts', 'goThere')).toBe('Go there');
  });
});
