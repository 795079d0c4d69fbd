import { Button, Group, Select, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { inviteMember } from '../../api/team';
import type { Role } from '../../types';
import { ROLE_OPTIONS } from './roles';

/** Invite an admin by email: the server mails them a link to choose their password. */
export function InviteForm() {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { email: '', role: 'admin' as Role },
    validate: { email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address') },
  });
  const invite = useMutation({
    mutationFn: inviteMember,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.team }),
  });
  const submit = form.onSubmit((values) =>
    invite.mutate(
      { email: values.email.trim(), role: values.role },
      {
        onSuccess: (member) => {
          form.reset();
          notifications.show({ color: 'teal', title: 'Invitation sent', message: `${member.email} can now choose a password from the email.` });
        },
        onError: (error) => {
          if (isApiError(error) && Object.keys(error.fieldErrors).length) form.setErrors(error.fieldErrors);
          else notifications.show({ color: 'red', title: 'Could not invite', message: error.message });
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Group align="flex-start" gap="sm">
        <TextInput label="Email" placeholder="colleague@example.com" required style={{ flex: 1, maxWidth: 360 }} {...form.getInputProps('email')} />
        <Select label="Role" data={ROLE_OPTIONS} allowDeselect={false} w={230} {...form.getInputProps('role')} />
        <Button type="submit" mt={25} loading={invite.isPending} leftSection={<IconSend size={16} aria-hidden />}>
          Send invitation
        </Button>
      </Group>
    </form>
  );
}
