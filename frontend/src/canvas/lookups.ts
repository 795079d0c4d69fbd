/** What the cards show for the ids their properties hold: numbers and contact methods. */
import { useMemo } from 'react';
import { contactName, useAllContacts } from '../api/contacts';
import { type NumberKind, useNumbers } from '../api/numbers';

/** The inventory number's digits for an id; undefined while loading or when unknown. */
export function useNumberText(kind: NumberKind, id: number | null | undefined): string | undefined {
  const numbers = useNumbers(kind);
  if (id === null || id === undefined) return undefined;
  return numbers.data?.items.find((n) => n.id === id)?.number;
}

export interface MethodInfo {
  id: number;
  contactId: number;
  contactName: string;
  kind: string;
  label: string;
}

/** Every contact method of the account by id, from the contact list. */
export function useContactMethodIndex(): { methods: Map<number, MethodInfo>; loading: boolean } {
  const contacts = useAllContacts();
  const methods = useMemo(() => {
    const index = new Map<number, MethodInfo>();
    for (const contact of contacts.data?.items ?? []) {
      for (const method of contact.methods) {
        index.set(method.id, { id: method.id, contactId: contact.id, contactName: contactName(contact), kind: method.kind, label: method.label });
      }
    }
    return index;
  }, [contacts.data]);
  return { methods, loading: contacts.isPending };
}
