/** /wizard/contact: set up a contact, its numbers, device and call flow in one request. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';
import type { Contact, ContactInput } from './contacts';
import type { Device, DeviceSipAccount } from './devices';
import type { Cable, Problem, Tab, WorkspaceObject } from './workspace';

/** An inventory number as a wizard step offers it: free, or why it is taken. */
export interface NumberOption {
  id: number;
  number: string;
  label: string;
  available: boolean;
  /** E.g. "internal caller ID of Jane Doe"; null while available. */
  usedBy: string | null;
}

export interface WizardOptions {
  internalNumbers: NumberOption[];
  phoneNumbers: NumberOption[];
  tabs: { id: number; name: string }[];
  sipAccounts: DeviceSipAccount[];
}

/** Each of the number and tab steps picks an existing row (`id`) or adds one. */
export type PickOrAdd<New> = ({ id: number } & { [K in keyof New]?: never }) | New;

export interface WizardInput {
  contact: ContactInput;
  /** null: the contact gets no extension (the guide's step is optional). */
  internalNumber: PickOrAdd<{ number: string; label?: string }> | null;
  phoneNumber: PickOrAdd<{ number: string; label?: string }> & { outboundCalling: boolean };
  tab: PickOrAdd<{ name: string }>;
  device: { name: string; sipAccountIds: number[] };
  publish: boolean;
  publishMessage: string | null;
}

export interface WizardResult {
  contact: Contact;
  device: Device;
  activation: { deviceId: number; code: string; page: string };
  tab: Tab;
  objects: WorkspaceObject[];
  cables: Cable[];
  draftVersion: number;
  /** The revision published, or null (then `problems` says why). */
  published: number | null;
  problems: Problem[];
}

export const wizardOptionsKey = ['wizard', 'contact', 'options'] as const;

export const wizardApi = {
  options: () => request<WizardOptions>('GET', '/wizard/contact/options'),
  create: (input: WizardInput) => request<WizardResult>('POST', '/wizard/contact', input),
};

export function useWizardOptions() {
  return useQuery({ queryKey: wizardOptionsKey, queryFn: wizardApi.options });
}
