import { Badge, Button, Group, Tooltip } from '@mantine/core';
import { IconHistory, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useWorkspaceState } from '../../api/workspace';
import { useRole } from '../../auth/role';
import { useUiStore } from '../../store/ui';
import { PublishModal } from './PublishModal';

/** The revision badge, the History drawer's button and Publish, at the right of the tab bar. */
export function PublishControls() {
  const state = useWorkspaceState();
  const setHistoryOpen = useUiStore((s) => s.setHistoryOpen);
  const [publishing, setPublishing] = useState(false);
  const { canEdit } = useRole();
  const revision = state.data?.publishedRevision ?? null;
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge variant="light" color={revision === null ? 'gray' : 'teal'} size="lg" radius="sm" aria-label={revision === null ? 'Not published yet' : `Published revision ${revision}`}>
        {revision === null ? 'Not published yet' : `Revision ${revision}`}
      </Badge>
      <Button variant="default" leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOpen(true)} aria-label="History">
        History
      </Button>
      <Tooltip label="Viewers cannot publish" disabled={canEdit}>
        <Button
          leftSection={<IconUpload size={16} aria-hidden />}
          onClick={() => setPublishing(true)}
          aria-label="Publish"
          disabled={!canEdit}
        >
          Publish
        </Button>
      </Tooltip>
      <PublishModal opened={publishing} onClose={() => setPublishing(false)} />
    </Group>
  );
}
