/** /providers: SIP service providers (the account's built-in one cannot be deleted). */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

export const DEFAULT_SIP_PORT = 5060;

export interface Provider extends Versioned {
  name: string;
  server: string;
  /** null means the default port, 5060. */
  port: number | null;
  /** The port in use (5060 when port is empty). */
  effectivePort: number;
  proxy: string | null;
  /** The account's own PBX: cannot be deleted, its server is fixed. */
  builtin: boolean;
  sipAccountsCount: number;
  createdAt: string;
}

export interface ProviderInput {
  name: string;
  server: string;
  port: number | null;
  proxy: string | null;
}

export const providersApi = resource<Provider, ProviderInput>('/providers');

export function useProviders() {
  return useQuery({ queryKey: queryKeys.providers, queryFn: () => listAll(providersApi.list) });
}
