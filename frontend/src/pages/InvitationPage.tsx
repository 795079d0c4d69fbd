import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { acceptInvitation } from '../api/team';
import { sessionQueryKey } from '../auth/sessionKey';
import { AuthLayout } from '../components/AuthLayout';

/** The invitation link's page: the invited admin chooses a password and is logged in. */
export default function InvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: { firstName: '', lastName: '', password: '', passwordConfirm: '' },
    validate: {
      password: (v) => (v.length >= 8 ? null : 'Use at least 8 characters.'),
      passwordConfirm: (v, values) => (v === values.password ? null : 'The passwords do not match.'),
    },
  });
  const accept = useMutation({
    mutationFn: acceptInvitation,
    onSuccess: (session) => {
      queryClient.setQueryData(sessionQueryKey, session);
      void navigate('/workspace', { replace: true });
    },
    onError: (error) => {
      if (isApiError(error) && error.fieldErrors.password) form.setFieldError('password', error.fieldErrors.password);
    },
  });
  const submit = form.onSubmit(({ firstName, lastName, password }) =>
    accept.mutate({ token, password, ...(firstName.trim() ? { firstName: firstName.trim(), lastName: lastName.trim() } : {}) }),
  );
  const linkError = accept.isError && isApiError(accept.error) && accept.error.fieldErrors.token;
  return (
    <AuthLayout title="Join your team">
      {!token || linkError ? (
        <Stack gap="lg">
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="This invitation link does not work">
            {linkError || 'The link has no token. Open the link from your invitation email again.'} Ask an owner of the account to resend the invitation.
          </Alert>
          <Button component={Link} to="/login" variant="subtle">
            Log in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput label="First name" autoComplete="given-name" {...form.getInputProps('firstName')} />
            <TextInput label="Last name" autoComplete="family-name" {...form.getInputProps('lastName')} />
            <PasswordInput label="Password" required autoComplete="new-password" {...form.getInputProps('password')} />
            <PasswordInput label="Confirm password" required autoComplete="new-password" {...form.getInputProps('passwordConfirm')} />
            <Button type="submit" loading={accept.isPending}>
              Set password and log in
            </Button>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
