import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import type { PartnershipView } from '@tandem/shared/api';

/** Loads a partnership as the signed-in member sees it; `reload` after a change. */
export function usePartnership(id: string) {
  const [partnership, setPartnership] = useState<PartnershipView | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(
    () =>
      api<PartnershipView>('GET', `/api/partnerships/${id}`).then(
        (found) => {
          setPartnership(found);
          setError(null);
        },
        (caught: unknown) => setError(caught),
      ),
    [id],
  );

  useEffect(() => {
    void load();
  }, [load]);

  return { partnership, error, reload: load };
}
