import { Background, BackgroundVariant, Controls, MiniMap, ReactFlow, type NodeTypes } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { useCanvasStore } from '../../store/canvas';
import { CanvasEmptyState } from './CanvasEmptyState';

// One entry per object type (`<Kind>Node`), filled in as the object types arrive.
const nodeTypes: NodeTypes = {};

/** The call-flow canvas of the open tab, drawn from the canvas store. */
export function WorkspaceCanvas() {
  const { nodes, edges, onNodesChange, onEdgesChange, onConnect } = useCanvasStore(
    useShallow((state) => ({
      nodes: state.nodes,
      edges: state.edges,
      onNodesChange: state.onNodesChange,
      onEdgesChange: state.onEdgesChange,
      onConnect: state.onConnect,
    })),
  );

  return (
    <div style={{ position: 'relative', flex: 1, minHeight: 0 }} aria-label="Call flow canvas" role="region">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        fitView
        minZoom={0.2}
        maxZoom={2}
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.5} />
        <Controls position="bottom-left" />
        <MiniMap position="bottom-right" pannable zoomable ariaLabel="Canvas overview" />
      </ReactFlow>
      {nodes.length === 0 && <CanvasEmptyState />}
    </div>
  );
}
