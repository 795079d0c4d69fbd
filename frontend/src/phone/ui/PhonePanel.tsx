import { ActionIcon, Alert, Anchor, Box, Divider, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconAlertTriangle, IconHeadset, IconHistory, IconMicrophone2, IconPhoneOff, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { phone, usePhone } from '../phoneStore';
import { AudioSettings } from './AudioSettings';
import { CallView } from './CallView';
import { DialForm } from './DialForm';
import { HistoryList } from './HistoryList';
import { LinesList } from './LinesList';

function NotAPhone() {
  return (
    <Stack gap="xs" py="xs">
      <Text size="sm">This browser is not a phone yet.</Text>
      <Text size="sm" c="dimmed">
        Open a device’s activation page on the{' '}
        <Anchor component={Link} to="/devices" onClick={() => phone.open(false)}>
          Devices
        </Anchor>{' '}
        page and choose “Use this browser as a phone”. It then registers the device’s lines here and rings with its calls.
      </Text>
    </Stack>
  );
}

function NotActivated({ name }: { name: string | null }) {
  return (
    <Alert color="red" variant="light" icon={<IconPhoneOff aria-hidden />} title="Not activated">
      The activation of {name ?? 'this device'} was reset, so this browser has unregistered its lines. Use a new activation code to make it a phone again.
    </Alert>
  );
}

/** The docked phone: lines, the current call, dialling, history and audio settings. */
export function PhonePanel() {
  const { status, deviceName, contactName, call, error } = usePhone();
  return (
    <Paper
      shadow="xl"
      radius="lg"
      withBorder
      role="dialog"
      aria-label="Web phone"
      style={{ position: 'fixed', right: 16, bottom: 16, width: 360, zIndex: 250, overflow: 'hidden' }}
    >
      <Group justify="space-between" px="md" py="sm" bg="dark.7" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconHeadset size={20} color="white" aria-hidden />
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text c="white" fw={700} size="sm">
              Web phone
            </Text>
            {deviceName && (
              <Text c="gray.4" size="xs" truncate>
                {deviceName}
                {contactName ? ` · ${contactName}` : ''}
              </Text>
            )}
          </Stack>
        </Group>
        <ActionIcon variant="subtle" color="gray.3" aria-label="Close the web phone" onClick={() => phone.open(false)}>
          <IconX size={18} aria-hidden />
        </ActionIcon>
      </Group>
      <Stack gap="sm" p="md">
        {error && (
          <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} withCloseButton onClose={phone.clearError} p="xs">
            {error}
          </Alert>
        )}
        {status === 'none' && <NotAPhone />}
        {status === 'not_activated' && <NotActivated name={deviceName} />}
        {status === 'starting' && <Text size="sm" c="dimmed">Starting…</Text>}
        {status === 'ready' && (
          <>
            <LinesList />
            {call && <CallView call={call} />}
            {/* During a call its own controls are the panel; dialling comes back when it ends. */}
            {(!call || call.phase === 'ended') && <IdleTabs />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

function IdleTabs() {
  return (
    <>
      <Divider />
      <Tabs defaultValue="dial" variant="pills" radius="md">
        <Tabs.List grow>
          <Tabs.Tab value="dial" leftSection={<IconHeadset size={14} aria-hidden />}>
            Dial
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={14} aria-hidden />}>
            History
          </Tabs.Tab>
          <Tabs.Tab value="audio" leftSection={<IconMicrophone2 size={14} aria-hidden />}>
            Audio
          </Tabs.Tab>
        </Tabs.List>
        <Box pt="sm">
          <Tabs.Panel value="dial">
            <DialForm />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <HistoryList />
          </Tabs.Panel>
          <Tabs.Panel value="audio">
            <AudioSettings />
          </Tabs.Panel>
        </Box>
      </Tabs>
    </>
  );
}
