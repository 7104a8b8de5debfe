import { type ReactNode, useCallback, useState } from 'react';
import { Button, Dialog, Heading, I18nProvider, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export interface ConfirmRequest {
  /** The question, in the person's language. */
  message: string;
  /** The confirming button's words ("Remove", "Restore"). */
  confirm: string;
  isDanger?: boolean;
}

type Pending = ConfirmRequest & { resolve: (isConfirmed: boolean) => void };

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
  return { confirm, dialog: <ConfirmDialog pending={pending} onAnswer={answer} /> };
}

function ConfirmDialog(props: { pending: Pending | null; onAnswer: (ok: boolean) => void }) {
  const { t, i18n } = useTranslation('common');
  const { pending, onAnswer } = props;
  return (
    <I18nProvider locale={i18n.language}>
      <ModalOverlay
        className="modal-overlay"
        isOpen={pending !== null}
        isDismissable
        onOpenChange={(isOpen) => {
          if (!isOpen) onAnswer(false);
        }}
      >
        <Modal className="modal">
          <Dialog role="alertdialog" className="confirm-dialog">
            <Heading slot="title" className="confirm-message">
              {pending?.message}
            </Heading>
            <div className="toolbar">
              <Button
                className={pending?.isDanger ? 'danger' : undefined}
                onPress={() => onAnswer(true)}
              >
                {pending?.confirm}
              </Button>
              <Button className="secondary" autoFocus onPress={() => onAnswer(false)}>
                {t('confirm.cancel')}
              </Button>
            </div>
          </Dialog>
        </Modal>
      </ModalOverlay>
    </I18nProvider>
  );
}
