/** /account/settings: the account's name, time zone and switches, such as "Setup using Wizard" (off by default). */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';

export interface AccountSettings {
  name: string;
  setupWizard: boolean;
  /** IANA zone: new schedules and the simulator start in it. */
  timeZone: string;
  version: number;
}

export interface AccountSettingsInput {
  name?: string;
  setupWizard?: boolean;
  timeZone?: string;
}

export const accountKeys = { settings: ['account', 'settings'] as const };

export const accountApi = {
  get: () => request<AccountSettings>('GET', '/account/settings'),
  update: (input: AccountSettingsInput, version: number) =>
    request<AccountSettings>('PATCH', '/account/settings', input, { ifMatch: version }),
};

export function useAccountSettings() {
  return useQuery({ queryKey: accountKeys.settings, queryFn: accountApi.get });
}
