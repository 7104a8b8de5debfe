import { describe, expect, it } from 'vitest';
import { draftPath, parseRoute } from './route';

describe('parseRoute', () => {
  it('opens a draft by its path', () => {
    expect(parseRoute(draftPath('abc-123'))).toEqual({ name: 'draft', partnershipId: 'abc-123' });
  });
  it('sends anything else home', () => {
    for (const path of ['/', '/d/', '/d/../x', '/d/a b', '/elsewhere']) {
      expect(parseRoute(path), path).toEqual({ name: 'home' });
    }
  });
});
