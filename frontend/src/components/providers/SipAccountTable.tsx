import { Anchor, Badge, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import type { SipAccount } from '../../api/sipAccounts';
import { RowActions } from '../common/RowActions';
import { SipStatusBadge } from '../common/StatusBadges';

interface SipAccountTableProps {
  providerName: string;
  accounts: SipAccount[];
  onEdit: (account: SipAccount) => void;
  onDelete: (account: SipAccount) => void;
}

export const sipAccountName = (account: SipAccount) => account.friendlyName || account.username;

/** A provider's SIP accounts: the columns of the guide's "Managing SIP Accounts". */
export function SipAccountTable({ providerName, accounts, onEdit, onDelete }: SipAccountTableProps) {
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" highlightOnHover aria-label={`SIP accounts of ${providerName}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>SIP username</Table.Th>
            <Table.Th>SIP status</Table.Th>
            <Table.Th>Push</Table.Th>
            <Table.Th>Assigned to</Table.Th>
            <Table.Th w={96}>
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {accounts.map((account) => (
            <Table.Tr key={account.id}>
              <Table.Td fw={500}>{sipAccountName(account)}</Table.Td>
              <Table.Td ff="monospace" fz="sm">
                {account.username}
              </Table.Td>
              <Table.Td>
                <SipStatusBadge status={account.status} />
              </Table.Td>
              <Table.Td>
                <Badge variant="outline" color={account.pushProxy ? 'indigo' : 'gray'}>
                  {account.pushProxy ? 'On' : 'Off'}
                </Badge>
              </Table.Td>
              <Table.Td>
                {account.assignedTo.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    No devices
                  </Text>
                ) : (
                  <Group gap={6}>
                    {account.assignedTo.map((assignment) => (
                      <Anchor key={assignment.deviceId} component={Link} to={`/contacts/${assignment.contactId}`} size="sm">
                        {assignment.deviceName}
                        <Text span c="dimmed" size="xs">
                          {' '}
                          ({assignment.contactName})
                        </Text>
                      </Anchor>
                    ))}
                  </Group>
                )}
              </Table.Td>
              <Table.Td>
                <RowActions name={sipAccountName(account)} onEdit={() => onEdit(account)} onDelete={() => onDelete(account)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
