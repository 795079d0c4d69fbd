import { type ConnectionState, Handle, Position, useConnection } from '@xyflow/react';
import type { PortSpec } from '../api/workspace';
import { type DragOrigin, isLegalEnd } from '../canvas/rules';

/** The handle a connection is being drawn from, as one string so the selector stays cheap. */
function originKey(state: ConnectionState): string | null {
  if (!state.inProgress || !state.fromHandle) return null;
  return `${state.fromHandle.nodeId}|${state.fromHandle.id ?? ''}|${state.fromHandle.type}`;
}

function parseOrigin(key: string | null): DragOrigin | null {
  if (!key) return null;
  const [nodeId, handleId, handleType] = key.split('|');
  return { nodeId, handleId, handleType: handleType as DragOrigin['handleType'] };
}

interface PortRowsProps {
  nodeId: string;
  ports: PortSpec[];
}

/**
 * The object's ports as rows: inputs on the left edge, outputs on the right, each labelled.
 * Handle ids are the port names. While a cable is drawn, legal ends glow and the rest fade.
 */
export function PortRows({ nodeId, ports }: PortRowsProps) {
  const origin = parseOrigin(useConnection(originKey));
  const inputs = ports.filter((p) => p.direction === 'in');
  const outputs = ports.filter((p) => p.direction === 'out');
  const rows = Math.max(inputs.length, outputs.length);
  if (rows === 0) return null;

  const handle = (port: PortSpec) => {
    const legal = origin ? isLegalEnd(origin, nodeId, port) : false;
    const isOrigin = origin?.nodeId === nodeId && origin.handleId === port.name;
    const state = !origin || isOrigin ? '' : legal ? ' port-legal' : ' port-illegal';
    return (
      <Handle
        type={port.direction === 'in' ? 'target' : 'source'}
        position={port.direction === 'in' ? Position.Left : Position.Right}
        id={port.name}
        className={`port${port.warning ? ' port-warning' : ''}${port.tone ? ` port-${port.tone}` : ''}${state}`}
        aria-label={`${port.label} ${port.direction === 'in' ? 'input' : 'output'} port`}
        title={port.label}
      />
    );
  };

  return (
    <div className="object-ports">
      {Array.from({ length: rows }, (_, index) => {
        const input = inputs[index];
        const output = outputs[index];
        return (
          <div className="object-port-row" key={index}>
            {input && handle(input)}
            <span className="object-port-label">{input?.label ?? ''}</span>
            <span className={`object-port-label out${output?.warning ? ' warning' : ''}${output?.tone ? ` ${output.tone}` : ''}`} title={output?.label}>
              {output?.label ?? ''}
            </span>
            {output && handle(output)}
          </div>
        );
      })}
    </div>
  );
}
