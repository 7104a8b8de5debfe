import { lazy, type ReactNode, Suspense, useCallback, useState } from 'react';
import type { ConfirmRequest, Pending } from './confirmRequest';

export type { ConfirmRequest } from './confirmRequest';

// The dialog's code (React Aria's modal) loads the first time something asks: most visits
// never confirm anything, and every page would otherwise download it.
const ConfirmDialogView = lazy(() => import('./ConfirmDialogView'));

/**
 * Asks before an action that cannot simply be taken back, in a modal alert dialog (React Aria:
 * focus kept inside and returned afterwards, Escape cancels, right to left), in place of the
 * browser's `confirm`, which speaks the browser's language and cannot be styled. `dialog` is
 * rendered where the hook is used; `confirm` resolves true only for the confirming button.
 */
export function useConfirm(): {
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  dialog: ReactNode;
} {
  const [pending, setPending] = useState<Pending | null>(null);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => setPending({ ...request, resolve })),
    [],
  );
  const answer = (isConfirmed: boolean) => {
    pending?.resolve(isConfirmed);
    setPending(null);
  };
  const dialog = pending && (
    <Suspense fallback={null}>
      <ConfirmDialogView pending={pending} onAnswer={answer} />
    </Suspense>
  );
  return { confirm, dialog };
}
