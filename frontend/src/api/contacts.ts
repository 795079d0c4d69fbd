/** /contacts: people who answer calls, their numbers and emails, methods and call.center settings. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type Collection, request, withQuery } from './client';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

export const NUMBER_TYPES = ['landline', 'mobile', 'internal'] as const;
export type ContactNumberType = (typeof NUMBER_TYPES)[number];
export const EMAIL_LABELS = ['work', 'home'] as const;
export type EmailLabel = (typeof EMAIL_LABELS)[number];

export interface ContactNumber {
  type: ContactNumberType;
  /** E.164, for landline and mobile. */
  number: string | null;
  /** For internal: an internal number of the inventory. */
  internalNumberId: number | null;
  /** Its digits (responses only). */
  internalNumber?: string | null;
}

export interface ContactEmail {
  address: string;
  label: EmailLabel;
}

export interface Contact extends Versioned {
  firstName: string;
  lastName: string;
  fullName?: string;
  company: string;
  jobTitle: string;
  showInDirectory: boolean;
  numbers: ContactNumber[];
  emails: ContactEmail[];
  methods: { id: number; kind: MethodKind; label: string }[];
  deviceCount: number;
  /** Digits of the call.center internal caller ID. */
  internalCallerId: string | null;
  /** E.164 of the call.center external caller ID. */
  externalCallerId: string | null;
  createdAt: string;
}

export interface ContactInput {
  firstName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  showInDirectory: boolean;
  numbers: Omit<ContactNumber, 'internalNumber'>[];
  emails: ContactEmail[];
}

export const contactsApi = resource<Contact, ContactInput>('/contacts');

export const contactName = (contact: Pick<Contact, 'firstName' | 'lastName'>): string =>
  `${contact.firstName} ${contact.lastName}`.trim();

export interface ContactSearch {
  q: string;
  page: number;
  perPage: number;
}

export function useContacts(search: ContactSearch) {
  return useQuery({
    queryKey: [...queryKeys.contacts, 'list', search],
    queryFn: () => contactsApi.list({ ...search }),
    placeholderData: keepPreviousData,
  });
}

/** Every contact, for pickers (move a device). */
export function useAllContacts() {
  return useQuery({ queryKey: [...queryKeys.contacts, 'list', 'all'], queryFn: () => listAll(contactsApi.list) });
}

export function useContact(id: number) {
  return useQuery({ queryKey: queryKeys.contact(id), queryFn: () => contactsApi.get(id) });
}

// --- other contact methods: a SIP account, or a landline/mobile number --------------------

export type MethodKind = 'call_center' | 'sip_account' | 'phone';

export interface ContactMethod extends Versioned {
  contactId: number;
  kind: MethodKind;
  label: string;
  sipAccountId: number | null;
  number: string | null;
  numberType: 'landline' | 'mobile' | null;
  deviceCount: number;
  createdAt: string;
}

export type ContactMethodInput =
  | { kind: 'sip_account'; sipAccountId: number }
  | { kind: 'phone'; number: string; numberType: 'landline' | 'mobile' };

export const methodsApi = {
  list: (contactId: number) => request<Collection<ContactMethod>>('GET', withQuery(`/contacts/${contactId}/methods`)),
  create: (contactId: number, input: ContactMethodInput) =>
    request<ContactMethod>('POST', `/contacts/${contactId}/methods`, input),
  remove: (method: ContactMethod) =>
    request<void>('DELETE', `/contacts/${method.contactId}/methods/${method.id}`, undefined, { ifMatch: method.version }),
};

export function useContactMethods(contactId: number) {
  return useQuery({ queryKey: queryKeys.contactMethods(contactId), queryFn: () => methodsApi.list(contactId) });
}
