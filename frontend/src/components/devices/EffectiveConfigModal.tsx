import { Alert, Badge, Code, Group, Modal, ScrollArea, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { toSnakeKeys } from '../../api/client';
import { type Device, useEffectiveConfig } from '../../api/devices';

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {});
const asList = (value: unknown): Json[] => (Array.isArray(value) ? value.map(asObject) : []);
const show = (value: unknown): string => (value === null || value === undefined || value === '' ? '—' : String(value));
const yesNo = (value: unknown): string => (value ? 'Yes' : 'No');

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={3} fz="sm" tt="uppercase" c="dimmed" lts={0.5}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Pairs({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td w={180} c="dimmed" fz="sm">
              {label}
            </Table.Td>
            <Table.Td fz="sm">{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function ConfigSections({ config }: { config: Json }) {
  const lines = asList(config.lines);
  const callerId = asObject(config.callerId);
  const recording = asObject(config.recording);
  const announcements = asObject(config.announcements);
  const reachable = Array.isArray(config.reachableAt) ? config.reachableAt.map(String) : [];
  return (
    <Stack gap="lg">
      <Section title={`Lines (${lines.length})`}>
        <Table.ScrollContainer minWidth={620}>
          <Table striped verticalSpacing={6} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Username</Table.Th>
                <Table.Th>Server</Table.Th>
                <Table.Th>Transport</Table.Th>
                <Table.Th>Display name</Table.Th>
                <Table.Th>Password</Table.Th>
                <Table.Th>Dialing rules</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line, index) => (
                <Table.Tr key={`${show(line.sipAccount)}-${index}`}>
                  <Table.Td ff="monospace">{show(line.username)}</Table.Td>
                  <Table.Td ff="monospace">
                    {show(line.server)}:{show(line.port)}
                    {line.proxy ? <Text size="xs" c="dimmed">via {show(line.proxy)}</Text> : null}
                  </Table.Td>
                  <Table.Td tt="uppercase">{show(line.transport)}</Table.Td>
                  <Table.Td>{show(line.displayName)}</Table.Td>
                  <Table.Td>{show(line.password)}</Table.Td>
                  <Table.Td>{asList(line.dialingRules).length}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Section>
      <Section title="Caller ID">
        <Pairs
          rows={[
            ['Name', show(callerId.name)],
            ['Internal number', show(callerId.internal)],
            ['External number', show(callerId.external)],
            ['Outbound calls', yesNo(callerId.outbound)],
          ]}
        />
      </Section>
      <Section title="Recording">
        <Pairs
          rows={[
            ['Enabled', yesNo(recording.enabled)],
            [
              'Calls recorded',
              ['inbound', 'outbound', 'internal', 'external'].filter((kind) => recording[kind]).join(', ') || '—',
            ],
            ['On-demand code', show(recording.onDemandCode)],
            ['Delivery method', show(recording.deliveryMethod)],
          ]}
        />
      </Section>
      <Section title="Announcements">
        <Pairs rows={[['Internal calls', show(announcements.internal)], ['External calls', show(announcements.external)]]} />
      </Section>
      <Section title="Reachable at">
        <Group gap={6}>{reachable.length ? reachable.map((item) => <Badge key={item} variant="light" color="gray" tt="none">{item}</Badge>) : <Text size="sm">—</Text>}</Group>
      </Section>
      <Section title="JSON (passwords are never shown)">
        <ScrollArea.Autosize mah={280} type="auto">
          <Code block fz="xs">
            {JSON.stringify(toSnakeKeys(config), null, 2)}
          </Code>
        </ScrollArea.Autosize>
      </Section>
    </Stack>
  );
}

/** What the device's app and the SIP server get: today's settings (they take effect on save) and
 * where it rings (the published revision's call program), in readable sections. */
export function EffectiveConfigModal({ device, onClose }: { device: Device | null; onClose: () => void }) {
  const query = useEffectiveConfig(device?.id ?? null);
  const data = query.data;
  return (
    <Modal opened={device !== null} onClose={onClose} title={device ? `Effective config of ${device.name}` : ''} size="xl">
      {query.isPending && <Skeleton h={220} aria-label="Loading the effective config" />}
      {query.isError && (
        <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title="Could not load the config">
          {query.error.message}
        </Alert>
      )}
      {data && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {data.revision !== null ? `Settings as saved now; rings as published in revision ${data.revision}` : 'Nothing published yet'}
            {data.hash ? (
              <>
                {' · '}
                <Text span ff="monospace" size="xs">
                  {data.hash.slice(0, 19)}…
                </Text>
              </>
            ) : null}
          </Text>
          {data.inPlan && data.config ? (
            <ConfigSections config={data.config} />
          ) : (
            <Alert color="yellow" variant="light" icon={<IconInfoCircle aria-hidden />} title="Not in the routing plan">
              {data.message}
            </Alert>
          )}
        </Stack>
      )}
    </Modal>
  );
}
