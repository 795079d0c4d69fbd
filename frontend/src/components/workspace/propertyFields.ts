/**
 * The form fields of an object type, generated from its properties schema: references to
 * the inventory become pickers, enums become choices, plain values inputs. Lists of
 * entries (the ring group's timeline) are edited elsewhere: cables and the ring editor.
 */
import type { JsonSchema, ObjectType } from '../../api/workspace';

export type ReferenceKind = 'phone' | 'internal' | 'contactMethod';

export type FieldSpec = { key: string; label: string; description?: string } & (
  | { kind: 'reference'; ref: ReferenceKind }
  | { kind: 'choice'; options: { value: string; label: string }[] }
  | { kind: 'number'; min?: number; max?: number }
  | { kind: 'text' }
  | { kind: 'switch' }
);

const REFERENCES: { match: RegExp; ref: ReferenceKind; label: string }[] = [
  { match: /internal number/i, ref: 'internal', label: 'Internal number' },
  { match: /phone number/i, ref: 'phone', label: 'Phone number' },
  { match: /contact method/i, ref: 'contactMethod', label: 'Contact method' },
];

const HINTS: Record<ReferenceKind, string> = {
  phone: 'The number calls arrive on (from Numbers).',
  internal: 'The extension callers dial (from Numbers).',
  contactMethod: 'Whom it rings: a contact’s call.center app, SIP account or phone.',
};

/** "ring_all" -> "Ring all", "contactMethod" -> "Contact method". */
export const humanize = (text: string): string => {
  const words = text.replace(/_/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const types = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

function fieldFor(key: string, schema: JsonSchema): FieldSpec | null {
  const kinds = types(schema);
  if (kinds.includes('array') || kinds.includes('object')) return null;
  if (kinds.includes('integer')) {
    const reference = REFERENCES.find((r) => r.match.test(schema.description ?? ''));
    if (reference) return { key, kind: 'reference', ref: reference.ref, label: reference.label, description: HINTS[reference.ref] };
  }
  const label = humanize(key);
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
    .map(([key, schema]) => fieldFor(key, schema))
    .filter((field): field is FieldSpec => field !== null);
}

/** Whether the type has lists the form leaves to the canvas (to say so under the form). */
export const hasListProperties = (type: ObjectType): boolean =>
  Object.values(type.propertiesSchema.properties ?? {}).some((schema) => types(schema).includes('array'));
