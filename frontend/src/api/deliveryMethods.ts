/** /delivery-methods: where call recordings go. Secret settings are write-only. */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { request } from './client';
import { listAll, resource, type Versioned } from './resource';

export const DELIVERY_TYPES = ['email', 'ftp', 'sftp', 'dropbox', 'google_drive', 'onedrive'] as const;
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

export const DELIVERY_TYPE_LABELS: Record<DeliveryType, string> = {
  email: 'Email',
  ftp: 'FTP',
  sftp: 'SFTP',
  dropbox: 'Dropbox',
  google_drive: 'Google Drive',
  onedrive: 'OneDrive',
};

export type SettingValue = string | number | boolean | string[];

export interface DeliveryMethod extends Versioned {
  name: string;
  type: DeliveryType;
  /** The settings without secrets (keys camelCased by the client). */
  settings: Record<string, SettingValue>;
  /** Names of the stored secrets, as the server spells them (snake_case). */
  secretsSet: string[];
  createdAt: string;
}

export interface DeliveryMethodInput {
  name: string;
  /** Fixed once created. */
  type: DeliveryType;
  /** Secrets left out are kept; null clears an optional one. */
  settings: Record<string, SettingValue | null>;
}

export const deliveryMethodsApi = resource<DeliveryMethod, DeliveryMethodInput>('/delivery-methods');

export function useDeliveryMethods() {
  return useQuery({ queryKey: queryKeys.deliveryMethods, queryFn: () => listAll(deliveryMethodsApi.list) });
}

/** The answer of POST /delivery-methods/{id}/test: 200 whenever the test ran. */
export interface ConnectionTestResult {
  ok: boolean;
  /** Why it failed (login, host_not_allowed, quota, ...); null when ok. */
  kind: string | null;
  /** What happened, written for the admin; never holds a secret. */
  message: string;
  /** When it failed: whether a later delivery may work without changes. */
  retry: boolean | null;
  /** When it failed: the step (DNS, connect, TLS, login, folder, write), or null when unknown. */
  step: string | null;
}

/**
 * Test connection with the values as typed: the server writes a tiny file and removes it,
 * saving nothing. For a saved method, omitted secrets are the saved ones.
 */
export function testDeliveryMethod(id: number | null, input: DeliveryMethodInput): Promise<ConnectionTestResult> {
  if (id === null) return request<ConnectionTestResult>('POST', '/delivery-methods/test', input);
  return request<ConnectionTestResult>('POST', `/delivery-methods/${id}/test`, { name: input.name, settings: input.settings });
}
