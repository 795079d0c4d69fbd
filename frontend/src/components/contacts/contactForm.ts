/** The contact form's values and their conversion to what /contacts accepts. */
import type { Contact, ContactInput, ContactNumberType, EmailLabel } from '../../api/contacts';
import { changedFields } from '../common/changes';

export interface NumberValues {
  type: ContactNumberType;
  number: string;
  /** Select values are strings. */
  internalNumberId: string | null;
}

export interface ContactValues {
  firstName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  showInDirectory: boolean;
  numbers: NumberValues[];
  emails: { address: string; label: EmailLabel }[];
}

export const newNumber = (): NumberValues => ({ type: 'mobile', number: '', internalNumberId: null });
export const newEmail = () => ({ address: '', label: 'work' as EmailLabel });

export function toValues(contact?: Contact): ContactValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    company: contact?.company ?? '',
    jobTitle: contact?.jobTitle ?? '',
    showInDirectory: contact?.showInDirectory ?? true,
    numbers: (contact?.numbers ?? []).map((item) => ({
      type: item.type,
      number: item.number ?? '',
      internalNumberId: item.internalNumberId === null ? null : String(item.internalNumberId),
    })),
    emails: contact?.emails.length ? contact.emails.map((email) => ({ ...email })) : [newEmail()],
  };
}

export function toInput(values: ContactValues): ContactInput {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    company: values.company.trim(),
    jobTitle: values.jobTitle.trim(),
    showInDirectory: values.showInDirectory,
    numbers: values.numbers.map((item) =>
      item.type === 'internal'
        ? { type: item.type, number: null, internalNumberId: item.internalNumberId ? Number(item.internalNumberId) : null }
        : { type: item.type, number: item.number.trim(), internalNumberId: null },
    ),
    emails: values.emails.map((email) => ({ address: email.address.trim(), label: email.label })),
  };
}

export const toChanges = (contact: Contact, values: ContactValues): Partial<ContactInput> =>
  changedFields(toInput(toValues(contact)), toInput(values));

export const validate = {
  firstName: (value: string) => (value.trim() ? null : 'Enter the first name'),
  lastName: (value: string) => (value.trim() ? null : 'Enter the last name'),
  emails: {
    address: (value: string) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter a valid email address'),
  },
  numbers: {
    number: (value: string, values: ContactValues, path: string) => {
      const index = Number(path.split('.')[1]);
      return values.numbers[index]?.type !== 'internal' && !value.trim() ? 'Enter the number, e.g. +1 415 555 0100' : null;
    },
    internalNumberId: (value: string | null, values: ContactValues, path: string) => {
      const index = Number(path.split('.')[1]);
      return values.numbers[index]?.type === 'internal' && !value ? 'Choose an internal number' : null;
    },
  },
};
