import { useShallow } from 'zustand/react/shallow';
import { useCanvasStore } from '../../store/canvas';
import { PropertiesForm } from './PropertiesForm';

/** The selected object's name and properties, in a drawer at the right of the canvas. */
export function PropertiesPanel() {
  const selected = useCanvasStore(useShallow((s) => s.nodes.filter((n) => n.selected && n.id !== 'new')));
  if (selected.length !== 1) return null;
  const node = selected[0];
  return (
    <aside className="workspace-properties" aria-label="Properties">
      <PropertiesForm key={node.id} node={node} />
    </aside>
  );
}
