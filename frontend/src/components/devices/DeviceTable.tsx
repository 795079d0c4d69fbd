import { ActionIcon, Anchor, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { Device } from '../../api/devices';
import { formatDateTime } from '../../format';
import { RowActions } from '../common/RowActions';
import { DeviceStatusBadge, SubStatusBadge } from '../common/StatusBadges';

interface DeviceTableProps {
  devices: Device[];
  /** The Devices page shows whose device it is and when it was last seen. */
  showContact?: boolean;
  onEdit: (device: Device) => void;
  onMove: (device: Device) => void;
  onDelete: (device: Device) => void;
}

export function DeviceTable({ devices, showContact, onEdit, onMove, onDelete }: DeviceTableProps) {
  return (
    <Table.ScrollContainer minWidth={showContact ? 980 : 860}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="Devices">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            {showContact && <Table.Th>Contact</Table.Th>}
            <Table.Th>Status</Table.Th>
            <Table.Th>Sub-status</Table.Th>
            <Table.Th>App version</Table.Th>
            <Table.Th>SIP accounts</Table.Th>
            {showContact && <Table.Th>Last seen</Table.Th>}
            <Table.Th w={120}>
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
                    {device.platform}
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
              <Table.Td>
                <DeviceStatusBadge status={device.status} />
              </Table.Td>
              <Table.Td>
                <SubStatusBadge subStatus={device.subStatus} />
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
              {showContact && <Table.Td fz="sm">{formatDateTime(device.lastSeenAt, 'Never')}</Table.Td>}
              <Table.Td>
                <RowActions name={device.name} onEdit={() => onEdit(device)} onDelete={() => onDelete(device)}>
                  <Tooltip label="Move to another contact" withArrow>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Move ${device.name}`} onClick={() => onMove(device)}>
                      <IconArrowsExchange size={18} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </RowActions>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
