/** /sip-accounts: the SIP accounts at each provider. The password is write-only. */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

export const SIP_PROTOCOLS = ['udp', 'tcp', 'tls'] as const;
export type SipProtocol = (typeof SIP_PROTOCOLS)[number];
export type SipStatus = 'not_in_use' | 'offline' | 'online';

/** Rewrites a dialled number's prefix: 0174448746 with 017 -> 1 becomes 14448746. */
export interface DialingRule {
  startWith: string;
  replaceWith: string;
  /** 0: any length. */
  minLength: number;
}

/** A device that uses the account ("Assigned to"). */
export interface Assignment {
  deviceId: number;
  deviceName: string;
  contactId: number;
  contactName: string;
}

export interface SipAccount extends Versioned {
  providerId: number;
  providerName: string;
  friendlyName: string;
  username: string;
  hasPassword: boolean;
  manualPassword: boolean;
  protocol: SipProtocol;
  pushProxy: boolean;
  authUsername: string | null;
  displayName: string | null;
  dialingRules: DialingRule[];
  status: SipStatus;
  assignedTo: Assignment[];
  createdAt: string;
}

export interface SipAccountInput {
  providerId: number;
  friendlyName: string;
  username: string;
  /** Sent only when typed: leaving it out keeps the stored one. */
  password?: string;
  manualPassword: boolean;
  protocol: SipProtocol;
  pushProxy: boolean;
  authUsername: string | null;
  displayName: string | null;
  dialingRules: DialingRule[];
}

export const sipAccountsApi = resource<SipAccount, SipAccountInput>('/sip-accounts');

/** All SIP accounts of the account (every provider), or one provider's. */
export function useSipAccounts(providerId?: number) {
  return useQuery({
    queryKey: [...queryKeys.sipAccounts, providerId ?? 'all'],
    queryFn: () => listAll(sipAccountsApi.list, { providerId }),
  });
}
