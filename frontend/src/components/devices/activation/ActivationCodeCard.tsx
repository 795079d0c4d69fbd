import { Alert, Box, Button, CopyButton, Group, Image, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconExternalLink, IconEyeOff, IconRocket } from '@tabler/icons-react';
import { type DeviceActivation, devicesApi } from '../../../api/devices';
import { SectionCard } from '../../common/SectionCard';

function CopyAction({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value}>
      {({ copied, copy }) => (
        <Button
          variant={copied ? 'light' : 'default'}
          color={copied ? 'teal' : undefined}
          size="xs"
          leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
          onClick={copy}
        >
          {copied ? 'Copied' : label}
        </Button>
      )}
    </CopyButton>
  );
}

/** The code in its groups of four, large enough to read across a desk. */
function GroupedCode({ code }: { code: string }) {
  const groups = code.split('-');
  return (
    <Group gap={10} wrap="nowrap" aria-label={`Activation code ${code}`} role="group" data-testid="activation-code">
      {groups.map((group, index) => (
        <Group key={index} gap={10} wrap="nowrap">
          {index > 0 && (
            <Text c="dimmed" fz={28} aria-hidden>
              –
            </Text>
          )}
          <Paper withBorder radius="md" px="sm" py={6} bg="gray.0">
            <Text ff="monospace" fz={30} fw={700} lts={3} lh={1.2}>
              {group}
            </Text>
          </Paper>
        </Group>
      ))}
    </Group>
  );
}

/** The code, its QR code and the Click to Activate link while they may be shown. */
export function ActivationCodeCard({ activation }: { activation: DeviceActivation }) {
  const { code, activationLink, webLink, device } = activation;
  if (!code || !activationLink || !webLink) {
    return (
      <SectionCard id="code" title="Activation code">
        <Alert color="gray" variant="light" icon={<IconEyeOff aria-hidden />} title="The code is hidden">
          {activation.codeHiddenReason}
        </Alert>
      </SectionCard>
    );
  }
  return (
    <SectionCard
      id="code"
      title="Activation code"
      description="Works once. It is shown here until the instructions are sent or the app is activated."
    >
      <Group align="flex-start" gap="xl" wrap="wrap">
        <Stack gap="md" style={{ flex: '1 1 340px' }}>
          <GroupedCode code={code} />
          <Group gap="xs">
            <CopyAction value={code} label="Copy code" />
            <CopyAction value={activationLink} label="Copy activation link" />
            <CopyAction value={webLink} label="Copy web link" />
          </Group>
          <Box>
            <Button component="a" href={activationLink} size="md" leftSection={<IconRocket size={18} aria-hidden />}>
              Click to Activate
            </Button>
            <Text size="xs" c="dimmed" mt={6}>
              Opens the call.center app on this computer, if it is installed, and activates it.
            </Text>
          </Box>
          <Text size="sm" c="dimmed">
            Server{' '}
            <Text span ff="monospace" size="sm" c="dark">
              {activation.server}
            </Text>
            {' · '}
            <Tooltip label="The page a browser without the app shows" withArrow>
              <Text span size="sm" component="a" href={webLink} target="_blank" rel="noreferrer" c="blue">
                Web page <IconExternalLink size={12} aria-hidden />
              </Text>
            </Tooltip>
          </Text>
        </Stack>
        <Paper withBorder radius="md" p="sm" bg="white">
          <Image
            src={devicesApi.qrSvgUrl(device.id, activation.codeIssuedAt)}
            alt={`QR code that activates ${device.name}`}
            w={196}
            h={196}
            fit="contain"
          />
          <Text size="xs" c="dimmed" ta="center" mt={4}>
            Scan with the app’s QR scanner
          </Text>
        </Paper>
      </Group>
    </SectionCard>
  );
}
