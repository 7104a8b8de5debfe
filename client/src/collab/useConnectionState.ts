import { useEffect, useState } from 'react';
import { CloseCode } from '@tandem/shared/protocol';
import {
  type ConnectionFacts,
  type ConnectionState,
  deriveConnectionState,
} from './connectionState';
import type { OpenRoom } from './useRoom';

/** Follows the provider and the local copy, and derives what to show. */
export function useConnectionState({ provider, local }: OpenRoom): ConnectionState {
  const [facts, setFacts] = useState<ConnectionFacts>(() => ({
    status: provider.wsconnected ? 'connected' : 'connecting',
    isSynced: provider.synced,
    isSavedLocally: local.synced,
    hasFailed: false,
    finalCloseCode: null,
  }));

  useEffect(() => {
    const update = (patch: Partial<ConnectionFacts>) => setFacts((f) => ({ ...f, ...patch }));
    const onStatus = ({ status }: { status: ConnectionFacts['status'] }) => update({ status });
    const onSync = (isSynced: boolean) =>
      update(isSynced ? { isSynced, hasFailed: false } : { isSynced });
    const onClose = (event: CloseEvent | null) => {
      update({ hasFailed: true, isSynced: false });
      // ws answers an oversized frame with 1009, which the provider would retry forever.
      if (event?.code === CloseCode.tooLarge) {
        provider.disconnect();
        update({ finalCloseCode: CloseCode.tooLarge });
      }
    };
    const onFinalClose = (event: { code: number }) => update({ finalCloseCode: event.code });
    const onError = () => update({ hasFailed: true });
    const onLocal = () => update({ isSavedLocally: true });
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onClose);
    provider.on('connection-error', onError);
    provider.on('closed', onFinalClose);
    local.on('synced', onLocal);
    return () => {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('connection-error', onError);
      provider.off('closed', onFinalClose);
      local.off('synced', onLocal);
    };
  }, [provider, local]);

  return deriveConnectionState(facts);
}
