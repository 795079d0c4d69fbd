import { Button, Group } from '@mantine/core';
import { IconHistory, IconUpload } from '@tabler/icons-react';
import { useUiStore } from '../../store/ui';

/** The History drawer's button and Publish (its preview), at the right of the tab bar. The
 * published revision and the pending count are in the app's header (PendingBadge). */
export function PublishControls() {
  const setHistoryOpen = useUiStore((s) => s.setHistoryOpen);
  const setPublishOpen = useUiStore((s) => s.setPublishOpen);
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOpen(true)} aria-label="History">
        History
      </Button>
      <Button leftSection={<IconUpload size={16} aria-hidden />} onClick={() => setPublishOpen(true)} aria-label="Publish">
        Publish
      </Button>
    </Group>
  );
}
