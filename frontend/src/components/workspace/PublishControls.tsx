import { Button, Group, Tooltip } from '@mantine/core';
import { IconHistory, IconUpload } from '@tabler/icons-react';
import { useRole } from '../../auth/role';
import { useUiStore } from '../../store/ui';

/** The History drawer's button and Publish (its preview), at the right of the tab bar. The
 * published revision and the pending count are in the app's header (PendingBadge). */
export function PublishControls() {
  const setHistoryOpen = useUiStore((s) => s.setHistoryOpen);
  const setPublishOpen = useUiStore((s) => s.setPublishOpen);
  const { canEdit } = useRole();
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOpen(true)} aria-label="History">
        History
      </Button>
      <Tooltip label="Viewers cannot publish" disabled={canEdit}>
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => setPublishOpen(true)}
          aria-label="Publish"
          disabled={!canEdit}
        >
          Publish
        </Button>
      </Tooltip>
    </Group>
  );
}
