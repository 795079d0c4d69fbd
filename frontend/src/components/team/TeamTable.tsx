import { Alert, Badge, Button, Group, Select, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconMailForward, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys';
import { changeRole, listTeam, removeMember, resendInvitation } from '../../api/team';
import { formatDateTime } from '../../format';
import type { Role, TeamMember } from '../../types';
import { ROLE_OPTIONS } from './roles';

function nameOf(member: TeamMember): string {
  return `${member.firstName} ${member.lastName}`.trim() || member.email;
}

/** The account's admins; owners change roles, resend invitations and remove admins. */
export function TeamTable({ editable, selfId }: { editable: boolean; selfId: number | null }) {
  const queryClient = useQueryClient();
  const team = useQuery({ queryKey: queryKeys.team, queryFn: listTeam });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.team });
  const failed = (title: string) => (error: Error) => notifications.show({ color: 'red', title, message: error.message });
  const role = useMutation({
    mutationFn: ({ member, to }: { member: TeamMember; to: Role }) => changeRole(member.id, to),
    onSuccess: refresh,
    onError: failed('Could not change the role'),
  });
  const resend = useMutation({
    mutationFn: (member: TeamMember) => resendInvitation(member.id),
    onSuccess: (member) => {
      notifications.show({ color: 'teal', title: 'Invitation sent again', message: `A new link went to ${member.email}; the old one no longer works.` });
      return refresh();
    },
    onError: failed('Could not resend the invitation'),
  });
  const remove = useMutation({
    mutationFn: (member: TeamMember) => removeMember(member.id),
    onSuccess: refresh,
    onError: failed('Could not remove the admin'),
  });
  const confirmRemove = (member: TeamMember) =>
    modals.openConfirmModal({
      title: 'Remove admin',
      children: <Text size="sm">Remove {nameOf(member)} from the team? They are logged out at once.</Text>,
      labels: { confirm: 'Remove', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => remove.mutate(member),
    });

  if (team.isPending) return <Skeleton h={80} aria-busy />;
  if (team.isError) {
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Could not load the team">
        {team.error.message}
      </Alert>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Team">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {team.data.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td fw={500}>
                {nameOf(member)}
                {member.id === selfId && <Text span c="dimmed"> (you)</Text>}
              </Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>
                {editable ? (
                  <Select
                    aria-label={`Role of ${member.email}`}
                    data={ROLE_OPTIONS}
                    value={member.role}
                    allowDeselect={false}
                    w={230}
                    onChange={(to) => to && to !== member.role && role.mutate({ member, to: to as Role })}
                  />
                ) : (
                  <Text tt="capitalize">{member.role}</Text>
                )}
              </Table.Td>
              <Table.Td>
                {member.status === 'invited' ? (
                  <Stack gap={0}>
                    <Badge color="yellow" variant="light">Invited</Badge>
                    <Text size="xs" c="dimmed">link works until {formatDateTime(member.inviteExpiresAt)}</Text>
                  </Stack>
                ) : (
                  <Badge color={member.status === 'active' ? 'teal' : 'gray'} variant="light">{member.status}</Badge>
                )}
              </Table.Td>
              <Table.Td ta="right">
                {editable && (
                  <Group gap="xs" justify="flex-end" wrap="nowrap">
                    {member.status === 'invited' && (
                      <Button variant="subtle" size="xs" leftSection={<IconMailForward size={14} aria-hidden />} aria-label={`Resend invitation to ${member.email}`} onClick={() => resend.mutate(member)}>
                        Resend
                      </Button>
                    )}
                    <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} aria-label={`Remove ${member.email}`} onClick={() => confirmRemove(member)}>
                      Remove
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
