/**
 * The canvas' node and edge shapes. Node data is plain JSON mirroring the server's durable
 * fields (name, properties, version): no callbacks, nothing derived, so it syncs as is.
 */
import type { Edge, Node } from '@xyflow/react';
import type { Cable, WorkspaceObject } from '../api/workspace';
import { nodeTypes } from './nodeTypes';
import type { BlacklistNodeType, CallerRouterNodeType, TimeRouterNodeType } from './routerTypes';

export interface ObjectData<Properties> {
  [field: string]: unknown;
  name: string;
  /** The server's version: sent as If-Match, compared with incoming events. */
  version: number;
  properties: Properties;
}

export interface NumberProperties {
  /** An inventory number's id. */
  number: number | null;
}

export interface TimelineEntry {
  /** A cabled contact method object's id. */
  target: number;
  start: number;
  duration: number;
}

export type RingPreset = 'ring_all' | 'sequential' | 'custom';

export interface RingGroupProperties {
  members: TimelineEntry[];
  preset: RingPreset;
}

export interface ContactMethodProperties {
  contactMethod: number | null;
}

export type PhoneNumberNodeType = Node<ObjectData<NumberProperties>, 'phone_number'>;
export type InternalNumberNodeType = Node<ObjectData<NumberProperties>, 'internal_number'>;
export type RingGroupNodeType = Node<ObjectData<RingGroupProperties>, 'ring_group'>;
export type ContactMethodNodeType = Node<ObjectData<ContactMethodProperties>, 'contact_method'>;
/** A type the catalogue serves that has no card of its own yet: drawn from the catalogue alone. */
export type GenericNodeType = Node<ObjectData<Record<string, unknown>> & { objectType: string }, 'generic'>;

export type CanvasNode =
  | PhoneNumberNodeType
  | InternalNumberNodeType
  | RingGroupNodeType
  | ContactMethodNodeType
  | TimeRouterNodeType
  | CallerRouterNodeType
  | BlacklistNodeType
  | GenericNodeType;

export type CanvasEdge = Edge<{ sourcePort: string; targetPort: string; version: number }>;

/**
 * Whether a type has its own `<Kind>Node` component: registered in nodeTypes, nowhere else.
 * (Read when called, not at import: nodeTypes' components import this module back.)
 */
export const hasCard = (type: string): boolean => type !== 'generic' && Object.hasOwn(nodeTypes, type);

/** The object type behind a node (a generic card keeps it in its data). */
export function objectTypeOf(node: CanvasNode): string {
  return node.type === 'generic' ? node.data.objectType : node.type;
}

export const nodeId = (objectId: number): string => String(objectId);
export const edgeId = (cableId: number): string => String(cableId);

/** A server object as a node; `previous` keeps what only the canvas knows (selection, size). */
export function toNode(object: WorkspaceObject, previous?: CanvasNode): CanvasNode {
  const data = { name: object.name, version: object.version, properties: object.properties };
  // The wrapper (role "group") is named by the object's name, for assistive technology and tests.
  const base = { ...previous, id: nodeId(object.id), position: object.position, ariaLabel: object.name };
  if (hasCard(object.type)) return { ...base, type: object.type, data } as CanvasNode;
  return { ...base, type: 'generic', data: { ...data, objectType: object.type } } as GenericNodeType;
}

export function toEdge(cable: Cable, previous?: CanvasEdge): CanvasEdge {
  return {
    ...previous,
    id: edgeId(cable.id),
    source: nodeId(cable.source),
    sourceHandle: cable.sourcePort,
    target: nodeId(cable.target),
    targetHandle: cable.targetPort,
    data: { sourcePort: cable.sourcePort, targetPort: cable.targetPort, version: cable.version },
  };
}

export function toCable(edge: CanvasEdge): Cable {
  return {
    id: Number(edge.id),
    source: Number(edge.source),
    sourcePort: edge.sourceHandle ?? '',
    target: Number(edge.target),
    targetPort: edge.targetHandle ?? '',
    version: edge.data?.version ?? 1,
  };
}
