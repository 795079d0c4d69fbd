import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconArrowLeft, IconDeviceMobile } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { type DeviceActivation, useDeviceActivation } from '../api/devices';
import { QueryState } from '../components/common/QueryState';
import { DeviceStatusBadge, SubStatusBadge } from '../components/common/StatusBadges';
import { ActivationCodeCard } from '../components/devices/activation/ActivationCodeCard';
import { ActivationStepsCard } from '../components/devices/activation/ActivationStepsCard';
import { ResetActivationCard } from '../components/devices/activation/ResetActivationCard';
import { SendInstructionsCard } from '../components/devices/activation/SendInstructionsCard';
import { LastSeen } from '../components/devices/LastSeen';
import { Page } from '../components/Page';
import { formatDateTime } from '../format';
import { useDeviceStatusLive } from '../realtime/useDeviceStatusLive';
import { platformLabel } from '../phone/platform';
import { UseAsPhoneCard } from '../phone/ui/UseAsPhoneCard';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lts={0.5}>
        {label}
      </Text>
      {children}
    </Stack>
  );
}

/** Status, sub-status, version and times, as the guide's device list names them. */
function DeviceFacts({ device }: { device: DeviceActivation['device'] }) {
  return (
    <Paper withBorder radius="lg" p="lg">
      {/* Natural widths, not a grid: badges in a narrow column would cut their labels. */}
      <Group gap="xl" justify="space-between" align="flex-start">
        <Fact label="Status">
          <div>
            <DeviceStatusBadge status={device.status} />
          </div>
        </Fact>
        <Fact label="Sub-status">
          <div>
            <SubStatusBadge subStatus={device.subStatus} />
          </div>
        </Fact>
        <Fact label="App version">
          <Text size="sm" ff="monospace">
            {device.appVersion ?? '—'}
          </Text>
        </Fact>
        <Fact label="Platform">
          <Text size="sm">{platformLabel(device.platform) ?? '—'}</Text>
        </Fact>
        <Fact label="Last seen">
          <LastSeen at={device.lastSeenAt} />
        </Fact>
        <Fact label="Activated">
          <Text size="sm">{formatDateTime(device.activatedAt, 'Not yet')}</Text>
        </Fact>
      </Group>
    </Paper>
  );
}

/** The Activation Instructions page of one device: code, QR, link, send and reset. */
export default function DeviceActivationPage() {
  const id = Number(useParams().deviceId);
  const activation = useDeviceActivation(id);
  useDeviceStatusLive();

  if (!Number.isInteger(id) || id <= 0 || isApiError(activation.error, 404)) {
    return (
      <Page title="Device not found">
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden />} title="This device does not exist">
          It may have been deleted. <Anchor component={Link} to="/devices">Back to devices</Anchor>
        </Alert>
      </Page>
    );
  }

  const device = activation.data?.device;
  return (
    <Page
      title="Activation instructions"
      description={device ? `${device.name} of ${device.contact.name}` : undefined}
      actions={
        <Group gap="xs">
          {device && (
            <Button component={Link} to={`/contacts/${device.contact.id}`} variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />}>
              {device.contact.name}
            </Button>
          )}
          <Button component={Link} to="/devices" variant="default" leftSection={<IconDeviceMobile size={16} aria-hidden />}>
            All devices
          </Button>
        </Group>
      }
    >
      <QueryState query={activation} what="the activation instructions" rows={4}>
        {(data) => (
          <Stack gap="lg">
            <DeviceFacts device={data.device} />
            <ActivationCodeCard activation={data} />
            <UseAsPhoneCard activation={data} onActivated={() => void activation.refetch()} />
            <ActivationStepsCard instructions={data.instructions} />
            <SendInstructionsCard key={data.device.contact.id} activation={data} />
            <ResetActivationCard activation={data} />
          </Stack>
        )}
      </QueryState>
    </Page>
  );
}
