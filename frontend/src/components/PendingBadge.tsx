import { Badge, UnstyledButton } from '@mantine/core';
import { changesText, usePending } from '../api/pending';
import { usePendingLive } from '../realtime/usePendingLive';
import { useUiStore } from '../store/ui';

/**
 * The header's truth about the workspace: amber "Draft: N unpublished changes" while canvas
 * edits wait for a publish (click: the publish preview), green "Published: revision N" when
 * devices run what the canvas shows. Contact-center settings are live on save, so they never
 * count here.
 */
export function PendingBadge() {
  usePendingLive(true);
  const pending = usePending();
  const open = useUiStore((s) => s.setPublishOpen);
  if (!pending.data) return null;
  const { count, publishedRevision } = pending.data;
  if (count > 0) {
    const text = `Draft: ${changesText(count)}`;
    return (
      <UnstyledButton onClick={() => open(true)} aria-label={`${text}. Review and publish`}>
        <Badge color="orange" variant="filled" size="lg" radius="sm" style={{ cursor: 'pointer', textTransform: 'none' }} role="status" aria-label={text}>
          {text}
        </Badge>
      </UnstyledButton>
    );
  }
  const text = publishedRevision === null ? 'Not published yet' : `Published: revision ${publishedRevision}`;
  return (
    <Badge color={publishedRevision === null ? 'gray' : 'teal'} variant="light" size="lg" radius="sm" style={{ textTransform: 'none' }} role="status" aria-label={text}>
      {text}
    </Badge>
  );
}
