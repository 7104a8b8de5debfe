import { useCallback, useEffect, useState } from 'react';
import type { VersionView } from '@tandem/shared/api';
import type { AgreementText } from '@tandem/shared/doc/snapshot';
import { api } from '../../platform/api';

/** The agreement's kept versions, and reading one. */
export function useVersions(partnershipId: string) {
  const base = `/api/partnerships/${partnershipId}/agreement/versions`;
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(
    () =>
      api<VersionView[]>('GET', base).then(
        (found) => {
          setVersions(found);
          setError(null);
        },
        (caught: unknown) => setError(caught),
      ),
    [base],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  const read = useCallback((id: string) => api<AgreementText>('GET', `${base}/${id}`), [base]);
  const keep = useCallback(
    (name: string) => api<VersionView>('POST', base, { name }).then(reload),
    [base, reload],
  );
  const restore = useCallback(
    (id: string) => api('POST', `${base}/${id}/restore`, {}).then(reload),
    [base, reload],
  );
  return { versions, error, read, keep, restore };
}
