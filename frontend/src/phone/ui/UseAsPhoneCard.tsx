import { Alert, Button, Group, Text } from '@mantine/core';
import { IconHeadset, IconPlugConnectedX } from '@tabler/icons-react';
import { useState } from 'react';
import type { DeviceActivation } from '../../api/devices';
import { SectionCard } from '../../components/common/SectionCard';
import { activateThisBrowser, phone, stopUsingThisBrowser, usePhone } from '../phoneStore';

/** "Use this browser as a phone": activates the device here with its code (platform "web"). */
export function UseAsPhoneCard({ activation, onActivated }: { activation: DeviceActivation; onActivated: () => void }) {
  const here = usePhone((s) => s.deviceId === activation.device.id && s.status !== 'not_activated' && s.status !== 'none');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { code } = activation;

  const use = async () => {
    if (!code) return;
    setBusy(true);
    setError(null);
    try {
      await activateThisBrowser(code);
      onActivated();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <SectionCard
      id="web-phone"
      title="Web phone"
      description="Make this browser the device: it registers the device’s lines and rings with its calls, with a docked phone on every page."
    >
      {error && (
        <Alert color="red" variant="light" mb="sm">
          {error}
        </Alert>
      )}
      {here ? (
        <Group justify="space-between">
          <Text size="sm">This browser is this device’s phone.</Text>
          <Group gap="xs">
            <Button variant="light" leftSection={<IconHeadset size={16} aria-hidden />} onClick={() => phone.open(true)}>
              Open the phone
            </Button>
            <Button variant="default" leftSection={<IconPlugConnectedX size={16} aria-hidden />} onClick={stopUsingThisBrowser}>
              Stop using this browser
            </Button>
          </Group>
        </Group>
      ) : (
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" maw={460}>
            {code
              ? 'Uses the activation code above; the device shows as a Web phone on the Devices page.'
              : 'The code is hidden (sent or used): reset the activation below to use this browser instead.'}
          </Text>
          <Button leftSection={<IconHeadset size={18} aria-hidden />} onClick={use} loading={busy} disabled={!code}>
            Use this browser as a phone
          </Button>
        </Group>
      )}
    </SectionCard>
  );
}
