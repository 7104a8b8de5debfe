import { useEffect, useState } from 'react';
import { CloseCode } from '@tandem/shared/protocol';
import {
  type ConnectionFacts,
  type ConnectionState,
  deriveConnectionState,
  isAtRisk,
} from './connectionState';
import { trackLocalSaves } from './localSaves';
import type { OpenRoom } from './localRooms';

/**
 * Follows the provider and the local copy, derives what to show, and asks the browser to
 * confirm leaving while an edit exists only in this tab's memory.
 */
export function useConnectionState({ doc, provider, local }: OpenRoom): ConnectionState {
  const [facts, setFacts] = useState<ConnectionFacts>(() => ({
    status: provider.wsconnected ? 'connected' : 'connecting',
    isSynced: provider.synced,
    isSavedLocally: local.synced,
    isSavingLocally: false,
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
    const stopTracking = trackLocalSaves(doc, local, (isSavingLocally) =>
      update({ isSavingLocally }),
    );
    // The provider may have connected or synced between the first render and now: a page
    // with many editors takes a while to mount, and those events would be lost.
    update({
      status: provider.wsconnected
        ? 'connected'
        : provider.wsconnecting
          ? 'connecting'
          : 'disconnected',
      isSynced: provider.synced,
      isSavedLocally: local.synced,
    });
    return () => {
      stopTracking();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('connection-error', onError);
      provider.off('closed', onFinalClose);
      local.off('synced', onLocal);
    };
  }, [doc, provider, local]);

  const isLeavingRisky = isAtRisk(facts);
  useEffect(() => {
    if (!isLeavingRisky) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isLeavingRisky]);

  return deriveConnectionState(facts);
}
