/** Contacts as CSV: the export's URL and the import (a dry run unless told otherwise). */
import { API_PREFIX, request } from './client';

export const CONTACTS_EXPORT_URL = `${API_PREFIX}/contacts/export`;

export interface ImportRow {
  row: number;
  name: string;
  /** field (dotted for list items, e.g. "emails.0.address") -> messages */
  errors: Record<string, string[]>;
}

export interface ImportResult {
  dryRun: boolean;
  ok: boolean;
  created: number;
  rows: ImportRow[];
}

export function importContacts(csv: string, dryRun: boolean): Promise<ImportResult> {
  return request<ImportResult>('POST', '/contacts/import', { csv, dryRun });
}
