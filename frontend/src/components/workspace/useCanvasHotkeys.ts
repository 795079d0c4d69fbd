/** The canvas' keyboard: undo, redo, select all, copy and paste (Delete/Backspace belong to React Flow). */
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { copySelection, paste } from '../../canvas/clipboard';
import { redo, undo } from '../../canvas/history';
import { useCanvasStore } from '../../store/canvas';
import { useRole } from '../../auth/role';

export function useCanvasHotkeys(): void {
  const { canEdit } = useRole(); // a viewer copies and selects; undo, redo and paste would write
  const write = (action: () => Promise<unknown>) => () => {
    if (canEdit) void action();
  };
  useHotkeys([
    ['mod+z', write(undo)],
    ['mod+shift+z', write(redo)],
    ['mod+y', write(redo)],
    [
      'mod+c',
      () => {
        const count = copySelection();
        if (count) notifications.show({ color: 'gray', title: `Copied ${count} object${count === 1 ? '' : 's'}`, message: 'Paste with Ctrl+V.', autoClose: 1500 });
      },
      { preventDefault: false },
    ],
    ['mod+v', write(paste), { preventDefault: false }],
    [
      'mod+a',
      () => {
        const { nodes, select } = useCanvasStore.getState();
        select(nodes.filter((n) => n.id !== 'new').map((n) => n.id));
      },
    ],
  ]);
}
