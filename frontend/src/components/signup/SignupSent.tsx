import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { Link } from 'react-router';

/** Shown once the server accepted the registration. */
export function SignupSent({ email }: { email: string }) {
  return (
    <Stack gap="lg">
      <Alert
        color="teal"
        variant="light"
        icon={<IconMailCheck aria-hidden />}
        title="An account activation link was sent to your email"
      >
        We sent it to <strong>{email}</strong>. Open the email and click <em>Confirm my account</em> to finish.
      </Alert>
      <Text size="sm" c="dimmed">
        Nothing there? The email may have been filed in your junk or spam folder.
      </Text>
      <Button component={Link} to="/login" variant="light">
        Back to log in
      </Button>
    </Stack>
  );
}
