/**
 * Fit the view once per opened tab, when its objects are loaded and measured. (React Flow's
 * own `fitView` prop would fit whenever the first object appears, jumping the view just as
 * an admin drops the first object on an empty tab.)
 */
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCanvasStore } from '../../store/canvas';

export function useFitOnLoad(): void {
  const { status, tabId, count } = useCanvasStore(useShallow((s) => ({ status: s.status, tabId: s.tabId, count: s.nodes.length })));
  const initialized = useNodesInitialized();
  const { fitView } = useReactFlow();
  const fitted = useRef<number | null>(null);

  useEffect(() => {
    if (status !== 'ready' || tabId === null || fitted.current === tabId) return;
    if (count > 0 && !initialized) return;
    fitted.current = tabId;
    if (count > 0) void fitView({ maxZoom: 1.1, padding: 0.2 });
  }, [status, tabId, count, initialized, fitView]);
}
