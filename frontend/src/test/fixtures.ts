/** Small catalogue and workspace rows for the unit tests, shaped as the API sends them. */
import type { Cable, Draft, ObjectType, PortSpec, WorkspaceObject } from '../api/workspace';

const port = (name: string, direction: 'in' | 'out', more: Partial<PortSpec> = {}): PortSpec => ({
  name,
  direction,
  label: name,
  maxCables: null,
  signal: direction === 'out' ? 'call' : null,
  accepts: direction === 'in' ? ['call'] : [],
  warning: false,
  ...more,
});

const type = (name: string, ports: PortSpec[]): ObjectType => ({
  type: name,
  displayName: name,
  category: 'routing',
  icon: 'x',
  color: '#000',
  ports,
  propertiesSchema: {} as ObjectType['propertiesSchema'],
  defaults: {},
  defaultNamePrefix: name,
  exits: [],
  pickers: {},
  maxVisits: 1,
});

export const CATALOGUE: ObjectType[] = [
  type('phone_number', [port('calls', 'out', { maxCables: 1 })]),
  type('ring_group', [port('calls', 'in'), port('members', 'out'), port('no_answer', 'out', { maxCables: 1, warning: true })]),
  type('contact_method', [port('calls', 'in')]),
];

export function object(id: number, kind: string, name: string, tabId = 1): WorkspaceObject {
  return { id, version: 1, tabId, type: kind, name, position: { x: id * 10, y: 0 }, properties: {} };
}

export function cable(id: number, source: number, sourcePort: string, target: number, targetPort = 'calls'): Cable {
  return { id, version: 1, source, sourcePort, target, targetPort };
}

export function draft(objects: WorkspaceObject[], cables: Cable[], draftVersion = 3, tabId = 1): Draft {
  const tab = { id: tabId, version: 1, name: 'Main', position: 0 };
  return { draftVersion, tab, tabs: [tab], objects, cables };
}
