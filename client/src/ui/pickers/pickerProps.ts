/** What every picker takes: a label, the chosen id and how to change it. */
export interface PickerProps {
  label: string;
  /** The chosen id, or '' for none. */
  value: string;
  onChange: (id: string) => void;
  hint?: string;
  error?: string;
  isRequired?: boolean;
}
