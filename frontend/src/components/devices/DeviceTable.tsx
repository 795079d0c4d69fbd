import { ActionIcon, Anchor, Box, Button, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange, IconFileCode, IconQrcode } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Device } from '../../api/devices';
import { RowActions } from '../common/RowActions';
import { DeviceStatusBadge, SubStatusBadge } from '../common/StatusBadges';
import { platformLabel } from '../../phone/platform';
import { LastSeen } from './LastSeen';

interface DeviceTableProps {
  devices: Device[];
  /** The Devices page shows whose device it is. */
  showContact?: boolean;
  /** The table's accessible name. */
  label?: string;
  onConfig: (device: Device) => void;
  onEdit: (device: Device) => void;
  onMove: (device: Device) => void;
  onDelete: (device: Device) => void;
}

export function DeviceTable({ devices, showContact, label = 'Devices', onConfig, onEdit, onMove, onDelete }: DeviceTableProps) {
  return (
    <Table.ScrollContainer minWidth={showContact ? 1060 : 940}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showContact && <Table.Th>Contact</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th>Sub-status</Table.Th>
            <Table.Th>App version</Table.Th>
            <Table.Th>SIP accounts</Table.Th>
            <Table.Th>Last seen</Table.Th>
            <Table.Th w={250}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {devices.map((device) => (
            <Table.Tr key={device.id}>
              <Table.Td>
                <Text fw={500} size="sm">
                  {device.name}
                </Text>
                {device.platform && (
                  <Text size="xs" c="dimmed">
                    {platformLabel(device.platform)}
                  </Text>
                )}
              </Table.Td>
              {showContact && (
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${device.contact.id}`} size="sm">
                    {device.contact.name}
                  </Anchor>
                </Table.Td>
              )}
              {/* A badge shrinks to an ellipsis in a tight table: max-content keeps it whole. */}
              <Table.Td>
                <Box w="max-content">
                  <DeviceStatusBadge status={device.status} />
                </Box>
              </Table.Td>
              <Table.Td>
                <Box w="max-content">
                  <SubStatusBadge subStatus={device.subStatus} />
                </Box>
              </Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {device.appVersion ?? '—'}
              </Table.Td>
              <Table.Td>
                {device.sipAccounts.map((account) => (
                  <Text key={account.id} size="sm">
                    {account.friendlyName || account.username}{' '}
                    <Text span size="xs" c="dimmed">
                      {account.providerName}
                    </Text>
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <LastSeen at={device.lastSeenAt} />
              </Table.Td>
              <Table.Td>
                <Group gap={4} justify="flex-end" wrap="nowrap">
                  <Button
                    component={Link}
                    to={`/devices/${device.id}/activation`}
                    variant="subtle"
                    size="compact-sm"
                    leftSection={<IconQrcode size={16} aria-hidden />}
                    aria-label={`Activation of ${device.name}`}
                  >
                    Activation
                  </Button>
                  <Tooltip label="Effective config" withArrow>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Effective config of ${device.name}`} onClick={() => onConfig(device)}>
                      <IconFileCode size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <RowActions name={device.name} onEdit={() => onEdit(device)} onDelete={() => onDelete(device)}>
                    <Tooltip label="Move to another contact" withArrow>
                      <ActionIcon variant="subtle" color="gray" aria-label={`Move ${device.name}`} onClick={() => onMove(device)}>
                        <IconArrowsExchange size={18} aria-hidden />
                      </ActionIcon>
                    </Tooltip>
                  </RowActions>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
