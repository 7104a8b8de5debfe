import { Button, Dialog, Heading, I18nProvider, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Pending } from './confirmRequest';

/** The confirmation itself (loaded on first use by ConfirmDialog.tsx's useConfirm). */
export default function ConfirmDialogView(props: {
  pending: Pending | null;
  onAnswer: (ok: boolean) => void;
}) {
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
