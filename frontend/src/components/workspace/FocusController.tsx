import { notifications } from '@mantine/notifications';
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { objectsApi } from '../../api/workspace';
import { shapesOf, useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';

/**
 * Selects and centres the objects asked for (a problem's, a search hit's), or only centres
 * them (a revision's changes). An object on
 * another tab opens that tab first; the focus waits until its draft is loaded.
 */
export function FocusController() {
  const focus = useUiStore((s) => s.focus);
  const { status, tabId } = useCanvasStore(useShallow((s) => ({ status: s.status, tabId: s.tabId })));
  // Not the nodes themselves: they change on every step of a drag.
  const shapes = useCanvasStore((s) => shapesOf(s.nodes));
  const { fitView } = useReactFlow();

  useEffect(() => {
    if (!focus || status !== 'ready') return;
    const present = new Set(shapes.map((n) => n.id));
    const here = focus.filter((id) => present.has(String(id)));
    if (here.length > 0) {
      if (useUiStore.getState().focusSelects) useCanvasStore.getState().select(here.map(String));
      // Let React Flow measure freshly loaded nodes before fitting them. No object is ever
      // hidden: includeHiddenNodes lets one out of view (never drawn) count with its estimated size.
      requestAnimationFrame(() => void fitView({ nodes: here.map((id) => ({ id: String(id) })), duration: 400, padding: 0.5, maxZoom: 1.2, includeHiddenNodes: true }));
      useUiStore.getState().focusObjects([]);
      return;
    }
    let cancelled = false;
    objectsApi
      .get(focus[0])
      .then((object) => {
        if (cancelled) return;
        if (object.tabId !== tabId) useUiStore.getState().requestTab(object.tabId);
        else useUiStore.getState().focusObjects([]);
      })
      .catch(() => {
        if (cancelled) return;
        useUiStore.getState().focusObjects([]);
        notifications.show({ color: 'yellow', title: 'Object not found', message: 'It was deleted in the meantime.' });
      });
    return () => {
      cancelled = true;
    };
  }, [focus, status, tabId, shapes, fitView]);

  return null;
}
