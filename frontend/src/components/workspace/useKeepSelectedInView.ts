/**
 * The properties drawer never covers the selected object: it opens beside the canvas, which
 * narrows; when the selected card ends up (partly) outside the narrowed pane, the view pans
 * just enough to bring it back, keeping the zoom.
 */
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';
import { useCanvasStore } from '../../store/canvas';

const MARGIN = 24;

export function useKeepSelectedInView(): void {
  const selected = useCanvasStore((s) => {
    const chosen = s.nodes.filter((n) => n.selected);
    return chosen.length === 1 ? chosen[0].id : null;
  });
  const flow = useStoreApi();
  const { setViewport, getViewport } = useReactFlow();

  useEffect(() => {
    if (selected === null) return;
    let frame = 0;
    // Two frames: the drawer mounts, then the pane takes its new width.
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        const pane = flow.getState().domNode?.getBoundingClientRect();
        const card = flow.getState().domNode?.querySelector(`.react-flow__node[data-id="${CSS.escape(selected)}"]`)?.getBoundingClientRect();
        if (!pane || !card) return;
        // The drawer takes room on the right: only a card pushed out sideways needs a pan.
        let dx = 0;
        if (card.right > pane.right - MARGIN) dx = pane.right - MARGIN - card.right;
        if (card.left + dx < pane.left + MARGIN) dx = pane.left + MARGIN - card.left;
        if (dx === 0) return;
        const view = getViewport();
        // At once, not animated: the card does not move under a pointer about to use it.
        void setViewport({ x: view.x + dx, y: view.y, zoom: view.zoom });
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [selected, flow, setViewport, getViewport]);
}
