import { describe, expect, it } from 'vitest';
import { type ConnectionFacts, deriveConnectionState } from './connectionState';

const base: ConnectionFacts = {
  status: 'connecting',
  isSynced: false,
  isSavedLocally: true,
  hasFailed: false,
  finalCloseCode: null,
};

describe('deriveConnectionState', () => {
  it('says connecting on the first attempt, then syncing, then connected', () => {
    expect(deriveConnectionState(base)).toBe('connecting');
    expect(deriveConnectionState({ ...base, status: 'connected' })).toBe('syncing');
    expect(deriveConnectionState({ ...base, status: 'connected', isSynced: true })).toBe(
      'connected',
    );
  });

  it('says offline but saved on this device once a connection failed', () => {
    expect(deriveConnectionState({ ...base, status: 'disconnected', hasFailed: true })).toBe(
      'offlineSaved',
    );
    expect(deriveConnectionState({ ...base, status: 'connecting', hasFailed: true })).toBe(
      'offlineSaved',
    );
    expect(
      deriveConnectionState({
        ...base,
        status: 'disconnected',
        hasFailed: true,
        isSavedLocally: false,
      }),
    ).toBe('offline');
  });

  it('names a change too large to send, and a refusal', () => {
    expect(deriveConnectionState({ ...base, finalCloseCode: 1009 })).toBe('tooLarge');
    expect(deriveConnectionState({ ...base, finalCloseCode: 4403 })).toBe('refused');
  });
});
