import { Alert, Button, Group, Modal, ScrollArea, Stack, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { isApiError } from '../../api/client';
import { graphProblems, publishingApi } from '../../api/publishing';
import { queryKeys } from '../../api/queryKeys';
import type { Problem } from '../../api/workspace';
import { queryClient } from '../../queryClient';
import { useCanvasStore } from '../../store/canvas';
import { useUiStore } from '../../store/ui';
import { notifySaved } from '../common/feedback';
import { ProblemList } from './ProblemList';

/** Publish the draft with a message; a refusal lists the errors that stand in the way. */
export function PublishModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Publish the workspace" size="lg">
      {opened && <PublishForm onDone={onClose} />}
    </Modal>
  );
}

function PublishForm({ onDone }: { onDone: () => void }) {
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
      await Promise.all([queryKeys.workspaceState, queryKeys.revisions].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
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
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
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
                <ProblemList problems={refusal.problems} onShow={onDone} />
              </ScrollArea.Autosize>
            )}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Publish revision
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
