/** What a publish would change: the header's pending count and the publish preview. */
import { useQuery } from '@tanstack/react-query';
import { request } from './client';
import type { Problem } from './workspace';

export interface Pending {
  publishedRevision: number | null;
  draftVersion: number;
  /** Canvas rows (objects, cables, tabs) changed since the published revision. */
  count: number;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PendingChange {
  kind: 'object' | 'cable' | 'tab' | 'schedule';
  action: 'added' | 'removed' | 'changed';
  id: number;
  name: string;
  tab: number | null;
  changes?: FieldChange[];
}

export interface AffectedDevice {
  id: number;
  name: string;
  contact: number;
  /** Where it rings now (null: not in the published plan) and after the publish. */
  before: string[] | null;
  after: string[] | null;
}

export interface PublishPreview extends Pending {
  changes: PendingChange[];
  devices: AffectedDevice[];
  problems: Problem[];
  canPublish: boolean;
}

export const pendingKey = ['workspace', 'pending'] as const;
export const previewKey = ['workspace', 'publish-preview'] as const;

export const pendingApi = {
  pending: () => request<Pending>('GET', '/workspace/pending'),
  preview: () => request<PublishPreview>('GET', '/workspace/publish-preview'),
};

export function usePending() {
  return useQuery({ queryKey: pendingKey, queryFn: pendingApi.pending });
}

export function usePublishPreview(enabled: boolean) {
  return useQuery({ queryKey: previewKey, queryFn: pendingApi.preview, enabled, staleTime: 0 });
}

/** "3 unpublished changes", "1 unpublished change". */
export const changesText = (n: number) => `${n} unpublished change${n === 1 ? '' : 's'}`;
