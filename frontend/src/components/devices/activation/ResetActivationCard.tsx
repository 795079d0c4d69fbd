import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../../api/client';
import { type DeviceActivation, deviceKeys, devicesApi } from '../../../api/devices';
import { notifySaved, reloadStale } from '../../common/feedback';
import { SectionCard } from '../../common/SectionCard';
import { storeActivation } from './store';

/** A new code; the old one (and an activated app) stop working. Confirmed in a modal. */
export function ResetActivationCard({ activation }: { activation: DeviceActivation }) {
  const { device } = activation;
  const [confirming, setConfirming] = useState(false);
  const activated = device.status !== 'not_activated';
  const reset = useMutation({
    mutationFn: () => devicesApi.resetActivation(device),
    onSuccess: (result) => {
      storeActivation(result);
      setConfirming(false);
      notifySaved('Activation code reset', activated ? `${device.name} is deactivated. Use the new code to activate it again.` : 'The new code is shown above.');
    },
    onError: (error) => {
      if (isApiError(error, 412)) {
        reloadStale([deviceKeys.activation(device.id)]);
        setConfirming(false);
      }
    },
  });
  const close = () => {
    reset.reset();
    setConfirming(false);
  };

  return (
    <SectionCard
      id="reset"
      title="Reset activation code"
      description={activation.instructions.reset}
      actions={
        <Button color="red" variant="light" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirming(true)}>
          Reset activation code
        </Button>
      }
    >
      <Modal opened={confirming} onClose={close} title="Reset the activation code?" centered>
        <Stack gap="md">
          {activated ? (
            <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`This deactivates ${device.name}`}>
              The app on it stops working at once and must be activated again with the new code.
            </Alert>
          ) : (
            <Text size="sm">
              The current code{device.subStatus === 'instructions_sent' ? ', including the one already emailed,' : ''} stops working. A new code is shown
              here and can be sent again.
            </Text>
          )}
          {reset.error && !isApiError(reset.error, 412) && (
            <Alert color="red" variant="light" role="alert" title="Not reset">
              {reset.error.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()}>
              {activated ? 'Deactivate and reset' : 'Reset code'}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
