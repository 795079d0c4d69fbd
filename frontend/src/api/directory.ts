/** GET /api/v1/directory: the company directory exactly as the softphones receive it. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';

export interface DirectoryEntry {
  id: number;
  firstName: string;
  lastName: string;
  company: string;
  jobTitle: string;
  numbers: { type: string; number: string | null }[];
  emails: { address: string; label: string }[];
}

export interface DirectoryDocument {
  version: string;
  contacts: DirectoryEntry[];
}

export function useDirectory() {
  return useQuery({ queryKey: ['directory'], queryFn: () => request<DirectoryDocument>('GET', '/directory') });
}
