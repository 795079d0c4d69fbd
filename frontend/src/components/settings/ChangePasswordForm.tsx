import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { changePassword } from '../../api/auth';
import { isApiError } from '../../api/client';
import type { PasswordChange } from '../../types';

const FIELDS = ['currentPassword', 'newPassword', 'newPasswordConfirm'];

export function ChangePasswordForm() {
  const form = useForm<PasswordChange>({
    initialValues: { currentPassword: '', newPassword: '', newPasswordConfirm: '' },
    validate: {
      currentPassword: (value) => (value ? null : 'Enter your current password'),
      newPassword: (value) => (value ? null : 'Choose a new password'),
      newPasswordConfirm: (value, values) =>
        !value ? 'Repeat the new password' : value !== values.newPassword ? 'The passwords do not match' : null,
    },
  });
  const change = useMutation({ mutationFn: changePassword });

  const submit = form.onSubmit((values) =>
    change.mutate(values, {
      onSuccess: () => {
        form.reset();
        notifications.show({ color: 'teal', title: 'Password changed', message: 'Use your new password next time you log in.' });
      },
      onError: (error) => {
        if (isApiError(error)) form.setErrors(error.fieldErrors);
      },
    }),
  );

  const error = change.error;
  const showAlert = error && !(isApiError(error) && FIELDS.some((field) => error.fieldErrors[field]));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        {showAlert && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Password not changed">
            {error.message}
          </Alert>
        )}
        <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
        <PasswordInput label="New password" autoComplete="new-password" required {...form.getInputProps('newPassword')} />
        <PasswordInput
          label="Confirm new password"
          autoComplete="new-password"
          required
          {...form.getInputProps('newPasswordConfirm')}
        />
        <Group>
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
