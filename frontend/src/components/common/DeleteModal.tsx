import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type QueryKey, useMutation } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../../api/client';
import { queryClient } from '../../queryClient';
import { notifySaved, reloadStale } from './feedback';
import { UsedByList, usedByOf } from './UsedByList';

interface DeleteModalProps {
  opened: boolean;
  onClose: () => void;
  /** e.g. "Delete service provider". */
  title: string;
  /** What goes away, in a sentence. */
  children: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<unknown>;
  /** Collections to refetch after the delete (or after a 412). */
  refetch: readonly QueryKey[];
  /** The notification once deleted, e.g. "“Acme” deleted". */
  doneMessage: string;
  onDeleted?: () => void;
}

/**
 * A delete confirmation that stays open when the server refuses: a 409 names what still
 * uses the item, right here in the modal. A 412 (someone else changed it) reloads.
 */
export function DeleteModal({ opened, onClose, title, children, confirmLabel = 'Delete', onConfirm, refetch, doneMessage, onDeleted }: DeleteModalProps) {
  const remove = useMutation({
    mutationFn: onConfirm,
    onSuccess: async () => {
      notifySaved(doneMessage);
      close();
      onDeleted?.();
      await Promise.all(refetch.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        reloadStale(refetch);
        close();
      }
    },
  });

  const close = () => {
    remove.reset();
    onClose();
  };

  const error = remove.error;
  return (
    <Modal opened={opened} onClose={close} title={title} centered>
      <Stack gap="md">
        <Text size="sm">{children}</Text>
        {error && !isApiError(error, 412) && (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertCircle aria-hidden />}
            title={isApiError(error, 409) ? 'It is still in use' : 'Not deleted'}
            role="alert"
          >
            {error.message}
            {isApiError(error, 409) && usedByOf(error.details).length > 0 && <UsedByList users={usedByOf(error.details)} onLeave={close} />}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button color="red" loading={remove.isPending} disabled={isApiError(error, 409)} onClick={() => remove.mutate()}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
