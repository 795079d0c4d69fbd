import { ContactMethodPicker } from './ContactMethodPicker';
import { NumberPicker } from './NumberPicker';
import { SchedulePicker } from './SchedulePicker';
import type { ReferenceKind } from './propertyFields';

export interface PickerProps {
  label: string;
  description?: string;
  value: number | null;
  error?: string;
  onChange: (value: number | null) => void;
  size?: 'xs' | 'sm';
  /** Shown when nothing is picked (the picker's own hint by default). */
  placeholder?: string;
}

/** Choose what a reference property points at: an inventory number, a contact method or a schedule. */
export function ReferencePicker({ kind, ...props }: PickerProps & { kind: ReferenceKind }) {
  if (kind === 'schedule') return <SchedulePicker {...props} />;
  return kind === 'contactMethod' ? <ContactMethodPicker {...props} /> : <NumberPicker kind={kind} {...props} />;
}
