import { Alert, Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../api/client';
import { afterLoginPath } from '../auth/guards';
import { useLogin } from '../auth/session';
import { AuthLayout } from '../components/AuthLayout';
import type { Credentials } from '../types';

export default function LoginPage() {
  const navigate = useNavigate();
  const location = useLocation();
  const login = useLogin();
  const form = useForm<Credentials>({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit((values) =>
    login.mutate(
      { ...values, email: values.email.trim() },
      {
        onSuccess: () => navigate(afterLoginPath(location.state), { replace: true }),
        onError: (error) => {
          if (isApiError(error)) form.setErrors(error.fieldErrors);
        },
      },
    ),
  );

  return (
    <AuthLayout
      title="Log in"
      subtitle={
        <>
          New to Callflow Workspace?{' '}
          <Anchor component={Link} to="/signup" fw={600}>
            Sign up
          </Anchor>
        </>
      }
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {login.error && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Could not log you in">
              {login.error.message}
            </Alert>
          )}
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Button type="submit" loading={login.isPending} fullWidth mt="xs">
            Log in
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            Haven't confirmed your email yet? Look for the activation link in your inbox or spam folder.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
