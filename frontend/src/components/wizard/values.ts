/** The wizard's form values, per-step checks, the request body and step summaries (no JSX). */
import { type UseFormReturnType } from '@mantine/form';
import { contactName } from '../../api/contacts';
import { queryKeys } from '../../api/queryKeys';
import { type NumberOption, type WizardInput, type WizardOptions, wizardOptionsKey } from '../../api/wizard';
import { type ContactValues, toInput as toContactInput } from '../contacts/contactForm';

export type Mode = 'pick' | 'add';

export interface WizardValues {
  internalMode: Mode | 'none';
  internalId: string | null;
  internalNumber: string;
  internalLabel: string;
  phoneMode: Mode;
  phoneId: string | null;
  phoneNumber: string;
  phoneLabel: string;
  outboundCalling: boolean;
  tabMode: Mode;
  tabId: string | null;
  tabName: string;
  deviceName: string;
  sipAccountIds: string[];
  publish: boolean;
  publishMessage: string;
}

export const STEPS = ['Contact', 'Internal number', 'Phone number', 'Tab & device', 'Review'] as const;
export const REVIEW = STEPS.length - 1;
export const REFETCH = [
  queryKeys.contacts,
  queryKeys.devices,
  queryKeys.internalNumbers,
  queryKeys.phoneNumbers,
  queryKeys.tabs,
  queryKeys.workspaceState,
  queryKeys.revisions,
  queryKeys.objectIndex,
  wizardOptionsKey,
];

/** Server error path (camelCased, without the step) -> the wizard form's field. */
export const FIELDS: Record<string, Record<string, keyof WizardValues>> = {
  internalNumber: { id: 'internalId', number: 'internalNumber', label: 'internalLabel' },
  phoneNumber: { id: 'phoneId', number: 'phoneNumber', label: 'phoneLabel', outboundCalling: 'outboundCalling' },
  tab: { id: 'tabId', name: 'tabName' },
  device: { name: 'deviceName', sipAccountIds: 'sipAccountIds' },
};
export const STEP_OF: Record<string, number> = { contact: 0, internalNumber: 1, phoneNumber: 2, tab: 3, device: 3, publish: 4, publishMessage: 4 };

export const available = (options: NumberOption[]) => options.filter((option) => option.available);

export function initialValues(options: WizardOptions): WizardValues {
  return {
    internalMode: available(options.internalNumbers).length ? 'pick' : 'add',
    internalId: null,
    internalNumber: '',
    internalLabel: '',
    phoneMode: available(options.phoneNumbers).length ? 'pick' : 'add',
    phoneId: null,
    phoneNumber: '',
    phoneLabel: '',
    outboundCalling: true,
    tabMode: options.tabs.length ? 'pick' : 'add',
    tabId: options.tabs.length === 1 ? String(options.tabs[0].id) : null,
    tabName: '',
    deviceName: '',
    sipAccountIds: options.sipAccounts.length === 1 ? [String(options.sipAccounts[0].id)] : [],
    publish: true,
    publishMessage: '',
  };
}

/** The checks of one step, before Next: the server checks everything again. */
export function stepErrors(step: number, v: WizardValues): Partial<Record<keyof WizardValues, string>> {
  const errors: Partial<Record<keyof WizardValues, string>> = {};
  if (step === 1 && v.internalMode === 'pick' && !v.internalId) errors.internalId = 'Choose an internal number, or add a new one';
  if (step === 1 && v.internalMode === 'add' && !/^[0-9]{1,6}$/.test(v.internalNumber.trim())) errors.internalNumber = 'Use 1 to 6 digits, e.g. 101';
  if (step === 2 && v.phoneMode === 'pick' && !v.phoneId) errors.phoneId = 'Choose a phone number, or add a new one';
  if (step === 2 && v.phoneMode === 'add' && !/^\+[0-9 ()-]{6,}$/.test(v.phoneNumber.trim()))
    errors.phoneNumber = 'Enter the number in international format, e.g. +1 415 555 0100';
  if (step === 3) {
    if (v.tabMode === 'pick' && !v.tabId) errors.tabId = 'Choose a tab, or add a new one';
    if (v.tabMode === 'add' && !v.tabName.trim()) errors.tabName = 'Name the new tab';
    if (!v.deviceName.trim()) errors.deviceName = 'Give the device a name, e.g. Android Phone';
    if (v.sipAccountIds.length === 0) errors.sipAccountIds = 'Choose at least one SIP account';
  }
  return errors;
}

export function toInput(contact: ContactValues, v: WizardValues): WizardInput {
  return {
    contact: toContactInput(contact),
    internalNumber:
      v.internalMode === 'none' ? null : v.internalMode === 'pick' ? { id: Number(v.internalId) } : { number: v.internalNumber.trim(), label: v.internalLabel.trim() },
    phoneNumber: {
      ...(v.phoneMode === 'pick' ? { id: Number(v.phoneId) } : { number: v.phoneNumber.trim(), label: v.phoneLabel.trim() }),
      outboundCalling: v.outboundCalling,
    },
    tab: v.tabMode === 'pick' ? { id: Number(v.tabId) } : { name: v.tabName.trim() },
    device: { name: v.deviceName.trim(), sipAccountIds: v.sipAccountIds.map(Number) },
    publish: v.publish,
    publishMessage: v.publishMessage.trim() || null,
  };
}

export function findNumber(list: NumberOption[], id: string | null): NumberOption | undefined {
  return list.find((option) => String(option.id) === id);
}

/** The step's choice under its label, once made. */
export function stepSummary(step: number, contactForm: UseFormReturnType<ContactValues>, form: UseFormReturnType<WizardValues>, options: WizardOptions): string | undefined {
  const v = form.getValues();
  if (step === 0) return contactName(contactForm.getValues()) || undefined;
  if (step === 1) {
    if (v.internalMode === 'none') return 'None';
    return v.internalMode === 'pick' ? findNumber(options.internalNumbers, v.internalId)?.number : v.internalNumber.trim() || undefined;
  }
  if (step === 2) return v.phoneMode === 'pick' ? findNumber(options.phoneNumbers, v.phoneId)?.number : v.phoneNumber.trim() || undefined;
  if (step === 3) return v.tabMode === 'pick' ? options.tabs.find((tab) => String(tab.id) === v.tabId)?.name : v.tabName.trim() || undefined;
  return undefined;
}

export const numberData = (options: NumberOption[]) =>
  options.map((option) => ({
    value: String(option.id),
    label: `${option.number}${option.label ? ` · ${option.label}` : ''}${option.available ? '' : ` (${option.usedBy})`}`,
    disabled: !option.available,
  }));

export interface StepProps {
  form: UseFormReturnType<WizardValues>;
  options: WizardOptions;
}
