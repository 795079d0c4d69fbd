/** The edges as drawn: problem cables red, the simulated path lit, warning ports dashed. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type CanvasEdge, useCanvasStore } from '../../store/canvas';

export function useDisplayEdges(): CanvasEdge[] {
  const { edges, problems, lit, catalogue, nodes } = useCanvasStore(
    useShallow((s) => ({ edges: s.edges, problems: s.problems, lit: s.lit, catalogue: s.catalogue, nodes: s.nodes })),
  );
  const typeOf = useMemo(() => new Map(nodes.map((n) => [n.id, n.type === 'generic' ? n.data.objectType : n.type])), [nodes]);
  return useMemo(() => {
    const bad = new Set(problems.flatMap((p) => p.cables.map(String)));
    const shining = new Set(lit?.edges ?? []);
    return edges.map((edge) => {
      const port = catalogue[typeOf.get(edge.source) ?? '']?.ports.find((p) => p.name === edge.sourceHandle && p.direction === 'out');
      const classes = [bad.has(edge.id) && 'edge-problem', shining.has(edge.id) && 'edge-lit', port?.warning && 'edge-warning'].filter(Boolean).join(' ');
      const label = port?.warning ? port.label : undefined;
      return classes || label ? { ...edge, className: classes, label, labelStyle: { fill: 'var(--mantine-color-orange-8)', fontSize: 11 } } : edge;
    });
  }, [edges, problems, lit, catalogue, typeOf]);
}
