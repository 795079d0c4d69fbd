import { useShallow } from 'zustand/react/shallow';
import { findNode, useCanvasStore } from '../../store/canvas';
import { PropertiesForm } from './PropertiesForm';

/** The selected object's name and properties, in a drawer at the right of the canvas. */
export function PropertiesPanel() {
  // The selected object's id and data only: dragging it (new positions) does not redraw the form.
  const selected = useCanvasStore(useShallow((s) => s.nodes.filter((n) => n.selected && n.id !== 'new').flatMap((n) => [n.id, n.data])));
  if (selected.length !== 2) return null;
  const node = findNode(selected[0] as string);
  if (!node) return null;
  return (
    <aside className="workspace-properties" aria-label="Properties">
      <PropertiesForm key={node.id} node={node} />
    </aside>
  );
}
