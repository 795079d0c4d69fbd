import { Alert, Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { publishingApi, type Revision } from '../../api/publishing';
import { queryKeys } from '../../api/queryKeys';
import { reloadOpenTab } from '../../canvas/load';
import { clearHistory } from '../../canvas/history';
import { queryClient } from '../../queryClient';
import { notifySaved } from '../common/feedback';

/** Confirm a rollback: the revision's workspace becomes the draft and is published anew. */
export function RollbackModal({ revision, onClose }: { revision: Revision | null; onClose: () => void }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const close = () => {
    setMessage('');
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (!revision) return;
    setSaving(true);
    try {
      const result = await publishingApi.rollback(revision.number, message.trim() || undefined);
      clearHistory();
      await Promise.all([queryKeys.workspaceState, queryKeys.revisions, queryKeys.tabs].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      await reloadOpenTab();
      notifySaved(result.unchanged ? 'Nothing to roll back' : `Rolled back: revision ${result.number} published`, `The workspace is revision ${revision.number}'s again.`);
      close();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : 'Not rolled back.');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal opened={revision !== null} onClose={close} title={`Roll back to revision ${revision?.number ?? ''}`} zIndex={400}>
      <Stack gap="md">
        <Text size="sm">
          The workspace becomes what revision {revision?.number} published, and is published again as a new revision. Changes in the draft that are not
          published are lost.
        </Text>
        <TextInput label="Message" description="Optional: why you roll back." value={message} onChange={(e) => setMessage(e.currentTarget.value)} maxLength={500} />
        {error && (
          <Alert color="red" variant="light" role="alert" title="Not rolled back">
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="orange" loading={saving} onClick={() => void confirm()}>
            Roll back
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
