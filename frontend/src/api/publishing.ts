/** Publishing the workspace, its revisions (history, diff, rollback) and the call simulator. */
import { useQuery } from '@tanstack/react-query';
import { type Collection, request, withQuery } from './client';
import { queryKeys } from './queryKeys';
import type { FieldChange } from './pending';
import type { Problem } from './workspace';

export interface Revision {
  number: number;
  hash: string;
  message: string;
  authorName: string;
  createdAt: string;
  isPublished: boolean;
  rollbackOf: number | null;
}

export interface PublishResult extends Revision {
  /** True: nothing changed; this is the revision already published. */
  unchanged: boolean;
  /** Warnings (errors refuse the publish with a 422). */
  problems: Problem[];
}

interface RowsDiff {
  added: Record<string, unknown>[];
  removed: Record<string, unknown>[];
  changed?: { id: number; name?: string; fields: string[]; changes?: FieldChange[] }[];
}

export interface RevisionDiff {
  from: number;
  to: number;
  tabs: RowsDiff;
  objects: RowsDiff;
  cables: RowsDiff;
  /** Route keys, plan node ids and device ids added, removed and changed (plan format 2). */
  plan: { routes: Record<string, string[]>; nodes: Record<string, string[]>; devices: Record<string, string[]> };
}

export interface SimulateInput {
  number: string;
  caller?: string;
  /** ISO 8601 with a zone, or a local time with timeZone. */
  at?: string;
  /** IANA zone of a local `at`. */
  timeZone?: string;
  /** The digits the caller presses, in order. */
  digits?: string[];
  /** The contact method that answers when it rings; null: nobody. */
  answer?: number | null;
  /** Contact methods that decline whenever they ring (a device's 486 or 603). */
  declines?: Decline[];
  source: 'published' | 'draft';
}

/** A contact method that declines `after` seconds (0: at once) after it starts ringing. */
export interface Decline {
  contactMethod: number;
  after?: number;
}

/** One node the call passes: when, by which exit it leaves, and why. */
export interface SimulationStep {
  node: string;
  object: number;
  type: string;
  at: number;
  until: number | null;
  exit: string | null;
  next: number | null;
  reason: string;
}

export interface Ring {
  at: number;
  /** null: rings until answered. */
  until: number | null;
  contactMethod: number;
  contact: number | null;
  contactName: string | null;
  kind: string;
  devices: number[];
  deviceNames: (string | null)[];
  ringGroup: number | null;
  object: number;
  objectPath: number[];
  /** It stopped at `until` because the contact method declined. */
  declined: boolean;
}

export interface Simulation {
  source: string;
  revision: number | null;
  number: string;
  key: string | null;
  found: boolean;
  outcome: 'not_found' | 'answered' | 'ringing' | 'hangup' | 'forwarded' | 'rejected' | 'loop_limit';
  /** The SIP answer when a blacklist rejected the call. */
  rejected: { code: number; reason: string } | null;
  endsAt: number | null;
  answeredBy: number | null;
  answeredAt: number | null;
  declines: Decline[];
  forwardedTo: { number: string; callerId: string | null } | null;
  path: number[];
  steps: SimulationStep[];
  rings: Ring[];
  objectNames: Record<string, string>;
}

export interface WeekInput {
  number: string;
  caller?: string;
  /** Any day of the week (ISO date). */
  week: string;
  timeZone: string;
  source: 'published' | 'draft';
}

/** Where the call ends for a stretch of hours: the last object and the outcome. */
export interface WeekEnding {
  key: string;
  object: number | null;
  name: string;
  outcome: string;
  hours: number;
}

export interface WeekView {
  number: string;
  timeZone: string;
  weekStart: string;
  revision: number | null;
  hours: { day: number; hour: number; at: string; ending: string }[];
  endings: WeekEnding[];
}

export const publishingApi = {
  publish: (message: string) => request<PublishResult>('POST', '/workspace/publish', { message }),
  revisions: () => request<Collection<Revision>>('GET', withQuery('/revisions', { perPage: 100 })),
  diff: (from: number, to: number) => request<RevisionDiff>('GET', `/revisions/${from}/diff/${to}`),
  rollback: (number: number, message?: string) =>
    request<PublishResult>('POST', `/revisions/${number}/rollback`, message ? { message } : {}),
  simulate: (input: SimulateInput) => request<Simulation>('POST', '/simulate', input),
  week: (input: WeekInput) => request<WeekView>('POST', '/simulate/week', input),
};

export function useRevisions(enabled = true) {
  return useQuery({ queryKey: queryKeys.revisions, queryFn: publishingApi.revisions, enabled });
}

/** The problems a refused publish (422) carries under errors.graph. */
export function graphProblems(details: Record<string, unknown>): Problem[] {
  const graph = details.graph;
  return Array.isArray(graph) ? (graph as Problem[]) : [];
}
