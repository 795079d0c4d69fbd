/** A revision's diff against the one before it, as marks for the canvas (History → Show on canvas). */
import { publishingApi, type RevisionDiff } from '../api/publishing';
import { edgeId, nodeId } from '../nodes/types';
import type { RevisionMarks } from '../store/canvas';

const idOf = (row: Record<string, unknown>) => Number(row.id);

export function marksOf(diff: RevisionDiff): RevisionMarks {
  const nodes: RevisionMarks['nodes'] = {};
  for (const row of diff.objects.added) nodes[nodeId(idOf(row))] = 'added';
  for (const change of diff.objects.changed ?? []) nodes[nodeId(change.id)] = 'changed';
  const edges: RevisionMarks['edges'] = {};
  for (const row of diff.cables.added) edges[edgeId(idOf(row))] = 'added';
  const removed = diff.objects.removed.map((row) => String(row.name ?? `Object ${idOf(row)}`));
  return { from: diff.from, to: diff.to, nodes, edges, removed };
}

/** What revision `number` changed compared with revision `number - 1`. */
export async function loadRevisionMarks(number: number): Promise<RevisionMarks> {
  return marksOf(await publishingApi.diff(number - 1, number));
}
