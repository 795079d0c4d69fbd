/**
 * /calls: the call log the SIP server reports. Lists are kept live by "call.updated" events
 * (see applyCallUpdate); the workspace lights the path of calls in progress (canvas/liveCalls).
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { queryClient } from '../queryClient';
import { type Collection, request, withQuery } from './client';

export type CallState = 'routing' | 'ringing' | 'answered' | 'ended';
export type CallCause =
  | 'answered'
  | 'no_answer'
  | 'caller_cancel'
  | 'busy'
  | 'rejected'
  | 'not_found'
  | 'forbidden'
  | 'unsupported'
  | 'error';

export interface CallRef {
  id: number;
  name: string;
}

/** Who answered (or, on an event, who was rung): any of these may be unknown. */
export interface CallMember {
  contact: CallRef | null;
  device: CallRef | null;
  username: string | null;
  number: string | null;
}

export interface CallEventRow {
  type: 'start' | 'ringing' | 'answered' | 'ended' | 'node';
  at: string;
  node: string | null;
  objectId: number | null;
  /** The object's name now; null when it was deleted. */
  objectName: string | null;
  member: CallMember | null;
  cause: CallCause | null;
  sipCode: number | null;
}

export interface Call {
  id: number;
  version: number;
  callId: string;
  state: CallState;
  route: string;
  /** The plan revision that routed it. */
  revision: number | null;
  caller: string | null;
  callerName: string | null;
  callee: string;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string | null;
  answeredBy: CallMember | null;
  ringS: number | null;
  talkS: number | null;
  cause: CallCause | null;
  sipCode: number | null;
  /** The workspace objects the call went through, in order. */
  path: number[];
}

export interface CallDetail extends Call {
  events: CallEventRow[];
}

export interface CallSearch {
  number: string;
  contact: number | null;
  revision: number | null;
  dateFrom: string | null;
  dateTo: string | null;
  page: number;
  perPage: number;
}

export const callKeys = {
  all: ['calls'] as const,
  list: (search: CallSearch) => ['calls', 'list', search] as const,
  one: (id: number) => ['calls', 'one', id] as const,
  perRevision: ['calls', 'per-revision'] as const,
};

export const callsApi = {
  list: (search: CallSearch) => request<Collection<Call>>('GET', withQuery('/calls', { ...search })),
  get: (id: number) => request<CallDetail>('GET', `/calls/${id}`),
  /** Calls in progress (recent ones only: a lost end must not keep a call live for ever). */
  active: () => request<Collection<Call>>('GET', withQuery('/calls', { active: true, perPage: 50 })),
  perRevision: () => request<Collection<{ revision: number; calls: number }>>('GET', '/calls/revisions'),
};

export function useCalls(search: CallSearch) {
  return useQuery({ queryKey: callKeys.list(search), queryFn: () => callsApi.list(search), placeholderData: keepPreviousData });
}

export function useCall(id: number | null) {
  return useQuery({ queryKey: callKeys.one(id ?? 0), queryFn: () => callsApi.get(id ?? 0), enabled: id !== null });
}

/** Calls per revision number, for History. */
export function useCallsPerRevision(enabled: boolean) {
  return useQuery({
    queryKey: callKeys.perRevision,
    queryFn: async () => new Map((await callsApi.perRevision()).items.map((row) => [row.revision, row.calls])),
    enabled,
  });
}

function isCallCollection(data: unknown): data is Collection<Call> {
  return typeof data === 'object' && data !== null && Array.isArray((data as { items?: unknown }).items);
}

/**
 * A newer copy of a call replaces the cached row; a call no cached list holds yet (a new
 * call) makes the lists load again, so filters and paging stay the server's.
 */
export function applyCallUpdate(update: Call): void {
  let known = false;
  queryClient.setQueriesData<unknown>({ queryKey: ['calls', 'list'] }, (data: unknown) => {
    if (!isCallCollection(data)) return data;
    let changed = false;
    const items = data.items.map((call) => {
      if (call.id !== update.id) return call;
      known = true;
      if (call.version >= update.version) return call;
      changed = true;
      return update;
    });
    return changed ? { ...data, items } : data;
  });
  if (!known) void queryClient.invalidateQueries({ queryKey: ['calls', 'list'] });
  void queryClient.invalidateQueries({ queryKey: callKeys.one(update.id) });
  void queryClient.invalidateQueries({ queryKey: callKeys.perRevision });
}
