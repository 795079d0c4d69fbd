/**
 * The exits a router card shows: its type's fixed exits, and of its numbered ones (a caller
 * router's rule_1..10, a time router's holiday_1..4) only those its settings use, labelled by
 * the admin, plus any still cabled (so no cable ever ends at a hidden port).
 */
import { useShallow } from 'zustand/react/shallow';
import type { PortSpec } from '../api/workspace';
import { edgesFrom, useCanvasStore } from '../store/canvas';

/** The output ports of a node that carry a cable. */
export function useCabledExits(id: string): string[] {
  return useCanvasStore(useShallow((state) => (edgesFrom(state.edges).get(id) ?? []).map((e) => e.sourceHandle ?? '')));
}

export function shownPorts(ports: PortSpec[], numbered: RegExp, used: Map<string, string>, cabled: string[]): PortSpec[] {
  return ports.flatMap((port) => {
    if (port.direction === 'in' || !numbered.test(port.name)) return [port];
    const label = used.get(port.name);
    if (label !== undefined) return [{ ...port, label: label || port.label }];
    return cabled.includes(port.name) ? [{ ...port, label: `${port.label} (unused)` }] : [];
  });
}
