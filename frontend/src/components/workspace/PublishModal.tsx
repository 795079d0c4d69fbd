import { Alert, Button, Divider, Group, Loader, Modal, ScrollArea, Stack, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { pendingKey, previewKey, usePublishPreview } from '../../api/pending';
import { graphProblems, publishingApi } from '../../api/publishing';
import { queryKeys } from '../../api/queryKeys';
import type { Problem } from '../../api/workspace';
import { queryClient } from '../../queryClient';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';
import { notifySaved } from '../common/feedback';
import { ProblemList } from './ProblemList';
import { PublishPreviewList } from './PublishPreviewList';

/**
 * Publish, after a preview: the canvas changes since the published revision, the devices whose
 * config the publish changes, and the problems. Publish stays disabled while an error stands.
 * Mounted once in the app frame and opened through the ui store (header badge, tab bar, toasts).
 */
export function PublishModal() {
  const opened = useUiStore((s) => s.publishOpen);
  const setOpen = useUiStore((s) => s.setPublishOpen);
  const navigate = useNavigate();
  const location = useLocation();
  const close = () => setOpen(false);
  // "Show" on an object: the canvas lives on the workspace page.
  const show = () => {
    close();
    if (location.pathname !== '/workspace') void navigate('/workspace');
  };
  return (
    <Modal opened={opened} onClose={close} title="Publish the workspace" size="xl">
      {opened && <PublishForm onDone={close} onShow={show} />}
    </Modal>
  );
}

function PublishForm({ onDone, onShow }: { onDone: () => void; onShow: () => void }) {
  const preview = usePublishPreview(true);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; problems: Problem[] } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return setError('Say what changed');
    setSaving(true);
    setRefusal(null);
    try {
      const revision = await publishingApi.publish(message.trim());
      await Promise.all([queryKeys.workspaceState, queryKeys.revisions, pendingKey, previewKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      const warnings = revision.problems?.length ?? 0;
      notifySaved(
        revision.unchanged ? `Nothing changed since revision ${revision.number}` : `Revision ${revision.number} published`,
        warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}: see the Problems panel.` : undefined,
      );
      onDone();
    } catch (failure) {
      if (isApiError(failure, 422) && graphProblems(failure.details).length > 0) {
        const problems = graphProblems(failure.details);
        const canvas = useCanvasStore.getState();
        canvas.setProblems(problems, canvas.draftVersion);
        useUiStore.getState().setBottom('problems');
        setRefusal({ message: failure.message, problems });
      } else if (isApiError(failure, 422) && failure.fieldErrors.message) {
        setError(failure.fieldErrors.message);
      } else {
        setRefusal({ message: failure instanceof Error ? failure.message : 'Not published.', problems: [] });
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Publish preview">
      <Stack gap="md">
        {preview.isPending && <Loader size="sm" aria-label="Loading the preview" />}
        {preview.isError && (
          <Alert color="red" variant="light" title="Preview not available">
            {preview.error instanceof Error ? preview.error.message : 'Try again.'}
          </Alert>
        )}
        {preview.data && (
          <ScrollArea.Autosize mah={380}>
            <PublishPreviewList preview={preview.data} onShow={onShow} />
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Textarea
          label="Message"
          description="What changed, for the history."
          placeholder="e.g. Sales line rings the evening team after 6 pm"
          value={message}
          onChange={(e) => {
            setMessage(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
        />
        {refusal && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Not published" role="alert">
            {refusal.message}
            {refusal.problems.length > 0 && (
              <ScrollArea.Autosize mah={260} mt="sm">
                <ProblemList problems={refusal.problems} onShow={onShow} />
              </ScrollArea.Autosize>
            )}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving} disabled={!preview.data?.canPublish} title={preview.data && !preview.data.canPublish ? 'Fix the errors first' : undefined}>
            Publish revision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
