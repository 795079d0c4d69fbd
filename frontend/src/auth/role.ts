/** What the logged-in admin's role lets the UI offer; the API enforces the same (roles.py). */
import type { Role } from '../types';
import { useSession } from './session';

/** Why a viewer finds the write actions missing or disabled. */
export const VIEW_ONLY_REASON = 'View only: your role is Viewer. An owner can make you an admin on the Team page.';

export function useRole(): { role: Role | null; canEdit: boolean; isOwner: boolean } {
  const { session } = useSession();
  const role = session?.admin.role ?? null;
  return { role, canEdit: role === 'owner' || role === 'admin', isOwner: role === 'owner' };
}
