/** Before -> after of one field, in words an admin reads (History and the publish preview). */
import type { FieldChange } from '../../api/pending';

const LABELS: Record<string, string> = { name: 'Name', tab: 'Tab', position: 'Position', type: 'Type' };

export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const key = field.startsWith('properties.') ? field.slice('properties.'.length) : field;
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function valueText(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(none)';
  if (typeof value === 'object' && value !== null && 'x' in value && 'y' in value) {
    const { x, y } = value as { x: number; y: number };
    return `${Math.round(x)}, ${Math.round(y)}`;
  }
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

export const changeLine = (c: FieldChange) => `${fieldLabel(c.field)}: ${valueText(c.before)} → ${valueText(c.after)}`;
