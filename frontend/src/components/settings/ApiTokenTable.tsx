import { Alert, Button, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listApiTokens, revokeApiToken } from '../../api/auth';
import { queryKeys } from '../../api/queryKeys';
import { formatDateTime } from '../../format';
import type { ApiToken } from '../../types';

export function ApiTokenTable() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: queryKeys.apiTokens, queryFn: listApiTokens });
  const revoke = useMutation({
    mutationFn: (token: ApiToken) => revokeApiToken(token.id),
    onSuccess: (_, token) => {
      notifications.show({ color: 'teal', title: 'Token revoked', message: `“${token.name}” no longer works.` });
      return queryClient.invalidateQueries({ queryKey: queryKeys.apiTokens });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Could not revoke the token', message: error.message }),
  });

  const confirmRevoke = (token: ApiToken) =>
    modals.openConfirmModal({
      title: 'Revoke API token',
      children: (
        <Text size="sm">
          Revoke “{token.name}”? Every script or integration using it stops working at once. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Revoke', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => revoke.mutate(token),
    });

  if (tokens.isPending) {
    return (
      <Stack gap="xs" aria-busy>
        <Skeleton h={36} />
        <Skeleton h={36} />
      </Stack>
    );
  }
  if (tokens.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Could not load your API tokens">
        {tokens.error.message}
      </Alert>
    );
  }
  if (tokens.data.length === 0) {
    return <Text c="dimmed" size="sm">No API tokens yet. Create one to let a script or integration use the API.</Text>;
  }

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="API tokens">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Created</Table.Th>
            <Table.Th>Last used</Table.Th>
            <Table.Th w={120}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {tokens.data.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td fw={500}>{token.name}</Table.Td>
              <Table.Td>{formatDateTime(token.createdAt)}</Table.Td>
              <Table.Td>{formatDateTime(token.lastUsedAt, 'Never')}</Table.Td>
              <Table.Td ta="right">
                <Button
                  variant="subtle"
                  color="red"
                  size="xs"
                  leftSection={<IconTrash size={14} aria-hidden />}
                  aria-label={`Revoke ${token.name}`}
                  loading={revoke.isPending && revoke.variables?.id === token.id}
                  onClick={() => confirmRevoke(token)}
                >
                  Revoke
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
