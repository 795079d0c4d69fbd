import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { confirmEmail } from '../api/auth';
import { AuthLayout } from '../components/AuthLayout';

export default function ConfirmPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const confirm = useMutation({ mutationFn: confirmEmail });
  const sent = useRef(false);

  useEffect(() => {
    // Tokens are single-use: post once, even when StrictMode runs effects twice.
    if (!token || sent.current) return;
    sent.current = true;
    confirm.mutate(token);
  }, [token, confirm]);

  if (!token) {
    return (
      <AuthLayout title="Confirm your email">
        <ConfirmFailed message="This confirmation link has no token. Open the link from your activation email again." />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Confirm your email">
      {confirm.isSuccess ? (
        <Stack gap="lg">
          <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Your email has been confirmed">
            You can now log in with your email and password.
          </Alert>
          <Button component={Link} to="/login">
            Log in
          </Button>
        </Stack>
      ) : confirm.isError ? (
        <ConfirmFailed message={confirm.error.message} />
      ) : (
        <Center py="xl">
          <Stack align="center" gap="sm">
            <Loader aria-label="Confirming your email" role="progressbar" />
            <Text c="dimmed">Confirming your email…</Text>
          </Stack>
        </Center>
      )}
    </AuthLayout>
  );
}

function ConfirmFailed({ message }: { message: string }) {
  return (
    <Stack gap="lg">
      <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="We could not confirm your email">
        {message}
      </Alert>
      <Button component={Link} to="/signup" variant="light">
        Sign up again
      </Button>
      <Button component={Link} to="/login" variant="subtle">
        Log in
      </Button>
    </Stack>
  );
}
