import { ViewportPortal } from '@xyflow/react';
import { IconPointerFilled } from '@tabler/icons-react';
import { memo } from 'react';
import { useLiveStore } from '../../realtime/live';

/** The other admins' pointers on this tab, each with their name. (Memoised: the canvas redraws on every drag step.) */
export const RemoteCursors = memo(function RemoteCursors() {
  const cursors = useLiveStore((s) => s.cursors);
  return (
    <ViewportPortal>
      {Object.entries(cursors).map(([actor, cursor]) => (
        <div key={actor} className="remote-cursor" style={{ transform: `translate(${cursor.x}px, ${cursor.y}px)` }} aria-hidden>
          <IconPointerFilled size={18} />
          <span className="remote-cursor-name">{cursor.name}</span>
        </div>
      ))}
    </ViewportPortal>
  );
});
