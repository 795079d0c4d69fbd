/** /devices: a contact's call.center softphones, each on 1 to 4 SIP accounts. */
import { useQuery } from '@tanstack/react-query';
import { queryClient } from '../queryClient';
import { API_PREFIX, type Collection, request } from './client';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

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
  activatedAt: string | null;
  sipAccounts: DeviceSipAccount[];
  createdAt: string;
}

export interface DeviceInput {
  contactId: number;
  name: string;
  sipAccountIds: number[];
}

const crud = resource<Device, DeviceInput>('/devices');

/** One way to activate the app, as the user guide describes it. */
export interface ActivationMethod {
  key: 'click' | 'qr' | 'code';
  title: string;
  when: string;
  steps: string[];
  note?: string;
}

export interface ActivationInstructions {
  title: string;
  intro: string;
  methods: ActivationMethod[];
  /** What sending the instructions does. */
  send: string;
  /** What resetting the code does. */
  reset: string;
}

/** The Activation Instructions page of a device. */
export interface DeviceActivation {
  device: Versioned & {
    name: string;
    status: DeviceStatus;
    subStatus: DeviceSubStatus | null;
    appVersion: string | null;
    platform: string | null;
    lastSeenAt: string | null;
    activatedAt: string | null;
    contact: { id: number; name: string };
  };
  /** Shown until the instructions are sent or the device activates; then null (reset for a new one). */
  code: string | null;
  codeShown: boolean;
  codeHiddenReason: string | null;
  codeIssuedAt: string | null;
  server: string;
  /** `callcenter://activate?...`: Click to Activate, and what the QR code holds. */
  activationLink: string | null;
  /** The public https page for a browser without the app. */
  webLink: string | null;
  /** The contact's addresses: the only ones instructions may be sent to. */
  emails: { address: string; label: string }[];
  instructions: ActivationInstructions;
}

/** The device's slice of the published routing plan (or why it is not in it). */
export interface EffectiveConfig {
  device: number;
  name: string;
  inPlan: boolean;
  revision: number | null;
  hash: string | null;
  config: Record<string, unknown> | null;
  message: string | null;
}

/** The /workspace socket's "device.status" payload. */
export interface DeviceStatusUpdate {
  id: number;
  status: DeviceStatus;
  subStatus: DeviceSubStatus | null;
  appVersion: string | null;
  lastSeenAt: string | null;
  version: number;
}

export const deviceKeys = {
  activation: (id: number) => [...queryKeys.devices, 'activation', id] as const,
  effectiveConfig: (id: number) => [...queryKeys.devices, 'effective-config', id] as const,
};

const activationPath = (id: number) => `/devices/${id}/activation`;

export const devicesApi = {
  ...crud,
  /** Hand the device to another contact (one transaction on the server). */
  move: (device: Device, contactId: number) =>
    request<Device>('POST', `/devices/${device.id}/move`, { contactId }, { ifMatch: device.version }),
  activation: (id: number) => request<DeviceActivation>('GET', activationPath(id)),
  /** Mail the instructions to one of the contact's addresses; the code is hidden afterwards. */
  sendInstructions: (id: number, email: string) => request<DeviceActivation>('POST', `${activationPath(id)}/send`, { email }),
  /** A new code; an activated device is deactivated. */
  resetActivation: (device: Versioned) =>
    request<DeviceActivation>('POST', `${activationPath(device.id)}/reset`, undefined, { ifMatch: device.version }),
  /** The QR code image; `issuedAt` makes a new code a new URL, so the <img> reloads. */
  qrSvgUrl: (id: number, issuedAt: string | null) =>
    `${API_PREFIX}${activationPath(id)}/qr.svg${issuedAt ? `?v=${encodeURIComponent(issuedAt)}` : ''}`,
  effectiveConfig: (id: number) => request<EffectiveConfig>('GET', `/devices/${id}/effective-config`),
};

/** All devices, or one contact's. */
export function useDevices(contactId?: number) {
  return useQuery({
    queryKey: [...queryKeys.devices, contactId ?? 'all'],
    queryFn: () => listAll(devicesApi.list, { contactId }),
  });
}

export function useDeviceActivation(id: number) {
  return useQuery({
    queryKey: deviceKeys.activation(id),
    queryFn: () => devicesApi.activation(id),
    enabled: Number.isInteger(id) && id > 0,
    staleTime: 0,
  });
}

export function useEffectiveConfig(id: number | null) {
  return useQuery({
    queryKey: deviceKeys.effectiveConfig(id ?? 0),
    queryFn: () => devicesApi.effectiveConfig(id ?? 0),
    enabled: id !== null,
    staleTime: 0,
  });
}

/**
 * Apply a "device.status" event to every cached device list, by version (an older or repeated
 * event changes nothing); an open activation page of that device reloads, since what it may
 * show (the code) depends on the status.
 */
export function applyDeviceStatus(update: DeviceStatusUpdate): void {
  queryClient.setQueriesData<unknown>({ queryKey: queryKeys.devices }, (data: unknown) => {
    if (!isDeviceCollection(data)) return data;
    let changed = false;
    const items = data.items.map((device) => {
      // Status changes (heartbeats, activation) do not bump the version: equal versions apply.
      if (device.id !== update.id || device.version > update.version) return device;
      changed = true;
      const { status, subStatus, appVersion, lastSeenAt, version } = update;
      return { ...device, status, subStatus, appVersion, lastSeenAt, version };
    });
    return changed ? { ...data, items } : data;
  });
  const activation = queryClient.getQueryData<DeviceActivation>(deviceKeys.activation(update.id));
  if (activation && activation.device.version <= update.version) {
    void queryClient.invalidateQueries({ queryKey: deviceKeys.activation(update.id) });
  }
}

function isDeviceCollection(data: unknown): data is Collection<Device> {
  return typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items);
}
