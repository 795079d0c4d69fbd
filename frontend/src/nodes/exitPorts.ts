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

/** Numbered exits in the order of `used` (a caller router's rule order: first match first). */
export function shownPorts(ports: PortSpec[], numbered: RegExp, used: Map<string, string>, cabled: string[]): PortSpec[] {
  const order = [...used.keys()];
  const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
  const shown = ports
    .filter((port) => port.direction === 'out' && numbered.test(port.name) && (used.has(port.name) || cabled.includes(port.name)))
    .sort((a, b) => rank(a.name) - rank(b.name))
    .map((port) => {
      const label = used.get(port.name);
      return label !== undefined ? { ...port, label: label || port.label } : { ...port, label: `${port.label} (unused)` };
    });
  const at = ports.findIndex((port) => port.direction === 'out' && numbered.test(port.name));
  const fixed = ports.filter((port) => port.direction === 'in' || !numbered.test(port.name));
  const before = fixed.filter((port) => ports.indexOf(port) < at);
  return at < 0 ? ports : [...before, ...shown, ...fixed.filter((port) => ports.indexOf(port) >= at)];
}
