import { useCallback, useMemo } from 'react';
import {
  Button,
  ComboBox,
  I18nProvider,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../i18n/places';
import { languageChoices, timeZoneChoices } from './choices';
import type { PickerProps } from './pickerProps';

/** Lower case without accents, so "espanol" finds "español" and "sao paulo" "São Paulo". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/**
 * A combobox over a fixed list (React Aria's ComboBox: keyboard, screen readers, right to
 * left): people type words of a choice's label or search text, in any order, and can only
 * commit a listed choice, so no code ever has to be typed or read.
 */
function PickerBox({
  label,
  choices,
  value,
  onChange,
  hint,
  error,
  isRequired,
}: PickerProps & { choices: readonly Choice[] }) {
  const { t, i18n } = useTranslation();
  const searchOf = useMemo(
    () => new Map(choices.map((c) => [c.label, folded(`${c.label} ${c.search}`)])),
    [choices],
  );
  const matches = useCallback(
    (textValue: string, typed: string) => {
      const haystack = searchOf.get(textValue) ?? folded(textValue);
      return folded(typed)
        .split(/\s+/)
        .every((word) => haystack.includes(word));
    },
    [searchOf],
  );
  // React Aria follows the UI language (and its direction).
  return (
    <I18nProvider locale={i18n.language}>
      <ComboBox
        className="field picker"
        defaultItems={choices}
        selectedKey={value || null}
        onSelectionChange={(key) => onChange(key === null ? '' : String(key))}
        defaultFilter={matches}
        isRequired={isRequired}
        isInvalid={Boolean(error)}
        validationBehavior="aria"
        menuTrigger="input"
      >
        <Label>{label}</Label>
        <div className="picker-input">
          <Input dir="auto" />
          <Button className="picker-toggle" aria-label={t('picker.show')}>
            ▾
          </Button>
        </div>
        {hint && (
          <Text slot="description" className="hint">
            {hint}
          </Text>
        )}
        <FieldError className="field-error">{error}</FieldError>
        <Popover className="picker-popover">
          <ListBox<Choice>
            className="picker-list"
            renderEmptyState={() => <p className="hint">{t('picker.none')}</p>}
          >
            {(choice) => (
              <ListBoxItem id={choice.id} textValue={choice.label} className="picker-option">
                {choice.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
    </I18nProvider>
  );
}

/** A school's time zone, by city or country. */
export function TimeZoneBox(props: PickerProps) {
  const { i18n } = useTranslation();
  const choices = useMemo(
    () => timeZoneChoices(i18n.language, props.value),
    [i18n.language, props.value],
  );
  return <PickerBox {...props} choices={choices} />;
}

/** A school's language, by its name in the reader's language or its own. */
export function LanguageBox(props: PickerProps) {
  const { i18n } = useTranslation();
  const choices = useMemo(
    () => languageChoices(i18n.language, props.value),
    [i18n.language, props.value],
  );
  return <PickerBox {...props} choices={choices} />;
}
