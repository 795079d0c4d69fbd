/**
 * Fit the view once per opened tab, as soon as its objects are loaded. (React Flow's own
 * `fitView` prop would fit whenever the first object appears, jumping the view just as an
 * admin drops the first object on an empty tab.)
 *
 * The fit uses the cards' estimated sizes (nodes/size.ts) and happens in a layout effect,
 * before React Flow draws the new objects: the first frame already shows the fitted view, and
 * only the cards in it are mounted (waiting for every card to be measured first would mount
 * all of them).
 *
 * Each tab's viewport is remembered while the page is open: going back to a tab restores the
 * view the admin left it at. Coming to the page (from another page, after the wizard) fits
 * every object instead, so nothing is ever off screen on arrival.
 */
import { getViewportForBounds, type Rect, useOnViewportChange, useReactFlow, useStoreApi, type Viewport } from '@xyflow/react';
import { useLayoutEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { type CanvasNode, useCanvasStore } from '../../store/canvas';

const FIT = { maxZoom: 1.1, padding: 0.2 };
/** How long after the fit a change of the pane's size fits again. */
const SETTLE_MS = 3000;

/** The box around the nodes, measured sizes first, then the estimates. */
function boundsOf(nodes: CanvasNode[]): Rect {
  let x = Infinity;
  let y = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const n of nodes) {
    const width = n.measured?.width ?? n.width ?? n.initialWidth ?? 0;
    const height = n.measured?.height ?? n.height ?? n.initialHeight ?? 0;
    x = Math.min(x, n.position.x);
    y = Math.min(y, n.position.y);
    x2 = Math.max(x2, n.position.x + width);
    y2 = Math.max(y2, n.position.y + height);
  }
  return { x, y, width: x2 - x, height: y2 - y };
}

export function useFitOnLoad(): void {
  const { status, tabId, count } = useCanvasStore(useShallow((s) => ({ status: s.status, tabId: s.tabId, count: s.nodes.length })));
  const { setViewport } = useReactFlow();
  const flow = useStoreApi();
  const fitted = useRef<number | null>(null);
  const views = useRef(new Map<number, Viewport>());
  useOnViewportChange({
    onEnd: (viewport) => {
      const open = useCanvasStore.getState().tabId;
      if (open !== null && fitted.current === open) views.current.set(open, viewport);
    },
  });

  // The canvas store outlives the page: coming back, it still holds the tab as it was when the
  // admin left (maybe without what the wizard added since). Only a load begun after this mount
  // counts.
  const loadedHere = useRef(false);
  useLayoutEffect(() => {
    if (status === 'loading') loadedHere.current = true;
    if (!loadedHere.current || status !== 'ready' || tabId === null || fitted.current === tabId) return;
    fitted.current = tabId;
    if (count === 0) return;
    const saved = views.current.get(tabId);
    if (saved) {
      void setViewport(saved);
      return;
    }
    const fit = (): Viewport | null => {
      // The pane as laid out now (React Flow's own copy of its size follows a resize observer).
      const { domNode, minZoom } = flow.getState();
      const width = domNode?.clientWidth ?? 0;
      const height = domNode?.clientHeight ?? 0;
      if (width === 0 || height === 0) return null;
      const viewport = getViewportForBounds(boundsOf(useCanvasStore.getState().nodes), width, height, minZoom, FIT.maxZoom, FIT.padding);
      void setViewport(viewport);
      return viewport;
    };
    // The page may still be settling around the canvas (this fit comes early, before the cards
    // are drawn): if the pane's size changes soon after, and the view is still the fitted
    // one (the admin has not moved it), fit again.
    const settle = (first: Viewport): (() => void) => {
      let last = first;
      const until = performance.now() + SETTLE_MS;
      const stop = flow.subscribe((state, previous) => {
        if (performance.now() > until) return stop();
        if (state.width === previous.width && state.height === previous.height) return;
        const [x, y, zoom] = state.transform;
        if (x !== last.x || y !== last.y || zoom !== last.zoom) return stop();
        last = fit() ?? last;
      });
      return stop;
    };
    const first = fit();
    if (first) return settle(first);
    // Arriving from another page, the pane has no size yet: fit as soon as it has one
    // (React Flow's own fitView would give up on an unmeasured pane and leave scale 1).
    let stopSettling: (() => void) | null = null;
    const stopWaiting = flow.subscribe((state) => {
      if (!state.width || !state.height || stopSettling) return;
      const viewport = fit();
      if (viewport) stopSettling = settle(viewport);
    });
    return () => {
      stopWaiting();
      stopSettling?.();
    };
  }, [status, tabId, count, setViewport, flow]);
}
