/** The edges as drawn: problem cables red, the simulated path lit, warning ports dashed, a
 * revision's new cables green. Cables carry no text: the port they leave is labelled on its
 * card already, and a label repeated on every cable only crowds the canvas. */
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type CanvasNode, objectTypeOf } from '../../nodes/types';
import { type CanvasEdge, shapesOf, useCanvasStore } from '../../store/canvas';

export function useDisplayEdges(): CanvasEdge[] {
  // The nodes' types, not their positions: a drag (new positions on every step) does not hand
  // React Flow a new edge list each step.
  const shapes = useCanvasStore((s) => shapesOf(s.nodes));
  const { edges, problems, lit, catalogue, diff } = useCanvasStore(
    useShallow((s) => ({ edges: s.edges, problems: s.problems, lit: s.lit, catalogue: s.catalogue, diff: s.diff })),
  );
  return useMemo(() => {
    const typeOf = new Map(shapes.map((n) => [n.id, objectTypeOf(n as CanvasNode)]));
    const bad = new Set(problems.flatMap((p) => p.cables.map(String)));
    const shining = new Set(lit?.edges ?? []);
    return edges.map((edge) => {
      const port = catalogue[typeOf.get(edge.source) ?? '']?.ports.find((p) => p.name === edge.sourceHandle && p.direction === 'out');
      const classes = [
        bad.has(edge.id) && 'edge-problem',
        shining.has(edge.id) && 'edge-lit',
        diff?.edges[edge.id] && 'edge-diff-added',
        port?.warning && 'edge-warning',
      ]
        .filter(Boolean)
        .join(' ');
      return classes ? { ...edge, className: classes } : edge;
    });
  }, [edges, problems, lit, catalogue, shapes, diff]);
}
