/** /numbers/phone and /numbers/internal: the account's DIDs (E.164) and extensions. */
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from './queryKeys';
import { listAll, resource, type Versioned } from './resource';

export type NumberKind = 'phone' | 'internal';

export interface InventoryNumber extends Versioned {
  number: string;
  label: string;
  createdAt: string;
}

export interface NumberInput {
  number: string;
  label: string;
}

export const numbersApi = {
  phone: resource<InventoryNumber, NumberInput>('/numbers/phone'),
  internal: resource<InventoryNumber, NumberInput>('/numbers/internal'),
};

export const numberQueryKey = (kind: NumberKind) => (kind === 'phone' ? queryKeys.phoneNumbers : queryKeys.internalNumbers);

export function useNumbers(kind: NumberKind) {
  return useQuery({ queryKey: numberQueryKey(kind), queryFn: () => listAll(numbersApi[kind].list) });
}

/** "+4930123456 · Berlin office" for pickers. */
export function numberLabel(item: Pick<InventoryNumber, 'number' | 'label'>): string {
  return item.label ? `${item.number} · ${item.label}` : item.number;
}
