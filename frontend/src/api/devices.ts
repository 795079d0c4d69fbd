/** /devices: a contact's call.center softphones, each on 1 to 4 SIP accounts. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';
import { queryKeys } from './queryKeys';
import { ALL, resource, type Versioned } from './resource';

export const MAX_SIP_ACCOUNTS = 4;
export type DeviceStatus = 'not_activated' | 'online' | 'offline';
export type DeviceSubStatus = 'instructions_sent' | 'pending_update';

export interface DeviceSipAccount {
  id: number;
  friendlyName: string;
  username: string;
  providerName: string;
}

export interface Device extends Versioned {
  contact: { id: number; name: string };
  name: string;
  status: DeviceStatus;
  subStatus: DeviceSubStatus | null;
  appVersion: string | null;
  platform: string | null;
  lastSeenAt: string | null;
  sipAccounts: DeviceSipAccount[];
  createdAt: string;
}

export interface DeviceInput {
  contactId: number;
  name: string;
  sipAccountIds: number[];
}

const crud = resource<Device, DeviceInput>('/devices');

export const devicesApi = {
  ...crud,
  /** Hand the device to another contact (one transaction on the server). */
  move: (device: Device, contactId: number) =>
    request<Device>('POST', `/devices/${device.id}/move`, { contactId }, { ifMatch: device.version }),
};

/** All devices, or one contact's. */
export function useDevices(contactId?: number) {
  return useQuery({
    queryKey: [...queryKeys.devices, contactId ?? 'all'],
    queryFn: () => devicesApi.list({ ...ALL, contactId }),
  });
}
