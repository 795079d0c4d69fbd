import { Anchor, Badge, Button, Drawer, Group, Paper, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconGitCompare, IconHistory } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCallsPerRevision } from '../../api/calls';
import { type Revision, useRevisions } from '../../api/publishing';
import { formatDateTime } from '../../format';
import { loadRevisionMarks } from '../../canvas/revisionMarks';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';
import { EmptyBlock } from '../common/EmptyBlock';
import { QueryState } from '../common/QueryState';
import { ActivityToggle } from '../activity/ActivityToggle';
import { RevisionChanges } from './RevisionChanges';
import { RollbackModal } from './RollbackModal';

/** The published revisions, newest first, each with what changed (in words, and marked on the
 * canvas on request) and a rollback. */
export function HistoryDrawer() {
  const opened = useUiStore((s) => s.historyOpen);
  const setOpen = useUiStore((s) => s.setHistoryOpen);
  const revisions = useRevisions(opened);
  const callCounts = useCallsPerRevision(opened);
  const [rollingBack, setRollingBack] = useState<Revision | null>(null);
  const setDiff = useCanvasStore((s) => s.setDiff);
  const [showing, setShowing] = useState<number | null>(null);

  /** Mark what the revision changed on the canvas, and close the drawer to show it. */
  const showOnCanvas = async (number: number) => {
    setShowing(number);
    try {
      const marks = await loadRevisionMarks(number);
      setDiff(marks);
      setOpen(false);
      // Centre what was added or changed on this tab (the banner counts the rest).
      const present = new Set(useCanvasStore.getState().nodes.map((n) => n.id));
      const here = Object.keys(marks.nodes).filter((id) => present.has(id));
      if (here.length > 0) useUiStore.getState().focusObjects(here.map(Number), { select: false });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Changes not available', message: error instanceof Error ? error.message : 'Try again.' });
    } finally {
      setShowing(null);
    }
  };

  return (
    <>
      <Drawer opened={opened} onClose={() => setOpen(false)} position="right" size="md" title="History">
        <QueryState query={revisions} what="the revisions">
          {({ items }) =>
            items.length === 0 ? (
              <EmptyBlock icon={IconHistory} title="Nothing published yet" description="Each time you publish, the revision appears here with its message." bare />
            ) : (
              <Stack gap="sm" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Revisions">
                {items.map((revision) => (
                  <Paper component="li" key={revision.number} withBorder radius="md" p="sm" aria-label={`Revision ${revision.number}`}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Group gap="xs">
                          <Text fw={600}>Revision {revision.number}</Text>
                          {revision.isPublished && (
                            <Badge color="teal" size="sm" variant="light">
                              Published
                            </Badge>
                          )}
                          {revision.rollbackOf !== null && (
                            <Badge color="orange" size="sm" variant="light">
                              Rollback to {revision.rollbackOf}
                            </Badge>
                          )}
                        </Group>
                        <Text size="sm">{revision.message}</Text>
                        <Text size="xs" c="dimmed">
                          {revision.authorName} · {formatDateTime(revision.createdAt)}
                        </Text>
                        <RevisionCalls number={revision.number} count={callCounts.data?.get(revision.number) ?? 0} />
                        {revision.number > 1 && <RevisionChanges number={revision.number} />}
                        <ActivityToggle filters={{ revision: revision.number }} label={`who changed what in revision ${revision.number}`} />
                      </Stack>
                      <Stack gap={6} align="flex-end">
                      {revision.number > 1 && (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconGitCompare size={14} aria-hidden />}
                          loading={showing === revision.number}
                          onClick={() => void showOnCanvas(revision.number)}
                          aria-label={`Show the changes of revision ${revision.number} on the canvas`}
                        >
                          Show on canvas
                        </Button>
                      )}
                      {!revision.isPublished && (
                        <Button size="xs" variant="light" color="orange" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => setRollingBack(revision)} aria-label={`Roll back to revision ${revision.number}`}>
                          Roll back
                        </Button>
                      )}
                      </Stack>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Drawer>
      <RollbackModal revision={rollingBack} onClose={() => setRollingBack(null)} />
    </>
  );
}

/** How many calls the revision routed, linking to those calls on the Calls page. */
function RevisionCalls({ number, count }: { number: number; count: number }) {
  if (count === 0) {
    return (
      <Text size="xs" c="dimmed">
        No calls routed
      </Text>
    );
  }
  return (
    <Anchor component={Link} to={`/calls?revision=${number}`} size="xs" aria-label={`${count} calls routed by revision ${number}`}>
      {count} call{count === 1 ? '' : 's'} routed
    </Anchor>
  );
}
