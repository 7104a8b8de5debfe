import { describe, expect, it } from 'vitest';
import { sensitiveKinds } from './sensitive';

describe('R-sensitive (P23)', () => {
  it('spots health, diet, address, identity and vetting data in several languages', () => {
    expect(sensitiveKinds('Mei has asthma and needs her inhaler')).toEqual(['health']);
    expect(sensitiveKinds('Tom is allergic to peanuts')).toEqual(['diet']);
    expect(sensitiveKinds('Pick-up at 42 Maple Street')).toEqual(['address']);
    expect(sensitiveKinds('Passport E12345678')).toEqual(['identity']);
    expect(sensitiveKinds('李华对花生过敏')).toEqual(['health', 'diet']);
    expect(sensitiveKinds('住址：西湖区文三路12号')).toEqual(['address']);
    expect(sensitiveKinds('All host parents passed the background check')).toEqual(['vetting']);
  });

  it('leaves ordinary plans alone', () => {
    expect(sensitiveKinds('Visit the West Lake, then lunch together at school')).toEqual([]);
    expect(sensitiveKinds('参观西湖，然后在学校一起吃午饭')).toEqual([]);
    expect(sensitiveKinds('Baseball game, meet at the stadium gate at 9:00')).toEqual([]);
  });
});
