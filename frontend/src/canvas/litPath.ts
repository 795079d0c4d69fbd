/** Lighting a path on the canvas: the simulator's result and live calls use the same highlight. */
import { useCanvasStore } from '../store/canvas';

/** The edges between consecutive objects of each path: what a call went through. */
export function litEdges(paths: number[][]): string[] {
  const { edges } = useCanvasStore.getState();
  const pairs = new Set(paths.flatMap((path) => path.slice(1).map((to, i) => `${path[i]}>${to}`)));
  return edges.filter((e) => pairs.has(`${e.source}>${e.target}`)).map((e) => e.id);
}

/** Light these paths (object ids in order); no paths clears the highlight. */
export function lightPaths(paths: number[][]): void {
  const nodes = [...new Set(paths.flat())].map(String);
  useCanvasStore.getState().setLit(nodes.length ? { nodes, edges: litEdges(paths) } : null);
}
