import { Button, Dialog, Heading, I18nProvider, Modal, ModalOverlay } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { type Item, itemFreeText } from '@tandem/shared/doc/itinerary';
import { sensitiveKinds } from '@tandem/shared/reciprocity/sensitive';
import { ItemThreads } from '../../widgets/threads/ItemThreads';
import { ItemDecision } from './ItemDecision';
import { ItemDetails } from './ItemDetails';
import { ItemEditor } from './ItemEditor';
import { ItemSummary } from './ItemSummary';
import { ItemVotes } from './ItemVotes';
import { useLegScope } from './LegContext';
import { readTitle } from './itemTitle';
import { MachineTranslation } from '../../widgets/translation/MachineTranslation';

/**
 * An item's sheet: from the bottom on a phone, a side panel on a wide screen (React Aria's
 * modal: focus inside, Escape closes, focus back on the row). Host-side editors get the full
 * form; the visiting side reads the details, votes and comments.
 */
export function ItemSheet({ item, onClose }: { item: Item | null; onClose: () => void }) {
  const { i18n } = useTranslation();
  return (
    <I18nProvider locale={i18n.language}>
      <ModalOverlay
        className="sheet-overlay"
        isOpen={item !== null}
        isDismissable
        onOpenChange={(isOpen) => {
          if (!isOpen) onClose();
        }}
      >
        <Modal className="sheet">{item && <SheetContent item={item} onClose={onClose} />}</Modal>
      </ModalOverlay>
    </I18nProvider>
  );
}

function SheetContent({ item, onClose }: { item: Item; onClose: () => void }) {
  const { t } = useTranslation('itinerary');
  const { canEdit, readerLanguages, remove, partnership } = useLegScope();
  const title = readTitle(item.title, readerLanguages);
  const notes = readTitle(item.notes, readerLanguages);
  // Reading help (P10) for what is written only in another language: shown, never stored.
  const reader = readerLanguages[0] ?? '';
  const foreign = [title, notes].filter((text) => text.isFallback && text.text.trim() !== '');
  const warnings = sensitiveKinds(itemFreeText(item));
  return (
    <Dialog className="sheet-dialog">
      <div className="sheet-head">
        <Heading slot="title" lang={title.lang} dir="auto">
          {title.text || t('untitled')}
        </Heading>
        <Button className="secondary" onPress={onClose}>
          {t('close')}
        </Button>
      </div>
      {foreign.map((text, i) => (
        <MachineTranslation
          key={i}
          partnershipId={partnership.id}
          text={() => text.text}
          from={text.lang}
          to={reader}
          label="translate"
        />
      ))}
      <ItemDecision item={item} />
      {canEdit ? <ItemEditor item={item} /> : <ItemSummary item={item} />}
      {warnings.length > 0 && (
        <p className="notice" role="alert">
          {t('sensitive', { kinds: warnings.map((k) => t(`sensitiveKinds.${k}`)).join(', ') })}
        </p>
      )}
      {canEdit && <ItemDetails item={item} />}
      <ItemVotes item={item} />
      <ItemThreads itemId={item.id} />
      {canEdit && (
        <p className="sheet-danger">
          <button
            type="button"
            className="danger"
            onClick={() => {
              onClose();
              remove(item);
            }}
          >
            {t('delete')}
          </button>
        </p>
      )}
    </Dialog>
  );
}
