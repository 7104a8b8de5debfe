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
export function useConnectionState({ doc, provider, local, receipts }: OpenRoom): ConnectionState {
  const [facts, setFacts] = useState<ConnectionFacts>(() => ({
    status: provider.wsconnected ? 'connected' : 'connecting',
    isSynced: provider.synced,
    isStored: receipts.isStored,
    isSavedLocally: local.synced,
    isSavingLocally: false,
    hasFailed: false,
    finalCloseCode: null,
    lastCloseCode: null,
  }));

  useEffect(() => {
    // Every local save of every keystroke reports here: an unchanged fact re-renders nothing.
    const update = (patch: Partial<ConnectionFacts>) =>
      setFacts((f) =>
        (Object.keys(patch) as (keyof ConnectionFacts)[]).every((key) => f[key] === patch[key])
          ? f
          : { ...f, ...patch },
      );
    const onStatus = ({ status }: { status: ConnectionFacts['status'] }) => update({ status });
    const onSync = (isSynced: boolean) =>
      update(isSynced ? { isSynced, hasFailed: false, lastCloseCode: null } : { isSynced });
    const onClose = (event: CloseEvent | null) => {
      update({ hasFailed: true, isSynced: false, lastCloseCode: event?.code ?? null });
      // An oversized frame (1009) or a full document would be sent again on every reconnect:
      // the provider stops, and the person is told what to do.
      if (event?.code === CloseCode.tooLarge || event?.code === CloseCode.documentFull) {
        provider.disconnect();
        update({ finalCloseCode: event.code });
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
    const stopReceipts = receipts.onChange(() => update({ isStored: receipts.isStored }));
    // The provider may have connected or synced between the first render and now: a page
    // with many editors takes a while to mount, and those events would be lost.
    update({
      status: provider.wsconnected
        ? 'connected'
        : provider.wsconnecting
          ? 'connecting'
          : 'disconnected',
      isSynced: provider.synced,
      isStored: receipts.isStored,
      isSavedLocally: local.synced,
    });
    return () => {
      stopTracking();
      stopReceipts();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.off('connection-error', onError);
      provider.off('closed', onFinalClose);
      local.off('synced', onLocal);
    };
  }, [doc, provider, local, receipts]);

  const isLeavingRisky = isAtRisk(facts);
  useEffect(() => {
    if (!isLeavingRisky) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [isLeavingRisky]);

  return deriveConnectionState(facts);
}
