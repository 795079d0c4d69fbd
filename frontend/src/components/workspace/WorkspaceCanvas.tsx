import { Background, BackgroundVariant, type Connection, Controls, MiniMap, type OnBeforeDelete, type OnConnectEnd, Panel, ReactFlow, useReactFlow } from '@xyflow/react';
import { Stack } from '@mantine/core';
import { type DragEvent, type MouseEvent, useCallback, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { connect, deleteItems } from '../../canvas/actions';
import { connectionProblem, isValidConnection } from '../../canvas/rules';
import { GRID } from '../../canvas/tidy';
import { nodeTypes } from '../../nodes/nodeTypes';
import { emitCursor } from '../../realtime/live';
import type { CanvasEdge, CanvasNode } from '../../nodes/types';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';
import { CanvasEmptyState } from './CanvasEmptyState';
import { CanvasToolbar } from './CanvasToolbar';
import { LiveCallIndicator } from './LiveCallIndicator';
import { RevisionMarksBanner } from './RevisionMarksBanner';
import { RefusedCableHint, useRefusalStore } from './RefusedCableHint';
import { RemoteCursors } from './RemoteCursors';
import { PALETTE_MIME } from './PaletteItem';
import { useDisplayEdges } from './useDisplayEdges';
import { useFitOnLoad } from './useFitOnLoad';
import { useKeepSelectedInView } from './useKeepSelectedInView';
import { useLevelOfDetail } from './useLevelOfDetail';
import { useNodeDrag } from './useNodeDrag';
import { useRole } from '../../auth/role';

const DELETE_KEYS = ['Delete', 'Backspace'];

/** The server does the deleting (and undo remembers it); React Flow only asks. */
const onBeforeDelete: OnBeforeDelete<CanvasNode, CanvasEdge> = async ({ nodes, edges }) => {
  await deleteItems(nodes, edges);
  return false;
};

const onConnect = (connection: Connection) => void connect(connection);

/** A cable dropped on a port that refuses it: say why, next to that port. */
const onConnectEnd: OnConnectEnd = (event, state) => {
  if (state.isValid || !state.fromHandle || !state.toHandle) return;
  const from = state.fromHandle;
  const to = state.toHandle;
  const connection: Connection =
    from.type === 'source'
      ? { source: from.nodeId, sourceHandle: from.id ?? null, target: to.nodeId, targetHandle: to.id ?? null }
      : { source: to.nodeId, sourceHandle: to.id ?? null, target: from.nodeId, targetHandle: from.id ?? null };
  const { nodes, edges, catalogue } = useCanvasStore.getState();
  const message = connectionProblem(connection, nodes, edges, catalogue) ?? 'A cable goes from an output port to an input port.';
  const point = 'changedTouches' in event ? event.changedTouches[0] : event;
  useRefusalStore.getState().refuse(point.clientX, point.clientY, message);
};
const MINIMAP_STYLE = { width: 168, height: 112 };
const SNAP_GRID: [number, number] = [GRID, GRID];

const minimapColor = (node: CanvasNode): string => {
  const type = node.type === 'generic' ? node.data.objectType : node.type;
  return useCanvasStore.getState().catalogue[type]?.color ?? '#94a3b8';
};

/**
 * The call-flow canvas of the open tab, drawn from the canvas store. It redraws on every
 * step of a drag (the nodes change): its props and overlays are kept stable (module-level
 * callbacks, memoised panels) so only React Flow and the dragged card do work.
 */
export function WorkspaceCanvas() {
  const { nodes, status, onNodesChange, onEdgesChange } = useCanvasStore(
    useShallow((state) => ({
      nodes: state.nodes,
      status: state.status,
      onNodesChange: state.onNodesChange,
      onEdgesChange: state.onEdgesChange,
    })),
  );
  const edges = useDisplayEdges();
  const openNewObject = useUiStore((s) => s.openNewObject);
  const { screenToFlowPosition } = useReactFlow();
  const drag = useNodeDrag();
  // A viewer looks: cards select (the drawer shows their settings) but do not move or cable.
  const { canEdit } = useRole();
  useFitOnLoad();
  const frame = useRef<HTMLDivElement>(null);
  useLevelOfDetail(frame);
  useKeepSelectedInView();

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      if (!canEdit || !type || !useCanvasStore.getState().catalogue[type]) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      openNewObject(type, { x: Math.round(at.x - 116), y: Math.round(at.y - 30) });
    },
    [screenToFlowPosition, openNewObject, canEdit],
  );
  const onMouseMove = useCallback(
    (event: MouseEvent) => emitCursor(screenToFlowPosition({ x: event.clientX, y: event.clientY })),
    [screenToFlowPosition],
  );

  return (
    <div
      ref={frame}
      className="canvas-frame"
      style={{ position: 'relative', flex: 1, minHeight: 0 }}
      aria-label="Call flow canvas"
      role="region"
      onDragOver={onDragOver}
      onDrop={onDrop}
      onMouseMove={onMouseMove}
    >
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onBeforeDelete={onBeforeDelete}
        deleteKeyCode={canEdit ? DELETE_KEYS : null}
        {...drag}
        nodesDraggable={canEdit}
        nodesConnectable={canEdit}
        // Far out, the cards show their names only (useLevelOfDetail), still legible.
        minZoom={0.2}
        maxZoom={2}
        connectionRadius={28}
        // Objects land on the dotted grid, so rows and columns line up by themselves.
        snapToGrid
        snapGrid={SNAP_GRID}
        // Large tabs: only objects in view are mounted, so drag and pan stay smooth.
        onlyRenderVisibleElements
      >
        <Background variant={BackgroundVariant.Dots} gap={GRID} size={1.5} />
        <Controls position="bottom-left" aria-label="Zoom controls" showFitView={false} showInteractive={false} />
        <CanvasToolbar />
        <Panel position="top-right">
          <Stack gap={6} align="flex-end">
            <LiveCallIndicator />
            <RevisionMarksBanner />
          </Stack>
        </Panel>
        <RemoteCursors />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Canvas overview" nodeColor={minimapColor} style={MINIMAP_STYLE} />
      </ReactFlow>
      {status === 'ready' && nodes.length === 0 && <CanvasEmptyState />}
      <RefusedCableHint />
    </div>
  );
}
