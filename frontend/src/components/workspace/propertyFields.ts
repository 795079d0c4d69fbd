/**
 * The form fields of an object type, generated from its properties schema: the properties the
 * catalogue declares a picker for (`pickers`) become pickers, enums become choices, plain
 * values inputs. Lists of entries (the ring group's timeline) are edited elsewhere: cables and
 * the ring editor.
 */
import type { JsonSchema, ObjectType } from '../../api/workspace';

export type ReferenceKind = 'phone' | 'internal' | 'contactMethod' | 'schedule';

export type FieldSpec = { key: string; label: string; description?: string } & (
  | { kind: 'reference'; ref: ReferenceKind }
  | { kind: 'choice'; options: { value: string; label: string }[] }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'text' }
  | { kind: 'switch' }
);

/** The catalogue's picker names (snake_case, as the server declares them) -> the picker. */
const PICKERS: Record<string, { ref: ReferenceKind; label: string }> = {
  internal_number: { ref: 'internal', label: 'Internal number' },
  phone_number: { ref: 'phone', label: 'Phone number' },
  contact_method: { ref: 'contactMethod', label: 'Contact method' },
  schedule: { ref: 'schedule', label: 'Schedule' },
};

const HINTS: Record<ReferenceKind, string> = {
  phone: 'The number calls arrive on (from Numbers).',
  internal: 'The extension callers dial (from Numbers).',
  contactMethod: 'Whom it rings: a contact’s call.center app, SIP account or phone.',
  schedule: 'Opening hours and holidays, from the Schedules page.',
};

/** "ring_all" -> "Ring all", "contactMethod" -> "Contact method". */
export const humanize = (text: string): string => {
  const words = text.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const types = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

function fieldFor(key: string, schema: JsonSchema, picker: string | undefined): FieldSpec | null {
  const kinds = types(schema);
  if (kinds.includes('array') || kinds.includes('object')) return null;
  const reference = picker === undefined ? undefined : PICKERS[picker];
  if (reference) {
    // A schema title is the type's own words (a Forward's "Caller ID number"); else the picker's.
    if (schema.title) return { key, kind: 'reference', ref: reference.ref, label: schema.title, description: schema.description };
    return { key, kind: 'reference', ref: reference.ref, label: reference.label, description: HINTS[reference.ref] };
  }
  const label = schema.title ?? humanize(key);
  if (schema.enum) {
    const options = schema.enum.map((value) => ({ value: String(value), label: humanize(String(value)) }));
    return { key, kind: 'choice', options, label, description: schema.description };
  }
  if (kinds.includes('integer') || kinds.includes('number')) return { key, kind: 'number', label, min: schema.minimum, max: schema.maximum, description: schema.description };
  if (kinds.includes('boolean')) return { key, kind: 'switch', label, description: schema.description };
  return { key, kind: 'text', label, description: schema.description };
}

export function fieldsFor(type: ObjectType): FieldSpec[] {
  return Object.entries(type.propertiesSchema.properties ?? {})
    .map(([key, schema]) => fieldFor(key, schema, type.pickers?.[key]))
    .filter((field): field is FieldSpec => field !== null);
}

/** Whether the type has lists the form leaves to the canvas (to say so under the form). */
export const hasListProperties = (type: ObjectType): boolean =>
  Object.values(type.propertiesSchema.properties ?? {}).some((schema) => types(schema).includes('array'));
