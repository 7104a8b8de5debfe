import { describe, expect, it } from 'vitest';
import { type ConnectionFacts, deriveConnectionState, isAtRisk } from './connectionState';

const base: ConnectionFacts = {
  status: 'connecting',
  isSynced: false,
  isStored: true,
  isSavedLocally: true,
  isSavingLocally: false,
  hasFailed: false,
  finalCloseCode: null,
  lastCloseCode: null,
};

describe('deriveConnectionState', () => {
  it('says connecting on the first attempt, then syncing, then connected', () => {
    expect(deriveConnectionState(base)).toBe('connecting');
    expect(deriveConnectionState({ ...base, status: 'connected' })).toBe('syncing');
    expect(deriveConnectionState({ ...base, status: 'connected', isSynced: true })).toBe(
      'connected',
    );
  });

  it('says saving, not saved, until the server stored every edit made here', () => {
    const synced = { ...base, status: 'connected' as const, isSynced: true };
    expect(deriveConnectionState({ ...synced, isStored: false })).toBe('saving');
    expect(deriveConnectionState({ ...synced, isStored: true })).toBe('connected');
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

  it('says saving on this device until the local copy has committed an offline edit', () => {
    const offline = { ...base, status: 'disconnected', hasFailed: true } as const;
    expect(deriveConnectionState({ ...offline, isSavingLocally: true })).toBe('offlineSaving');
    expect(deriveConnectionState({ ...offline, isSavingLocally: false })).toBe('offlineSaved');
  });

  it('names a change too large to send, and a refusal', () => {
    expect(deriveConnectionState({ ...base, finalCloseCode: 1009 })).toBe('tooLarge');
    expect(deriveConnectionState({ ...base, finalCloseCode: 4403 })).toBe('refused');
    expect(deriveConnectionState({ ...base, finalCloseCode: 4413 })).toBe('documentFull');
  });

  it('says why it reconnects after a limit, until the next sync', () => {
    const closed = { ...base, status: 'connecting', hasFailed: true } as const;
    expect(deriveConnectionState({ ...closed, lastCloseCode: 4029 })).toBe('throttled');
    expect(deriveConnectionState({ ...closed, lastCloseCode: 1013 })).toBe('serverBusy');
    expect(
      deriveConnectionState({
        ...closed,
        status: 'connected',
        isSynced: true,
        lastCloseCode: 4029,
      }),
    ).toBe('connected');
  });
});

describe('isAtRisk', () => {
  it('warns before closing while an edit is only in memory', () => {
    expect(isAtRisk({ ...base, isSavingLocally: true })).toBe(true);
    expect(isAtRisk({ ...base, status: 'disconnected', isSavedLocally: false })).toBe(true);
  });
  it('lets the page close when the server or this device has everything', () => {
    expect(isAtRisk({ ...base, status: 'connected', isSavedLocally: false })).toBe(false);
    expect(isAtRisk({ ...base, status: 'disconnected' })).toBe(false);
  });
});
