import { type ComponentType, Suspense, lazy } from 'react';
import { Field } from '../Field';

import type { PickerProps } from './pickerProps';

export type { PickerProps };

// React Aria's combobox and the zone table load with the screens that pick (setup, school
// details), not with the agreement.
const boxes = () => import('./PickerBox');
const TimeZoneBox = lazy(() => boxes().then((m) => ({ default: m.TimeZoneBox })));
const LanguageBox = lazy(() => boxes().then((m) => ({ default: m.LanguageBox })));

function withFallback(Box: ComponentType<PickerProps>) {
  return function Picker(props: PickerProps) {
    return (
      <Suspense fallback={<Field label={props.label} value="" readOnly />}>
        <Box {...props} />
      </Suspense>
    );
  };
}

/** Time zone by city or country, shown with the country and the current offset. */
export const TimeZonePicker = withFallback(TimeZoneBox);
/** School language by name, in the reader's language and its own. */
export const LanguagePicker = withFallback(LanguageBox);
