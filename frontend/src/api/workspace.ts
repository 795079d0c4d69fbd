/** The workspace editor's API: object types (the catalogue), tabs, objects, cables, the draft. */
import { useQuery } from '@tanstack/react-query';
import { type Collection, request, withQuery } from './client';
import { queryKeys } from './queryKeys';
import type { Versioned } from './resource';

export interface XY {
  x: number;
  y: number;
}

export interface PortSpec {
  name: string;
  direction: 'in' | 'out';
  label: string;
  /** null: any number of cables. */
  maxCables: number | null;
  /** What an output emits. */
  signal: string | null;
  /** What an input takes. */
  accepts: string[];
  /** Drawn in a warning colour (e.g. no_answer). */
  warning: boolean;
  /** An exit drawn green (positive: open, allowed) or red (negative: closed, blocked). */
  tone?: 'positive' | 'negative' | null;
}

/** A JSON schema, as far as the property forms read it (keys camelCased by the client). */
export interface JsonSchema {
  type?: string | string[];
  /** The field's label, when humanizing its key would not do. */
  title?: string;
  description?: string;
  enum?: unknown[];
  default?: unknown;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

export interface ObjectType {
  type: string;
  displayName: string;
  category: 'entry' | 'routing' | 'destination';
  icon: string;
  color: string;
  ports: PortSpec[];
  propertiesSchema: JsonSchema;
  defaults: Record<string, unknown>;
  defaultNamePrefix: string;
  /** Output ports that carry calls: the exits of this type's plan nodes. */
  exits: string[];
  /** Property (camelCased like the schema's keys) -> the picker it uses: phone_number, internal_number, contact_method. */
  pickers: Record<string, string>;
  /** How often one call may pass an object of this type. */
  maxVisits: number;
}

/** Responses to a change carry the account's new draft version. */
interface Changed {
  draftVersion?: number;
}

export interface Tab extends Versioned, Changed {
  name: string;
  position: number;
}

export interface WorkspaceObject extends Versioned, Changed {
  tabId: number;
  type: string;
  name: string;
  position: XY;
  properties: Record<string, unknown>;
}

export interface Cable extends Versioned, Changed {
  source: number;
  sourcePort: string;
  target: number;
  targetPort: string;
}

export interface Problem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  objects: number[];
  cables: number[];
}

export interface Draft {
  draftVersion: number;
  tab: Tab;
  tabs: Tab[];
  objects: WorkspaceObject[];
  cables: Cable[];
}

export interface WorkspaceState {
  draftVersion: number;
  publishedRevision: number | null;
}

export interface ObjectInput {
  tabId: number;
  type: string;
  name?: string;
  position: XY;
  properties?: Record<string, unknown>;
}

export type ObjectChanges = Partial<Pick<WorkspaceObject, 'name' | 'properties' | 'tabId'>>;

export type CableInput = Pick<Cable, 'source' | 'sourcePort' | 'target' | 'targetPort'>;

export const objectTypesApi = {
  list: () => request<Collection<ObjectType>>('GET', '/object-types'),
};

export const tabsApi = {
  list: () => request<Collection<Tab>>('GET', '/tabs'),
  create: (name?: string) => request<Tab>('POST', '/tabs', name ? { name } : {}),
  update: (tab: Versioned, changes: Partial<Pick<Tab, 'name' | 'position'>>) =>
    request<Tab>('PATCH', `/tabs/${tab.id}`, changes, { ifMatch: tab.version }),
  /** Deletes its objects and cables too. */
  remove: (tab: Versioned) => request<void>('DELETE', withQuery(`/tabs/${tab.id}`, { confirm: true }), undefined, { ifMatch: tab.version }),
};

export const objectsApi = {
  /** Every object of the account (names and tabs for problems on other tabs). */
  listAll: () => request<Collection<WorkspaceObject>>('GET', withQuery('/objects', { perPage: 1000 })),
  get: (id: number) => request<WorkspaceObject>('GET', `/objects/${id}`),
  create: (input: ObjectInput) => request<WorkspaceObject>('POST', '/objects', input),
  update: (item: Versioned, changes: ObjectChanges) =>
    request<WorkspaceObject>('PATCH', `/objects/${item.id}`, changes, { ifMatch: item.version }),
  /** No If-Match: the last writer of a position wins. */
  move: (id: number, position: XY) => request<WorkspaceObject>('PATCH', `/objects/${id}/position`, position),
  remove: (item: Versioned) => request<void>('DELETE', `/objects/${item.id}`, undefined, { ifMatch: item.version }),
};

export const cablesApi = {
  get: (id: number) => request<Cable>('GET', `/cables/${id}`),
  create: (input: CableInput) => request<Cable>('POST', '/cables', input),
  remove: (item: Versioned) => request<void>('DELETE', `/cables/${item.id}`, undefined, { ifMatch: item.version }),
};

export const draftApi = {
  load: (tabId: number) => request<Draft>('GET', withQuery('/workspace/draft', { tabId })),
  state: () => request<WorkspaceState>('GET', '/workspace/state'),
  validate: () => request<{ problems: Problem[]; draftVersion: number }>('POST', '/workspace/validate'),
};

/** The catalogue never changes while the app runs. */
export function useObjectTypes() {
  return useQuery({ queryKey: queryKeys.objectTypes, queryFn: objectTypesApi.list, staleTime: Infinity });
}

export function useTabs() {
  return useQuery({ queryKey: queryKeys.tabs, queryFn: tabsApi.list });
}

/** Names and tabs of every object, for problems that name objects on other tabs. */
export function useObjectIndex(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.objectIndex, queryFn: objectsApi.listAll, enabled, staleTime: 5_000 });
}

export function useWorkspaceState() {
  return useQuery({ queryKey: queryKeys.workspaceState, queryFn: draftApi.state });
}
