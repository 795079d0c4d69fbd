/**
 * /recordings: call recordings the devices uploaded, and where each one was delivered.
 * Lists are kept live by "recording.updated" events (see applyRecordingUpdate).
 */
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { queryClient } from '../queryClient';
import { type Collection, request, withQuery } from './client';
import type { Versioned } from './resource';

export type RecordingStatus = 'queued' | 'delivering' | 'delivered' | 'failed' | 'dead';
export const RECORDING_STATUSES: readonly RecordingStatus[] = ['queued', 'delivering', 'delivered', 'failed', 'dead'];

export interface RecordingRef {
  id: number;
  name: string;
}

export interface RecordingDelivery {
  /** The delivery method it goes to; null when that method was deleted. */
  method: { id: number; name: string; type: string } | null;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  lastErrorKind: string | null;
  deliveredAt: string | null;
  remoteLocation: string | null;
}

export interface Recording extends Versioned {
  status: RecordingStatus;
  direction: 'inbound' | 'outbound';
  scope: 'internal' | 'external';
  onDemand: boolean;
  remoteNumber: string;
  localNumber: string | null;
  startedAt: string;
  durationS: number;
  sizeBytes: number;
  contentType: string;
  fileName: string;
  createdAt: string;
  device: RecordingRef | null;
  contact: RecordingRef | null;
  remoteContact: RecordingRef | null;
  delivery: RecordingDelivery;
  /** Where the browser plays it from while the file is held here; null once it is gone. */
  audioUrl: string | null;
}

export interface RecordingSearch {
  status: RecordingStatus | null;
  q: string;
  page: number;
  perPage: number;
}

export const recordingKeys = {
  all: ['recordings'] as const,
  list: (search: RecordingSearch) => ['recordings', 'list', search] as const,
};

export const recordingsApi = {
  list: (search: RecordingSearch) => request<Collection<Recording>>('GET', withQuery('/recordings', { ...search })),
  retry: (recording: Versioned) =>
    request<Recording>('POST', `/recordings/${recording.id}/retry`, undefined, { ifMatch: recording.version }),
};

export function useRecordings(search: RecordingSearch) {
  return useQuery({
    queryKey: recordingKeys.list(search),
    queryFn: () => recordingsApi.list(search),
    placeholderData: keepPreviousData,
  });
}

export function useRetryRecording() {
  return useMutation({
    mutationFn: recordingsApi.retry,
    onSuccess: (recording) => applyRecordingUpdate(recording),
  });
}

export const canRetry = (recording: Recording): boolean =>
  (recording.status === 'failed' || recording.status === 'dead') && recording.audioUrl !== null;

function isRecordingCollection(data: unknown): data is Collection<Recording> {
  return typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items);
}

/**
 * A newer copy of a recording (from an event or a response) replaces the cached row; a
 * recording no cached list holds yet (a new upload) makes the lists load again.
 */
export function applyRecordingUpdate(update: Recording): void {
  let known = false;
  queryClient.setQueriesData<unknown>({ queryKey: recordingKeys.all }, (data: unknown) => {
    if (!isRecordingCollection(data)) return data;
    let changed = false;
    const items = data.items.map((recording) => {
      if (recording.id !== update.id) return recording;
      known = true;
      if (recording.version >= update.version) return recording;
      changed = true;
      return update;
    });
    return changed ? { ...data, items } : data;
  });
  if (!known) void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
}
