/** Typed calls for /api/v1/activity: the audit log (read-only). */
import { request, withQuery } from './client';

export interface AuditEntry {
  id: number;
  at: string;
  actorType: 'admin' | 'api_token' | 'system';
  actorId: number | null;
  actorName: string;
  address: string | null;
  /** import and restore: a whole draft written at once (one entry, counts in changes). */
  action: 'create' | 'update' | 'delete' | 'import' | 'restore';
  resource: string;
  resourceId: string;
  resourceName: string;
  /** field -> [before, after]; secrets arrive as "•••". Keys stay as the server names them. */
  changes: Record<string, [unknown, unknown]>;
}

export interface AuditPage {
  items: AuditEntry[];
  total: number;
  resources: string[];
}

export interface AuditFilters {
  actor?: number | null;
  actorType?: string | null;
  resource?: string | null;
  resourceId?: string | null;
  since?: string | null;
  until?: string | null;
  revision?: number | null;
  page?: number;
  perPage?: number;
}

export function listActivity(filters: AuditFilters = {}): Promise<AuditPage> {
  return request<AuditPage>('GET', withQuery('/activity', { ...filters }));
}
