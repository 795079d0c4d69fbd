/**
 * A card's size and port positions before the browser has drawn it, from its type and data.
 *
 * React Flow mounts every node it has not measured yet, even with `onlyRenderVisibleElements`:
 * on a tab of 2,000 objects that meant mounting (and then unmounting) all 2,000 cards just to
 * learn their sizes. A node that comes with `initialWidth`/`initialHeight` and `handles` counts
 * as measured enough: only the cards in view are mounted, the minimap and the fit-to-view use
 * the estimate, and cables to cards out of view end at the estimated ports. A card that is
 * drawn is measured by React Flow as usual, and the store then drops the estimate (see
 * `dropEstimate`) so the measured ports win.
 *
 * The numbers follow nodes.css and ObjectCard (pixels at zoom 1); they only need to be close.
 */
import type { NodeHandle } from '@xyflow/react';
import { Position } from '@xyflow/react';
import type { ObjectType } from '../api/workspace';
import type { CanvasNode } from './types';

export const CARD_WIDTH = 232;
const BORDER_TOP = 4;
const BORDER_BOTTOM = 1;
const HEAD = 53;
/** The ports block: its top border and padding around rows of 24 px. */
const PORTS_EDGE = 1 + 4;
const PORT_ROW = 24;
const HANDLE = 12;
/** Where a port's handle sits horizontally (it straddles the card's edge). */
const HANDLE_X = { in: -5, out: CARD_WIDTH - 7 } as const;

/** The height of the facts block (name of the number, contact, ring timeline) of a card. */
function factsHeight(node: CanvasNode): number {
  switch (node.type) {
    case 'phone_number':
    case 'internal_number':
      return 35;
    case 'contact_method':
      return node.data.properties.contactMethod === null ? 35 : 52;
    case 'ring_group': {
      const members = node.data.properties.members?.length ?? 0;
      if (members === 0) return 50;
      const rows = Math.min(members, 6);
      // Rows of ~9 px with 3 px gaps, "and N more", then the end time.
      return 15 + rows * 9.2 + (rows - 1) * 3 + (members > 6 ? 21.6 : 0) + 3 + 15.5;
    }
    case 'time_router':
    case 'caller_router':
    case 'blacklist':
      return 52; // a state line and a detail line
    case 'generic':
      return 0;
    default:
      return 35; // a card of its own with one line of facts (a Forward's number)
  }
}

/** A router shows only the numbered exits it uses (see exitPorts.ts); guess those from its data. */
function estimatedPorts(node: CanvasNode, ports: ObjectType['ports']): ObjectType['ports'] {
  if (node.type === 'caller_router') {
    const used = new Set((node.data.properties.rules ?? []).map((r) => r.exit));
    return ports.filter((p) => !/^rule_\d+$/.test(p.name) || used.has(p.name));
  }
  if (node.type === 'time_router') return ports.filter((p) => !/^holiday_\d+$/.test(p.name));
  return ports;
}

/** `node` with an estimated size and ports, or as is when its type is not in the catalogue. */
export function withEstimate(node: CanvasNode, kind: ObjectType | undefined): CanvasNode {
  if (!kind || node.measured?.width !== undefined) return node;
  const ports = estimatedPorts(node, kind.ports);
  const inputs = ports.filter((p) => p.direction === 'in');
  const outputs = ports.filter((p) => p.direction === 'out');
  const rows = Math.max(inputs.length, outputs.length);
  const top = BORDER_TOP + HEAD + factsHeight(node);
  const handles: NodeHandle[] = [];
  const place = (list: typeof inputs, direction: 'in' | 'out') =>
    list.forEach((port, index) =>
      handles.push({
        id: port.name,
        type: direction === 'in' ? 'target' : 'source',
        position: direction === 'in' ? Position.Left : Position.Right,
        x: HANDLE_X[direction],
        y: top + PORTS_EDGE + index * PORT_ROW + (PORT_ROW - HANDLE) / 2,
        width: HANDLE,
        height: HANDLE,
      }),
    );
  place(inputs, 'in');
  place(outputs, 'out');
  const height = top + (rows > 0 ? 2 * PORTS_EDGE - 1 + rows * PORT_ROW : 0) + BORDER_BOTTOM;
  return { ...node, initialWidth: CARD_WIDTH, initialHeight: Math.round(height), handles };
}

/** Once React Flow has measured a card, its real ports replace the estimated ones. */
export function dropEstimate(node: CanvasNode): CanvasNode {
  if (node.handles === undefined) return node;
  const { handles: _estimate, ...measured } = node;
  return measured as CanvasNode;
}
