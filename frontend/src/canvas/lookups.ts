/**
 * What the cards show for the ids their properties hold: numbers and contact methods. The
 * indexes are built once per fetched list and shared by every card (hundreds are mounted on
 * a large tab), not rebuilt or scanned per card.
 */
import { useMemo } from 'react';
import { contactName, useAllContacts } from '../api/contacts';
import { type NumberKind, useNumbers } from '../api/numbers';

type NumberList = NonNullable<ReturnType<typeof useNumbers>['data']>;
type ContactList = NonNullable<ReturnType<typeof useAllContacts>['data']>;

const numberIndexes = new WeakMap<NumberList, Map<number, string>>();

export function numberIndex(list: NumberList): Map<number, string> {
  let index = numberIndexes.get(list);
  if (!index) {
    index = new Map(list.items.map((n) => [n.id, n.number]));
    numberIndexes.set(list, index);
  }
  return index;
}

/** The inventory number's digits for an id; undefined while loading or when unknown. */
export function useNumberText(kind: NumberKind, id: number | null | undefined): string | undefined {
  const numbers = useNumbers(kind);
  if (id === null || id === undefined || !numbers.data) return undefined;
  return numberIndex(numbers.data).get(id);
}

export interface MethodInfo {
  id: number;
  contactId: number;
  contactName: string;
  kind: string;
  label: string;
}

const methodIndexes = new WeakMap<ContactList, Map<number, MethodInfo>>();
const EMPTY = new Map<number, MethodInfo>();

export function methodIndex(list: ContactList | undefined): Map<number, MethodInfo> {
  if (!list) return EMPTY;
  let index = methodIndexes.get(list);
  if (!index) {
    index = new Map();
    for (const contact of list.items) {
      for (const method of contact.methods) {
        index.set(method.id, { id: method.id, contactId: contact.id, contactName: contactName(contact), kind: method.kind, label: method.label });
      }
    }
    methodIndexes.set(list, index);
  }
  return index;
}

/** Every contact method of the account by id, from the contact list. */
export function useContactMethodIndex(): { methods: Map<number, MethodInfo>; loading: boolean } {
  const contacts = useAllContacts();
  const methods = useMemo(() => methodIndex(contacts.data), [contacts.data]);
  return { methods, loading: contacts.isPending };
}
