import { describe, expect, it } from 'vitest';
import { formatRoomName, parseRoomName } from './documents';

describe('parseRoomName', () => {
  it('reads a partnership id and a known document', () => {
    expect(parseRoomName('p_1-x/itinerary.A.threads')).toEqual({
      partnershipId: 'p_1-x',
      document: 'itinerary.A.threads',
    });
  });
  it('refuses unknown documents, paths and odd ids', () => {
    for (const bad of [
      'p1',
      'p1/notes',
      '../x/agreement',
      'p 1/agreement',
      '/agreement',
      'a/b/agreement',
    ]) {
      expect(parseRoomName(bad), bad).toBeNull();
    }
  });
  it('round-trips', () => {
    const room = { partnershipId: 'abc', document: 'status' } as const;
    expect(parseRoomName(formatRoomName(room))).toEqual(room);
  });
});
