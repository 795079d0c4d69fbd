import { Alert, Anchor, Button, Group, Select, Text } from '@mantine/core';
import { IconAlertCircle, IconMail, IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../api/client';
import { type DeviceActivation, devicesApi } from '../../../api/devices';
import { notifySaved } from '../../common/feedback';
import { SectionCard } from '../../common/SectionCard';
import { storeActivation } from './store';

/** Mail the instructions to one of the contact's own addresses (the only ones offered). */
export function SendInstructionsCard({ activation }: { activation: DeviceActivation }) {
  const { device, emails } = activation;
  const [email, setEmail] = useState<string | null>(emails[0]?.address ?? null);
  const send = useMutation({
    mutationFn: (address: string) => devicesApi.sendInstructions(device.id, address),
    onSuccess: (result, address) => {
      storeActivation(result);
      notifySaved('Instructions sent', `Sent to ${address}. The code is now hidden here.`);
    },
  });
  const fieldError = isApiError(send.error, 422) ? send.error.fieldErrors.email : undefined;
  const otherError = send.error && !fieldError ? send.error : null;

  return (
    <SectionCard id="send" title="Send activation instructions" description={activation.instructions.send}>
      {emails.length === 0 ? (
        <Alert color="yellow" variant="light" icon={<IconMail aria-hidden />} title="No email address">
          {device.contact.name} has no email address.{' '}
          <Anchor component={Link} to={`/contacts/${device.contact.id}`}>
            Add one to the contact
          </Anchor>{' '}
          to send the instructions.
        </Alert>
      ) : (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (email) send.mutate(email);
          }}
        >
          <Group align="flex-end" gap="sm">
            <Select
              label="Send email to"
              description={`${device.contact.name}'s email addresses`}
              data={emails.map((e) => ({ value: e.address, label: `${e.address} (${e.label})` }))}
              value={email}
              onChange={(value) => {
                setEmail(value);
                send.reset();
              }}
              allowDeselect={false}
              error={fieldError}
              disabled={!activation.codeShown}
              w={{ base: '100%', sm: 360 }}
            />
            <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={send.isPending} disabled={!activation.codeShown || !email}>
              Send instructions
            </Button>
          </Group>
          {!activation.codeShown && (
            <Text size="sm" c="dimmed" mt="xs">
              There is no code to send: reset the activation code first.
            </Text>
          )}
          {otherError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Not sent" mt="md" role="alert">
              {otherError.message}
            </Alert>
          )}
        </form>
      )}
    </SectionCard>
  );
}
