import { queryKeys } from '../../api/queryKeys';
import { type Tab, tabsApi } from '../../api/workspace';
import { DeleteModal } from '../common/DeleteModal';

interface DeleteTabModalProps {
  tab: Tab | null;
  /** What is on it, when known (the open tab). */
  contents?: { objects: number; cables: number };
  onClose: () => void;
  onDeleted: () => void;
}

/** Deleting a tab deletes everything on it: say so, then confirm. */
export function DeleteTabModal({ tab, contents, onClose, onDeleted }: DeleteTabModalProps) {
  const what = contents
    ? `its ${contents.objects} object${contents.objects === 1 ? '' : 's'} and ${contents.cables} cable${contents.cables === 1 ? '' : 's'}`
    : 'every object and cable on it';
  return (
    <DeleteModal
      opened={tab !== null}
      onClose={onClose}
      title="Delete tab"
      confirmLabel="Delete tab"
      onConfirm={() => tabsApi.remove(tab!)}
      refetch={[queryKeys.tabs]}
      doneMessage={`Tab “${tab?.name ?? ''}” deleted`}
      onDeleted={onDeleted}
    >
      Delete the tab “{tab?.name}” with {what}? Calls routed through them stop working once you publish.
    </DeleteModal>
  );
}
